/** Texts of the channels screens, Vietnamese first; English must have the same keys. Keys start with 'channels.'. */
export const vi = {
  'channels.callTitle': 'Tổng đài 1022 — ghi nhận cuộc gọi',
  'channels.callHelp':
    'Gõ số người gọi rồi Enter để xem phản ánh trước đây. Ctrl+Enter gửi phản ánh. Alt+N: cuộc gọi mới.',
  'channels.phone': 'Số điện thoại người gọi',
  'channels.lookup': 'Tra cứu',
  'channels.history': 'Phản ánh trước đây của số này',
  'channels.historyNone': 'Số này chưa có phản ánh nào.',
  'channels.callerName': 'Họ tên người gọi (không bắt buộc)',
  'channels.category': 'Lĩnh vực',
  'channels.categoryFilter': 'Tìm lĩnh vực',
  'channels.categoryEmpty': '— Chọn lĩnh vực —',
  'channels.noMatch': 'Không có lĩnh vực phù hợp',
  'channels.title': 'Tiêu đề ngắn',
  'channels.body': 'Nội dung người gọi trình bày',
  'channels.address': 'Địa chỉ, địa điểm',
  'channels.district': 'Huyện / thị xã / thành phố',
  'channels.districtAny': '— Không rõ —',
  'channels.consent':
    'Người gọi đã nghe thông báo xử lý dữ liệu cá nhân và đồng ý (đọc thông báo trước khi đánh dấu).',
  'channels.submit': 'Ghi nhận phản ánh',
  'channels.codeTitle': 'Đọc mã tra cứu cho người gọi',
  'channels.codeHelp': 'Đọc từng nhóm, chậm rãi; người gọi dùng mã này và số điện thoại để tra cứu.',
  'channels.newCall': 'Cuộc gọi mới',
  'channels.received': 'Đã tiếp nhận',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'channels.callTitle': '1022 call centre — record a call',
  'channels.callHelp':
    "Type the caller's number and press Enter to see earlier reports. Ctrl+Enter sends the report. Alt+N: new call.",
  'channels.phone': "Caller's phone number",
  'channels.lookup': 'Look up',
  'channels.history': 'Earlier reports from this number',
  'channels.historyNone': 'No reports from this number yet.',
  'channels.callerName': "Caller's name (optional)",
  'channels.category': 'Category',
  'channels.categoryFilter': 'Find a category',
  'channels.categoryEmpty': '— Choose a category —',
  'channels.noMatch': 'No matching category',
  'channels.title': 'Short title',
  'channels.body': 'What the caller says',
  'channels.address': 'Address, place',
  'channels.district': 'District',
  'channels.districtAny': '— Unknown —',
  'channels.consent': 'The caller heard the privacy notice and agreed (read the notice before ticking).',
  'channels.submit': 'Record the report',
  'channels.codeTitle': 'Read the tracking code to the caller',
  'channels.codeHelp':
    'Read it group by group, slowly; the caller looks the report up with it and the phone number.',
  'channels.newCall': 'New call',
  'channels.received': 'Received',
};
