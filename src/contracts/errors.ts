import { ALERTS_ERRORS } from './errors/alerts.js';
import { CONTENT_ERRORS } from './errors/content.js';
import { CHANNELS_ERRORS } from './errors/channels.js';
import { TRIAGE_ERRORS } from './errors/triage.js';
import { DATA_REQUEST_ERRORS } from './errors/data-requests.js';
import { ANALYTICS_ERRORS } from './errors/analytics.js';
import { CAMPAIGNS_ERRORS } from './errors/campaigns.js';

/** Every error the API can return, with its HTTP status and its message in Vietnamese (first) and English. */
const CORE_ERRORS = {
  validation: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is not valid.' },
  malformed_json: { status: 400, vi: 'Nội dung JSON bị lỗi cú pháp.', en: 'The JSON body is malformed.' },
  unsupported_media_type: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ.',
    en: 'This content type is not supported.',
  },
  payload_too_large: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  not_found: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  email_taken: {
    status: 409,
    vi: 'Email này đã được dùng cho một tài khoản khác.',
    en: 'This email is already used by another account.',
  },
  route_not_found: {
    status: 404,
    vi: 'Đường dẫn API không tồn tại.',
    en: 'There is no such API route.',
  },
  unauthenticated: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  forbidden: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  csrf: {
    status: 403,
    vi: 'Yêu cầu không hợp lệ (thiếu hoặc sai mã chống giả mạo CSRF). Hãy tải lại trang.',
    en: 'Invalid request (missing or wrong CSRF token). Reload the page.',
  },
  mfa_required: {
    status: 401,
    vi: 'Cần nhập mã xác thực hai lớp.',
    en: 'A two-factor code is required.',
  },
  mfa_enrollment_required: {
    status: 403,
    vi: 'Vai trò của bạn bắt buộc bật xác thực hai lớp trước khi tiếp tục.',
    en: 'Your role requires two-factor authentication to be enabled first.',
  },
  invalid_credentials: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  account_locked: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau {minutes} phút.',
    en: 'The account is locked after too many failed sign-ins. Try again in {minutes} minutes.',
  },
  account_disabled: { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'The account is disabled.' },
  invalid_totp: {
    status: 401,
    vi: 'Mã xác thực hai lớp không đúng hoặc đã hết hạn.',
    en: 'The two-factor code is wrong or expired.',
  },
  totp_not_pending: {
    status: 409,
    vi: 'Chưa bắt đầu bật xác thực hai lớp.',
    en: 'Two-factor setup has not been started.',
  },
  otp_invalid: {
    status: 401,
    vi: 'Mã OTP không đúng, đã hết hạn hoặc đã được dùng.',
    en: 'The one-time code is wrong, expired or already used.',
  },
  otp_too_many_attempts: {
    status: 429,
    vi: 'Nhập sai mã OTP quá nhiều lần. Hãy yêu cầu mã mới.',
    en: 'Too many wrong one-time codes. Request a new code.',
  },
  otp_too_soon: {
    status: 429,
    vi: 'Vui lòng chờ {seconds} giây trước khi yêu cầu mã mới.',
    en: 'Please wait {seconds} seconds before requesting a new code.',
  },
  rate_limited: {
    status: 429,
    vi: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
    en: 'Too many requests. Please try again in a few minutes.',
  },
  conflict: {
    status: 409,
    vi: 'Dữ liệu đã bị người khác thay đổi. Hãy tải lại và thử lại.',
    en: 'Someone else changed this. Reload and try again.',
  },
  username_taken: {
    status: 409,
    vi: 'Tên đăng nhập hoặc email đã được dùng.',
    en: 'The username or email is already used.',
  },
  agency_code_taken: { status: 409, vi: 'Mã cơ quan đã tồn tại.', en: 'The agency code already exists.' },
  unknown_agency: { status: 422, vi: 'Cơ quan không tồn tại.', en: 'Unknown agency.' },
  unknown_unit: { status: 422, vi: 'Đơn vị hành chính không tồn tại.', en: 'Unknown administrative unit.' },
  role_needs_agency: {
    status: 422,
    vi: 'Vai trò "{role}" phải gắn với một cơ quan.',
    en: 'Role "{role}" must be tied to an agency.',
  },
  agency_cycle: {
    status: 422,
    vi: 'Cơ quan cấp trên không hợp lệ (tạo vòng lặp).',
    en: 'Invalid parent agency (it would create a cycle).',
  },
  cannot_remove_last_admin: {
    status: 409,
    vi: 'Không thể bỏ quyền quản trị viên cuối cùng.',
    en: 'The last administrator cannot be removed.',
  },
  weak_password: {
    status: 422,
    vi: 'Mật khẩu phải có ít nhất 10 ký tự.',
    en: 'The password must have at least 10 characters.',
  },
  illegal_transition: {
    status: 409,
    vi: 'Không thể thực hiện "{action}" khi phản ánh đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" a report whose status is "{status}".',
  },
  unknown_category: { status: 422, vi: 'Lĩnh vực không tồn tại.', en: 'Unknown category.' },
  point_outside_province: {
    status: 422,
    vi: 'Vị trí đã chọn nằm ngoài địa bàn tỉnh.',
    en: 'The chosen place is outside the province.',
  },
  unit_point_mismatch: {
    status: 422,
    vi: 'Đơn vị hành chính không khớp với vị trí trên bản đồ.',
    en: 'The administrative unit does not match the point on the map.',
  },
  contact_required: {
    status: 422,
    vi: 'Cần số điện thoại hoặc email để nhận kết quả và tra cứu phản ánh.',
    en: 'A phone number or email is needed to receive the answer and look the report up.',
  },
  field_required: {
    status: 422,
    vi: 'Thiếu thông tin bắt buộc: {field}.',
    en: 'Missing required field: {field}.',
  },
  not_a_sub_unit: {
    status: 422,
    vi: 'Chỉ chuyển được cho đơn vị cấp dưới của cơ quan đang xử lý.',
    en: 'A report can only be passed down to a sub-unit of the handling agency.',
  },
  merge_target_invalid: {
    status: 422,
    vi: 'Không gộp được vào phản ánh này.',
    en: 'The report cannot be merged into that one.',
  },
  rating_not_allowed: {
    status: 409,
    vi: 'Chỉ đánh giá được phản ánh đã có trả lời công khai (trong {days} ngày).',
    en: 'Only a published answer can be rated (within {days} days).',
  },
  service_unavailable: {
    status: 503,
    vi: 'Hệ thống tạm thời không sẵn sàng. Vui lòng thử lại.',
    en: 'The service is temporarily unavailable. Please retry.',
  },
  internal: {
    status: 500,
    vi: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  file_type_not_allowed: {
    status: 415,
    vi: 'Loại tệp không được chấp nhận. Chỉ nhận ảnh (JPEG, PNG, WebP, HEIC, GIF), video (MP4, MOV, WebM) và tài liệu (PDF, DOCX, XLSX, ODT).',
    en: 'This file type is not accepted. Only photos (JPEG, PNG, WebP, HEIC, GIF), videos (MP4, MOV, WebM) and documents (PDF, DOCX, XLSX, ODT) are.',
  },
  file_type_mismatch: {
    status: 415,
    vi: 'Nội dung tệp không khớp với phần mở rộng của tên tệp.',
    en: 'The file content does not match its file name extension.',
  },
  file_too_large: {
    status: 413,
    vi: 'Tệp quá lớn (tối đa {maxMb} MB).',
    en: 'The file is too large (at most {maxMb} MB).',
  },
  image_unreadable: {
    status: 422,
    vi: 'Không đọc được ảnh này. Hãy chụp lại hoặc chọn ảnh định dạng JPEG.',
    en: 'This image cannot be read. Take it again or choose a JPEG image.',
  },
  upload_not_found: {
    status: 404,
    vi: 'Không tìm thấy tệp đính kèm.',
    en: 'The attachment was not found.',
  },
  attachment_not_photo: {
    status: 422,
    vi: 'Chỉ che vùng được trên ảnh; video và tài liệu thì ẩn cả tệp.',
    en: 'Only photos can have regions masked; hide a video or document as a whole.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

/** The whole catalogue: the core errors above and each module's own (`errors/<module>.ts`). */
export const ERRORS = {
  ...CORE_ERRORS,
  ...ALERTS_ERRORS,
  ...CONTENT_ERRORS,
  ...CHANNELS_ERRORS,
  ...TRIAGE_ERRORS,
  ...DATA_REQUEST_ERRORS,
  ...ANALYTICS_ERRORS,
  ...CAMPAIGNS_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** RFC 9457 problem details, as every error response body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
}
