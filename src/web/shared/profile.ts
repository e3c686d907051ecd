/** Brand and province as the UI needs them from GET /api/v1/profile (the profile may carry more). */
export interface BrandView {
  appName: string;
  hotlineName: string;
  hotline: string;
  mailbox: string;
  [key: string]: unknown;
}

export interface ProvinceView {
  name: string;
  [key: string]: unknown;
}

export interface ProfileResponse {
  id: string;
  brand: BrandView;
  province: ProvinceView;
}
