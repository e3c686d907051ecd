/** Texts of the server-rendered public pages (kept apart so the citizen app bundle does not carry them). */
const vi = {
  skip: 'Bỏ qua, đến nội dung chính',
  langLink: 'English',
  langLinkName: 'Xem bằng tiếng Anh',
  homeTitle: '{hotlineName} — tiếp nhận phản ánh, kiến nghị của người dân, doanh nghiệp {province}',
  homeDescription:
    '{hotlineName}: gửi phản ánh, kiến nghị đến chính quyền {province} qua cổng thông tin, điện thoại {hotline}, ứng dụng {appName} hoặc thư điện tử {mailbox}; tra cứu kết quả xử lý.',
  heroTitle: '{hotlineName}',
  heroLead:
    'Kênh tiếp nhận phản ánh, kiến nghị của người dân và doanh nghiệp về hạ tầng đô thị, kinh tế – xã hội, dịch vụ công, an ninh trật tự, chính sách ưu đãi đầu tư và các vấn đề khác trên địa bàn {province}.',
  heroHow:
    'Mọi phản ánh được chuyển về Trung tâm Điều hành thông minh (IOC), chuyển đến cơ quan có thẩm quyền xử lý, và kết quả được trả lời lại cho bạn.',
  sendReport: 'Gửi phản ánh trên ứng dụng {appName}',
  channelsTitle: 'Bốn kênh tiếp nhận',
  channelPortal: 'Cổng thông tin',
  channelPortalText: 'Gửi phản ánh và tra cứu kết quả ngay trên trang này.',
  channelPhone: 'Điện thoại',
  channelPhoneText: 'Gọi {hotline} để điện thoại viên ghi nhận phản ánh của bạn.',
  channelApp: 'Ứng dụng {appName}',
  channelAppText: 'Gửi phản ánh kèm hình ảnh, vị trí; nhận thông báo khi có kết quả.',
  channelEmail: 'Thư điện tử',
  channelEmailText: 'Gửi thư đến {mailbox}.',
  lookupTitle: 'Tra cứu phản ánh',
  lookupText: 'Nhập mã phản ánh và số điện thoại bạn đã dùng khi gửi.',
  lookupCode: 'Mã phản ánh',
  lookupPhone: 'Số điện thoại',
  lookupSubmit: 'Tra cứu',
  footerHotline: 'Đường dây nóng',
  footerMailbox: 'Thư điện tử',
  footerOwner: 'Cơ quan chủ quản: UBND {province}',
} as const;

export type PublicMessageKey = keyof typeof vi;

const en: Record<PublicMessageKey, string> = {
  skip: 'Skip to main content',
  langLink: 'Tiếng Việt',
  langLinkName: 'View in Vietnamese',
  homeTitle: '{hotlineName} — feedback and petitions from citizens and businesses of {province}',
  homeDescription:
    '{hotlineName}: send feedback and petitions to the {province} government through the portal, phone {hotline}, the {appName} app or email {mailbox}; look up the answer.',
  heroTitle: '{hotlineName}',
  heroLead:
    'The channel for citizens and businesses to report issues about urban infrastructure, socio-economic matters, public services, security and order, investment incentive policies and more in {province}.',
  heroHow:
    'Every report goes to the Smart Operations Centre (IOC), which forwards it to the responsible agency; the answer comes back to you.',
  sendReport: 'Send a report in the {appName} app',
  channelsTitle: 'Four ways to reach us',
  channelPortal: 'Web portal',
  channelPortalText: 'Send a report and look up the answer on this site.',
  channelPhone: 'Phone',
  channelPhoneText: 'Call {hotline} and an agent records your report.',
  channelApp: '{appName} app',
  channelAppText: 'Send a report with photos and a place; get notified when it is answered.',
  channelEmail: 'Email',
  channelEmailText: 'Write to {mailbox}.',
  lookupTitle: 'Look up a report',
  lookupText: 'Enter the report code and the phone number you used when sending it.',
  lookupCode: 'Report code',
  lookupPhone: 'Phone number',
  lookupSubmit: 'Look up',
  footerHotline: 'Hotline',
  footerMailbox: 'Email',
  footerOwner: 'Operated by the People’s Committee of {province}',
};

/** A public-page text in the given language with `{name}` placeholders filled. */
export function pt(lang: 'vi' | 'en', key: PublicMessageKey, params: Record<string, string> = {}): string {
  const template: string = (lang === 'en' ? en : vi)[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}
