import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { localNames, type BrandView, type ProvinceView } from '../shared/profile.js';
import { Layout } from './layout.js';
import { PortalHome } from './portal-home.js';
import { pt } from './public-messages.js';

export interface PublicPageInput {
  brand: BrandView;
  province: ProvinceView;
  lang: 'vi' | 'en';
  /** The site's public base URL, e.g. https://1022.longan.gov.vn (no trailing slash needed). */
  publicUrl: string;
}

function pageUrls(publicUrl: string, path: string) {
  const base = publicUrl.replace(/\/+$/, '');
  return { vi: `${base}${path}`, en: `${base}${path}?lang=en` };
}

/** The 1022 portal home as a complete HTML document (no scripts: readable by search engines and weak phones). */
export function renderPortalHome(input: PublicPageInput): string {
  const { brand, province, lang } = input;
  const params = localNames(brand, province, lang);
  const alternates = pageUrls(input.publicUrl, '/');
  const page = createElement(Layout, {
    lang,
    title: pt(lang, 'homeTitle', params),
    description: pt(lang, 'homeDescription', params),
    canonical: alternates[lang],
    alternates,
    brand,
    province,
    children: createElement(PortalHome, { lang, brand, province }),
  });
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
