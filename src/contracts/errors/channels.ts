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
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
