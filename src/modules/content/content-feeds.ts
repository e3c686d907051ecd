import { CONTENT_CATEGORIES, type PublicContentSummary } from '../../contracts/content.js';
import { itemPath } from './content.presenter.js';

/** Escapes text for XML character data and attribute values. */
export function xmlEscape(text: string): string {
  return (
    text
      // XML 1.0 forbids most control characters: drop them.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** sitemaps.org sitemap of the portal's fixed pages and every live item. */
export function renderSitemap(
  publicUrl: string,
  fixedPaths: string[],
  items: { type: string; slug: string; updatedAt: Date }[],
): string {
  const b = base(publicUrl);
  const urls = [
    ...fixedPaths.map((p) => `<url><loc>${xmlEscape(b + p)}</loc></url>`),
    ...items.map(
      (i) =>
        `<url><loc>${xmlEscape(b + itemPath(i.type, i.slug))}</loc><lastmod>${i.updatedAt.toISOString()}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** An RSS 2.0 feed of the newest articles (all, or one category). */
export function renderRss(input: {
  publicUrl: string;
  title: string;
  description: string;
  selfPath: string;
  linkPath: string;
  lang: 'vi' | 'en';
  items: PublicContentSummary[];
}): string {
  const b = base(input.publicUrl);
  const items = input.items.map((i) => {
    const link = xmlEscape(b + i.url);
    const category = CONTENT_CATEGORIES[i.type][i.category]?.[input.lang] ?? i.category;
    return [
      '<item>',
      `<title>${xmlEscape(i.title)}</title>`,
      `<link>${link}</link>`,
      `<guid isPermaLink="true">${link}</guid>`,
      `<pubDate>${new Date(i.publishedAt).toUTCString()}</pubDate>`,
      `<category>${xmlEscape(category)}</category>`,
      i.summary ? `<description>${xmlEscape(i.summary)}</description>` : '',
      '</item>',
    ].join('');
  });
  const lastBuild = input.items[0]
    ? new Date(input.items[0].publishedAt).toUTCString()
    : new Date(0).toUTCString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlEscape(input.title)}</title>`,
    `<link>${xmlEscape(b + input.linkPath)}</link>`,
    `<description>${xmlEscape(input.description)}</description>`,
    `<language>${input.lang === 'vi' ? 'vi-VN' : 'en'}</language>`,
    `<lastBuildDate>${lastBuild}</lastBuildDate>`,
    `<atom:link href="${xmlEscape(b + input.selfPath)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
