import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { BrandView, ProvinceView } from '../shared/profile.js';
import { Layout } from './layout.js';

const TEXT = {
  vi: {
    lead: 'Nơi cung cấp thông tin, văn bản chỉ đạo, tài liệu và video hướng dẫn sử dụng các ứng dụng, tài liệu tuyên truyền về chuyển đổi số trên địa bàn {province}.',
    sections: 'Nội dung của trang',
    news: 'Tin tức chuyển đổi số',
    newsText: 'Hoạt động chuyển đổi số, chính quyền số, kinh tế số và xã hội số của tỉnh.',
    documents: 'Văn bản chỉ đạo',
    documentsText: 'Kế hoạch, công văn hướng dẫn (ví dụ Kế hoạch 310/KH-UBND, 881/KH-UBND).',
    guides: 'Hướng dẫn sử dụng',
    guidesText: 'Tài liệu và video hướng dẫn cài đặt, sử dụng {appName} và dịch vụ công trực tuyến.',
    materials: 'Tài liệu tuyên truyền',
    materialsText: 'Tờ gấp, phướn, kịch bản, khẩu hiệu, áp phích để tải về và in.',
    services: 'Dịch vụ số',
    servicesText: 'Danh bạ dịch vụ số về y tế, giáo dục, giao thông và dịch vụ công trực tuyến.',
    soon: 'Các mục này đang được xây dựng; trong lúc chờ, bạn có thể dùng các kênh dưới đây.',
    channels: 'Kênh tương tác',
    portal: 'Gửi và tra cứu phản ánh trên {hotlineName}',
    app: 'Mở ứng dụng {appName}',
  },
  en: {
    lead: 'News, directive documents, guides and videos on using the apps, and promotion materials for digital transformation in {province}.',
    sections: 'What this site holds',
    news: 'Digital transformation news',
    newsText: "The province's digital government, digital economy and digital society.",
    documents: 'Directive documents',
    documentsText: 'Plans and guidance letters (e.g. Plan 310/KH-UBND, 881/KH-UBND).',
    guides: 'Guides',
    guidesText: 'Documents and videos on installing and using {appName} and online public services.',
    materials: 'Promotion materials',
    materialsText: 'Leaflets, banners, scripts, slogans and posters to download and print.',
    services: 'Digital services',
    servicesText:
      'Directory of digital services for health, education, transport and online public services.',
    soon: 'These sections are being built; meanwhile, use the channels below.',
    channels: 'Channels',
    portal: 'Send and look up reports on {hotlineName}',
    app: 'Open the {appName} app',
  },
};

function fill(s: string, params: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

/** The digital-transformation portal's home (server-rendered; its content module is issue 7). */
export function renderContentPortalHome(input: {
  brand: BrandView;
  province: ProvinceView;
  lang: 'vi' | 'en';
  publicUrl: string;
}): string {
  const { brand, province, lang } = input;
  const t = TEXT[lang];
  const name = String(
    (lang === 'en' && brand.contentPortalNameEn) || brand.contentPortalName || 'Chuyển đổi số',
  );
  const params = {
    province: String((lang === 'en' && province.nameEn) || province.name),
    appName: String((lang === 'en' && brand.appNameEn) || brand.appName),
    hotlineName: String((lang === 'en' && brand.hotlineNameEn) || brand.hotlineName),
  };
  const base = input.publicUrl.replace(/\/+$/, '');
  const alternates = { vi: `${base}/chuyen-doi-so`, en: `${base}/chuyen-doi-so?lang=en` };
  const q = lang === 'en' ? '?lang=en' : '';
  const sections = [
    [t.news, t.newsText],
    [t.documents, t.documentsText],
    [t.guides, t.guidesText],
    [t.materials, t.materialsText],
    [t.services, t.servicesText],
  ] as const;
  const body = (
    <main id="main" className="container">
      <h1>{name}</h1>
      <p className="lead">{fill(t.lead, params)}</p>
      <section aria-labelledby="cp-sections">
        <h2 id="cp-sections">{t.sections}</h2>
        <ul className="cards">
          {sections.map(([title, text]) => (
            <li key={title} className="card">
              <h3>{title}</h3>
              <p>{fill(text, params)}</p>
            </li>
          ))}
        </ul>
        <p>{t.soon}</p>
      </section>
      <section aria-labelledby="cp-channels">
        <h2 id="cp-channels">{t.channels}</h2>
        <ul>
          <li>
            <a href={`/${q}`}>{fill(t.portal, params)}</a>
          </li>
          <li>
            <a href="/app/">{fill(t.app, params)}</a>
          </li>
        </ul>
      </section>
    </main>
  );
  const page = createElement(Layout, {
    lang,
    title: name,
    description: fill(t.lead, params),
    canonical: alternates[lang],
    alternates,
    brand,
    province,
    children: body,
  });
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
