/** Brand and province as the UI needs them from GET /api/v1/profile (the profile may carry more). */
export interface BrandView {
  appName: string;
  hotlineName: string;
  hotline: string;
  mailbox: string;
  appNameEn?: string;
  hotlineNameEn?: string;
  [key: string]: unknown;
}

export interface ProvinceView {
  name: string;
  nameEn?: string;
  [key: string]: unknown;
}

export interface ProfileResponse {
  id: string;
  brand: BrandView;
  province: ProvinceView;
}

/** Brand and province names in the chosen language (English names fall back to the Vietnamese ones). */
export function localNames(brand: BrandView, province: ProvinceView, lang: 'vi' | 'en') {
  const en = lang === 'en';
  return {
    appName: (en && brand.appNameEn) || brand.appName,
    hotlineName: (en && brand.hotlineNameEn) || brand.hotlineName,
    hotline: brand.hotline,
    mailbox: brand.mailbox,
    province: (en && province.nameEn) || province.name,
  };
}
