/** Errors of the content module: HTTP status and message in Vietnamese (first) and English. */
export const CONTENT_ERRORS = {
  content_conflict: {
    status: 409,
    vi: 'Nội dung đã được người khác thay đổi (phiên bản {current}). Hãy tải lại rồi sửa tiếp.',
    en: 'Someone else changed this item (now version {current}). Reload and edit again.',
  },
  content_action_not_allowed: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại.',
    en: 'This action is not possible in the current status.',
  },
  content_not_editable: {
    status: 409,
    vi: 'Nội dung ở trạng thái này không sửa được.',
    en: 'The item cannot be edited in this status.',
  },
  content_own_approval: {
    status: 403,
    vi: 'Không được tự duyệt nội dung do chính mình gửi.',
    en: 'You cannot approve an item you submitted yourself.',
  },
  content_slug_taken: {
    status: 409,
    vi: 'Đường dẫn "{slug}" đã được dùng cho nội dung khác.',
    en: 'The address "{slug}" is already used by another item.',
  },
  content_bad_category: {
    status: 400,
    vi: 'Chuyên mục không thuộc loại nội dung này.',
    en: 'The category does not belong to this content type.',
  },
  content_fields_required: {
    status: 400,
    vi: 'Thiếu thông tin bắt buộc của loại nội dung ({type}).',
    en: 'Required fields of this content type ({type}) are missing.',
  },
  content_schedule_in_past: {
    status: 400,
    vi: 'Thời điểm hẹn giờ đã qua.',
    en: 'The scheduled time is in the past.',
  },
  content_schedule_order: {
    status: 400,
    vi: 'Thời điểm gỡ phải sau thời điểm đăng.',
    en: 'The unpublish time must come after the publish time.',
  },
  content_unknown_media: {
    status: 400,
    vi: 'Tệp trong thư viện không tồn tại.',
    en: 'A media file does not exist.',
  },
  content_version_not_found: {
    status: 404,
    vi: 'Không có phiên bản này.',
    en: 'There is no such version.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
