/** Errors of the channels module: HTTP status and message in Vietnamese (first) and English. */
export const CHANNELS_ERRORS = {
  mail_not_held: {
    status: 409,
    vi: 'Thư này đã được xử lý hoặc bỏ qua.',
    en: 'This mail was already processed or discarded.',
  },
  api_client_not_found: {
    status: 404,
    vi: 'Không tìm thấy ứng dụng Open311 (hoặc khóa đã bị thu hồi).',
    en: 'No such Open311 client (or its key was revoked).',
  },
  cti_disabled: {
    status: 404,
    vi: 'Chưa cấu hình tích hợp tổng đài (CTI_SECRET).',
    en: 'The telephony integration is not configured (CTI_SECRET).',
  },
  cti_bad_signature: {
    status: 401,
    vi: 'Chữ ký sự kiện tổng đài không hợp lệ hoặc đã quá hạn.',
    en: 'The telephony event signature is invalid or its timestamp is outside the allowed window.',
  },
  cti_replay: {
    status: 409,
    vi: 'Sự kiện tổng đài này đã được nhận (gửi lại hoặc lặp).',
    en: 'This telephony event was already received (a replay or a repeat).',
  },
  call_not_found: {
    status: 404,
    vi: 'Không tìm thấy cuộc gọi này.',
    en: 'No such call.',
  },
  call_ended: {
    status: 409,
    vi: 'Cuộc gọi đã kết thúc.',
    en: 'The call has already ended.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
