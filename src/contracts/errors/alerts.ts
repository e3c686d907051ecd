/** Errors of the alerts module: HTTP status and message in Vietnamese (first) and English. */
export const ALERTS_ERRORS = {
  alert_not_found: { status: 404, vi: 'Không tìm thấy cảnh báo.', en: 'Alert not found.' },
  alert_wrong_state: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này khi cảnh báo đang ở trạng thái "{state}".',
    en: 'This action is not possible while the alert is "{state}".',
  },
  alert_self_approval: {
    status: 403,
    vi: 'Người soạn không được tự duyệt cảnh báo của mình; cần một người duyệt khác.',
    en: 'The author cannot approve their own alert; a second person must approve it.',
  },
  alert_expiry_past: {
    status: 422,
    vi: 'Thời điểm hết hiệu lực phải ở tương lai và sau thời điểm bắt đầu.',
    en: 'The expiry must be in the future and after the onset.',
  },
  alert_polygon_invalid: {
    status: 422,
    vi: 'Vùng vẽ trên bản đồ không hợp lệ ({reason}): đa giác phải khép kín, có ít nhất 3 đỉnh và không tự cắt.',
    en: 'The drawn area is invalid ({reason}): the polygon must close, have at least 3 corners and not cross itself.',
  },
  alert_unknown_unit: {
    status: 422,
    vi: 'Đơn vị hành chính "{code}" không có trong hồ sơ tỉnh.',
    en: 'Administrative unit "{code}" is not in the province profile.',
  },
  alert_original_not_current: {
    status: 409,
    vi: 'Cảnh báo gốc không còn hiệu lực (đã hủy, đã thay thế hoặc hết hạn): không thể cập nhật hay hủy.',
    en: 'The original alert is no longer current (cancelled, superseded or expired): it cannot be updated or cancelled.',
  },
  alert_unknown_template: { status: 422, vi: 'Mẫu cảnh báo không tồn tại.', en: 'Unknown alert template.' },
  push_endpoint_refused: {
    status: 422,
    vi: 'Địa chỉ nhận thông báo đẩy không hợp lệ (cần https của dịch vụ push).',
    en: 'The push endpoint is not acceptable (an https push service URL is required).',
  },
  push_not_subscribed: {
    status: 404,
    vi: 'Trình duyệt này chưa đăng ký nhận cảnh báo.',
    en: 'This browser is not subscribed.',
  },
  alert_contact_no_phone: {
    status: 422,
    vi: 'Tài khoản chưa có số điện thoại đã xác minh để nhận SMS.',
    en: 'The account has no verified phone number for SMS.',
  },
  alert_contact_not_found: {
    status: 404,
    vi: 'Chưa đăng ký nhận cảnh báo qua kênh này.',
    en: 'Not subscribed on this channel.',
  },
  alert_contact_token_invalid: {
    status: 400,
    vi: 'Liên kết hoặc mã xác nhận không đúng hoặc đã hết hạn.',
    en: 'The link or code is wrong or has expired.',
  },
  alert_contact_mail_off: {
    status: 409,
    vi: 'Hệ thống chưa cấu hình gửi email; hãy chọn SMS.',
    en: 'Outgoing mail is not configured; choose SMS.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
