/** Errors of data subject requests (feedback module): HTTP status and message in Vietnamese and English. */
export const DATA_REQUEST_ERRORS = {
  data_request_decided: {
    status: 409,
    vi: 'Yêu cầu này đã được xử lý.',
    en: 'This request has already been decided.',
  },
  data_request_reason_required: {
    status: 400,
    vi: 'Cần ghi lý do từ chối để gửi cho người yêu cầu.',
    en: 'Give the reason for the refusal: the requester is told it.',
  },
  data_request_identity_required: {
    status: 400,
    vi: 'Cần mã phản ánh và số điện thoại hoặc email đã dùng khi gửi (hoặc đăng nhập).',
    en: 'Give the tracking code and the phone or email used with it (or sign in).',
  },
  data_request_nothing_to_apply: {
    status: 409,
    vi: 'Không có dữ liệu nào để sửa hoặc xoá theo yêu cầu này.',
    en: 'There is no data to correct or delete for this request.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
