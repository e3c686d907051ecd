import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PublicReportView } from '../../contracts/feedback.js';
import { localNames, type BrandView, type ProvinceView } from '../shared/profile.js';
import { Layout } from './layout.js';
import { pt } from './public-messages.js';
import {
  LookupPage,
  LookupResultPage,
  MessagePage,
  ReportDetailPage,
  ReportListPage,
  type AreaName,
  type CategoryName,
  type LookupResult,
  type PublicListFilters,
} from './report-pages.js';
import type { GeoFeatureCollection } from '../shared/ui/geo-map.js';

export interface SiteInput {
  brand: BrandView;
  province: ProvinceView;
  lang: 'vi' | 'en';
  /** The site's public base URL, e.g. https://1022.longan.gov.vn. */
  publicUrl: string;
  categories: CategoryName[];
}

function urls(publicUrl: string, pathAndQuery: string) {
  const base = publicUrl.replace(/\/+$/, '');
  const sep = pathAndQuery.includes('?') ? '&' : '?';
  return { vi: `${base}${pathAndQuery}`, en: `${base}${pathAndQuery}${sep}lang=en` };
}

function page(
  site: SiteInput,
  head: {
    title: string;
    description: string;
    path: string;
    ogType?: 'website' | 'article';
    noindex?: boolean;
  },
  body: ReactElement,
): string {
  const alternates = urls(site.publicUrl, head.path);
  const element = createElement(Layout, {
    lang: site.lang,
    title: head.title,
    description: head.description,
    canonical: alternates[site.lang],
    alternates,
    brand: site.brand,
    province: site.province,
    ogType: head.ogType ?? 'website',
    noindex: head.noindex ?? false,
    children: body,
  });
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

function names(site: SiteInput) {
  return localNames(site.brand, site.province, site.lang);
}

function short(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** /tra-cuu: the look-up form (optionally prefilled with a code), or the "not found" answer. */
export function renderLookupPage(
  site: SiteInput,
  options: { code?: string; notFound?: boolean; missing?: boolean } = {},
): string {
  const n = names(site);
  return page(
    site,
    {
      title: pt(site.lang, 'lookupPageTitle', n),
      description: pt(site.lang, 'lookupPageDescription', n),
      path: '/tra-cuu',
      noindex: !!(options.notFound || options.missing),
    },
    createElement(LookupPage, {
      lang: site.lang,
      hotline: site.brand.hotline,
      ...(options.code ? { code: options.code } : {}),
      ...(options.notFound ? { notFound: true } : {}),
      ...(options.missing ? { missing: true } : {}),
    }),
  );
}

/** The look-up result (answer to POST /tra-cuu or /tra-cuu/danh-gia); never cached, never indexed. */
export function renderLookupResult(
  site: SiteInput,
  result: LookupResult,
  contact: string,
  notice?: 'thanks' | 'not_allowed' | 'choose',
): string {
  const n = names(site);
  return page(
    site,
    {
      title: `${pt(site.lang, 'resultTitle', { code: result.report.trackingCode })} — ${n.hotlineName}`,
      description: pt(site.lang, 'lookupPageDescription', n),
      path: '/tra-cuu',
      noindex: true,
    },
    createElement(LookupResultPage, {
      lang: site.lang,
      result,
      categories: site.categories,
      contact,
      ...(notice ? { notice } : {}),
    }),
  );
}

/** /phan-anh: the published answers, newest first, filtered, paged with ?truoc=, with a map of the page. */
export function renderReportList(
  site: SiteInput,
  items: PublicReportView[],
  options: {
    before?: string | undefined;
    olderCursor: string | null;
    filters: PublicListFilters;
    areas: AreaName[];
    boundaries: GeoFeatureCollection | null;
  },
): string {
  const n = names(site);
  const query = new URLSearchParams(
    Object.entries({ ...options.filters, truoc: options.before ?? '' }).filter(([, v]) => v),
  ).toString();
  const filtered = Object.values(options.filters).some(Boolean);
  return page(
    site,
    {
      title: pt(site.lang, 'listTitle', n),
      description: pt(site.lang, 'listDescription', n),
      path: query ? `/phan-anh?${query}` : '/phan-anh',
      // Filtered and older pages are for people, not for search engines (the answers have their own pages).
      noindex: filtered || !!options.before,
    },
    createElement(ReportListPage, {
      lang: site.lang,
      items,
      categories: site.categories,
      areas: options.areas,
      filters: options.filters,
      boundaries: options.boundaries,
      olderCursor: options.olderCursor,
      isFirstPage: !options.before,
      province: n.province,
    }),
  );
}

/** /phan-anh/:code: one published report. */
export function renderReportDetail(site: SiteInput, report: PublicReportView): string {
  const n = names(site);
  return page(
    site,
    {
      title: pt(site.lang, 'reportPageTitle', { title: report.title, hotlineName: n.hotlineName }),
      description: short(
        report.answer ? `${report.title}. ${report.answer}` : `${report.title}. ${report.body}`,
      ),
      path: `/phan-anh/${encodeURIComponent(report.trackingCode)}`,
      ogType: 'article',
    },
    createElement(ReportDetailPage, { lang: site.lang, report, categories: site.categories }),
  );
}

/** Not found (404), too many requests (429), bad request (400) or an error (500). */
export function renderMessagePage(
  site: SiteInput,
  kind: 'not_found' | 'too_many' | 'bad_request' | 'error',
): string {
  const n = names(site);
  const [titleKey, textKey] =
    kind === 'not_found'
      ? (['notFoundTitle', 'notFoundText'] as const)
      : kind === 'too_many'
        ? (['tooManyTitle', 'tooManyText'] as const)
        : kind === 'bad_request'
          ? (['badRequest', 'errorText'] as const)
          : (['errorTitle', 'errorText'] as const);
  const title = pt(site.lang, titleKey);
  const text = pt(site.lang, textKey);
  return page(
    site,
    { title: `${title} — ${n.hotlineName}`, description: text, path: '/', noindex: true },
    createElement(MessagePage, { lang: site.lang, title, text }),
  );
}
