/** Texts of staff notifications (console bell and list), Vietnamese first. Keys start with 'notifications.'. */
export const vi = {
  'notifications.bell': 'Thông báo',
  'notifications.bellUnread': 'Thông báo ({n})',
  'notifications.bellLabel': 'Thông báo ({n}) chưa đọc',
  'notifications.title': 'Thông báo',
  'notifications.intro':
    'Phản ánh sắp đến hạn, quá hạn, được chuyển đến cơ quan của bạn hoặc đơn vị trực thuộc, hoặc được trả lại Trung tâm điều hành.',
  'notifications.unreadCount': '{n} thông báo chưa đọc',
  'notifications.none': 'Chưa có thông báo nào.',
  'notifications.markRead': 'Đánh dấu đã đọc',
  'notifications.markAllRead': 'Đánh dấu tất cả đã đọc',
  'notifications.more': 'Xem thêm',
  'notifications.openReport': 'Mở phản ánh',
  'notifications.unread': 'Chưa đọc',
  'notifications.read': 'Đã đọc',
  'notifications.kind.report_due_soon': 'Sắp đến hạn',
  'notifications.kind.report_overdue': 'Quá hạn',
  'notifications.kind.report_assigned': 'Được chuyển đến',
  'notifications.kind.report_returned': 'Bị trả lại',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'notifications.bell': 'Notifications',
  'notifications.bellUnread': 'Notifications ({n})',
  'notifications.bellLabel': 'Notifications ({n}) unread',
  'notifications.title': 'Notifications',
  'notifications.intro':
    'Reports nearing or past their deadline, assigned to your agency or one of its sub-units, or returned to the operations centre.',
  'notifications.unreadCount': '{n} unread',
  'notifications.none': 'No notifications yet.',
  'notifications.markRead': 'Mark as read',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.more': 'Show more',
  'notifications.openReport': 'Open the report',
  'notifications.unread': 'Unread',
  'notifications.read': 'Read',
  'notifications.kind.report_due_soon': 'Due soon',
  'notifications.kind.report_overdue': 'Overdue',
  'notifications.kind.report_assigned': 'Assigned to you',
  'notifications.kind.report_returned': 'Returned',
};
