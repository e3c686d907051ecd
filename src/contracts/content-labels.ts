// Content types, categories and service levels with their labels: plain data without zod, so the
// citizen app can import them without the validation library. Re-exported by `content.ts`.

export const CONTENT_TYPES = ['article', 'document', 'guide', 'material', 'service'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const CONTENT_TYPE_LABELS: Record<ContentType, { vi: string; en: string }> = {
  article: { vi: 'Tin tức', en: 'News' },
  document: { vi: 'Văn bản chỉ đạo', en: 'Directive documents' },
  guide: { vi: 'Hướng dẫn sử dụng', en: 'Guides' },
  material: { vi: 'Tài liệu tuyên truyền', en: 'Promotion materials' },
  service: { vi: 'Dịch vụ số', en: 'Digital services' },
};

/** The URL segment of each type under /chuyen-doi-so (Vietnamese, no diacritics). */
export const CONTENT_TYPE_PATHS: Record<ContentType, string> = {
  article: 'tin-tuc',
  document: 'van-ban',
  guide: 'huong-dan',
  material: 'tai-lieu-tuyen-truyen',
  service: 'dich-vu-so',
};

/** Categories per type: news categories, document kinds, material kinds, service sectors. */
export const CONTENT_CATEGORIES: Record<ContentType, Record<string, { vi: string; en: string }>> = {
  article: {
    'kinh-te-xa-hoi': { vi: 'Đời sống kinh tế - xã hội', en: 'Socio-economic life' },
    'an-ninh-trat-tu': { vi: 'An ninh trật tự', en: 'Public order' },
    'chuyen-doi-so': { vi: 'Chuyển đổi số', en: 'Digital transformation' },
    'thong-bao': { vi: 'Thông báo', en: 'Announcements' },
  },
  document: {
    'ke-hoach': { vi: 'Kế hoạch', en: 'Plan' },
    'cong-van': { vi: 'Công văn', en: 'Official letter' },
    'quyet-dinh': { vi: 'Quyết định', en: 'Decision' },
    'chi-thi': { vi: 'Chỉ thị', en: 'Directive' },
    'huong-dan': { vi: 'Hướng dẫn', en: 'Guidance' },
  },
  guide: {
    'ung-dung': { vi: 'Ứng dụng', en: 'Apps' },
    'dich-vu-cong': { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
    'ky-nang-so': { vi: 'Kỹ năng số', en: 'Digital skills' },
  },
  material: {
    'to-gap': { vi: 'Tờ gấp', en: 'Leaflet' },
    phuon: { vi: 'Phướn, băng rôn', en: 'Banner' },
    'kich-ban': { vi: 'Kịch bản tuyên truyền', en: 'Loudspeaker script' },
    'khau-hieu': { vi: 'Khẩu hiệu', en: 'Slogans' },
    'ap-phich': { vi: 'Áp phích', en: 'Poster' },
  },
  service: {
    'y-te': { vi: 'Y tế', en: 'Health' },
    'giao-duc': { vi: 'Giáo dục', en: 'Education' },
    'giao-thong': { vi: 'Giao thông', en: 'Transport' },
    'hanh-chinh': { vi: 'Hành chính công', en: 'Public administration' },
    'thanh-toan': { vi: 'Thanh toán, thuế', en: 'Payments and taxes' },
    'an-sinh': { vi: 'Lao động, an sinh xã hội', en: 'Labour and social security' },
    'nong-nghiep': { vi: 'Nông nghiệp', en: 'Agriculture' },
  },
};

export function isCategoryOf(type: ContentType, category: string): boolean {
  return Object.hasOwn(CONTENT_CATEGORIES[type], category);
}

/** Online public service levels (Decree 42/2022: "toàn trình" full, "một phần" partial). */
export const ONLINE_LEVELS = ['full', 'partial', 'info'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, { vi: string; en: string }> = {
  full: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online public service' },
  partial: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online public service' },
  info: { vi: 'Cung cấp thông tin, tiện ích số', en: 'Information and digital utility' },
};
