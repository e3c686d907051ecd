import type { ReactNode } from 'react';
import { localNames, type BrandView, type ProvinceView } from '../shared/profile.js';
import { translate } from '../shared/messages.js';
import { pt } from './public-messages.js';

export interface LayoutProps {
  lang: 'vi' | 'en';
  title: string;
  description: string;
  /** Absolute URL of this page in this language. */
  canonical: string;
  /** Absolute URLs of the page in each language, for hreflang alternates. */
  alternates: { vi: string; en: string };
  brand: BrandView;
  province: ProvinceView;
  /** Open Graph type: `article` for one report. */
  ogType?: 'website' | 'article';
  /** Keep personal look-up results out of search engines. */
  noindex?: boolean;
  children: ReactNode;
}

/** The whole HTML document of a public page: head for search engines and sharing, header, footer. */
export function Layout({
  lang,
  title,
  description,
  canonical,
  alternates,
  brand,
  province,
  ogType = 'website',
  noindex = false,
  children,
}: LayoutProps) {
  const q = lang === 'en' ? '?lang=en' : '';
  const other = lang === 'vi' ? 'en' : 'vi';
  const tel = brand.hotline.replace(/[^\d+]/g, '');
  const names = localNames(brand, province, lang);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hrefLang="vi" href={alternates.vi} />
        <link rel="alternate" hrefLang="en" href={alternates.en} />
        <meta property="og:type" content={ogType} />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:site_name" content={names.hotlineName} />
        <meta property="og:locale" content={lang === 'vi' ? 'vi_VN' : 'en_GB'} />
        <link rel="stylesheet" href="/public.css" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {pt(lang, 'skip')}
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            <a className="site-brand" href={lang === 'vi' ? '/' : '/?lang=en'}>
              {names.hotlineName}
              <span className="site-province">{names.province}</span>
            </a>
            <a href={other === 'en' ? '?lang=en' : '?lang=vi'} hrefLang={other} lang={other}>
              <span aria-hidden="true">{pt(lang, 'langLink')}</span>
              <span className="visually-hidden">{pt(lang, 'langLinkName')}</span>
            </a>
          </div>
        </header>
        <nav className="site-nav" aria-label={pt(lang, 'navLabel')}>
          <ul className="wrap">
            <li>
              <a href={`/${q}`}>{pt(lang, 'navHome')}</a>
            </li>
            <li>
              <a href={`/phan-anh${q}`}>{pt(lang, 'navAnswers')}</a>
            </li>
            <li>
              <a href={`/tra-cuu${q}`}>{pt(lang, 'navLookup')}</a>
            </li>
            <li>
              <a href={`/thong-ke${q}`}>{translate(lang, 'analytics.navStatistics')}</a>
            </li>
          </ul>
        </nav>
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              {pt(lang, 'footerHotline')}: <a href={`tel:${tel}`}>{brand.hotline}</a>
              {' · '}
              {pt(lang, 'footerMailbox')}: <a href={`mailto:${brand.mailbox}`}>{brand.mailbox}</a>
            </p>
            <p>
              <a href={`/phan-anh${q}`}>{pt(lang, 'navAnswers')}</a>
              {' · '}
              <a href={`/tra-cuu${q}`}>{pt(lang, 'navLookup')}</a>
              {' · '}
              <a href={`/cai-dat${q}`}>{pt(lang, 'navInstall')}</a>
            </p>
            <p>{pt(lang, 'footerOwner', { province: names.province })}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
