import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  CONTENT_CATEGORIES,
  CONTENT_TYPE_LABELS,
  CONTENT_TYPE_PATHS,
  CONTENT_TYPES,
  ONLINE_LEVEL_LABELS,
  type ContentType,
  type MediaView,
  type PublicContentItem,
  type PublicContentSummary,
  type SearchHit,
} from '../../contracts/content.js';
import { Markdown, markdownToText } from '../shared/markdown.js';
import { translate, type MessageKey } from '../shared/messages.js';
import { localNames, type BrandView, type ProvinceView } from '../shared/profile.js';

/**
 * The digital-transformation portal (chuyendoiso): every page rendered on the server as HTML without any
 * script, with title, description, Open Graph data, canonical link and alternates. All author text goes
 * through React (escaped); bodies through the safe Markdown renderer.
 */

export const PORTAL = '/chuyen-doi-so';

export interface PortalSite {
  brand: BrandView;
  province: ProvinceView;
  lang: 'vi' | 'en';
  publicUrl: string;
}

type Key = MessageKey & `content.${string}`;
const tx = (site: PortalSite, key: Key, params?: Record<string, string | number>) =>
  translate(site.lang, key, params);

function portalName(site: PortalSite): string {
  return String(
    (site.lang === 'en' && site.brand.contentPortalNameEn) || site.brand.contentPortalName || 'Chuyển đổi số',
  );
}

function withLang(site: PortalSite, path: string, params: Record<string, string | number | undefined> = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  if (site.lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

function absolute(site: PortalSite, path: string): string {
  return `${site.publicUrl.replace(/\/+$/, '')}${path}`;
}

export function typePath(type: ContentType): string {
  return `${PORTAL}/${CONTENT_TYPE_PATHS[type]}`;
}

const label = (site: PortalSite, l: { vi: string; en: string }) => l[site.lang];

function formatDate(site: PortalSite, iso: string): string {
  return new Date(iso).toLocaleDateString(site.lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface PageInput {
  title: string;
  description: string;
  /** Path (with its query) of this page without `lang`; canonical and alternates derive from it. */
  path: string;
  ogType?: 'website' | 'article';
  image?: string | null;
  noindex?: boolean;
  feeds?: { title: string; href: string }[];
  children: ReactNode;
}

function PortalLayout({ site, page }: { site: PortalSite; page: PageInput }) {
  const { lang } = site;
  const names = localNames(site.brand, site.province, lang);
  const sep = page.path.includes('?') ? '&' : '?';
  const canonical = absolute(site, lang === 'en' ? `${page.path}${sep}lang=en` : page.path);
  const alternates = { vi: absolute(site, page.path), en: absolute(site, `${page.path}${sep}lang=en`) };
  const name = portalName(site);
  const nav: [string, string][] = [
    [PORTAL, tx(site, 'content.navHome')],
    ...(['article', 'document', 'guide', 'material', 'service'] as const).map(
      (t) => [typePath(t), label(site, CONTENT_TYPE_LABELS[t])] as [string, string],
    ),
    [`${PORTAL}/tim-kiem`, tx(site, 'content.navSearch')],
  ];
  const other = lang === 'vi' ? 'en' : 'vi';
  const title = page.title === name ? name : `${page.title} — ${name}`;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={page.description} />
        {page.noindex ? <meta name="robots" content="noindex, nofollow" /> : null}
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hrefLang="vi" href={alternates.vi} />
        <link rel="alternate" hrefLang="en" href={alternates.en} />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={tx(site, 'content.feedAll', { name })}
          href={absolute(site, '/rss.xml')}
        />
        {(page.feeds ?? []).map((f) => (
          <link key={f.href} rel="alternate" type="application/rss+xml" title={f.title} href={f.href} />
        ))}
        <meta property="og:type" content={page.ogType ?? 'website'} />
        <meta property="og:title" content={page.title} />
        <meta property="og:description" content={page.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:site_name" content={name} />
        <meta property="og:locale" content={lang === 'vi' ? 'vi_VN' : 'en_GB'} />
        {page.image ? <meta property="og:image" content={page.image} /> : null}
        <link rel="stylesheet" href="/public.css" />
        <link rel="stylesheet" href={`${PORTAL}/portal.css`} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {tx(site, 'content.skip')}
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            <a className="site-brand" href={withLang(site, PORTAL)}>
              {name}
              <span className="site-province">{names.province}</span>
            </a>
            <a href={other === 'en' ? '?lang=en' : '?lang=vi'} hrefLang={other} lang={other}>
              {tx(site, 'content.langLink')}
            </a>
          </div>
        </header>
        <nav className="site-nav" aria-label={tx(site, 'content.navLabel')}>
          <ul className="wrap">
            {nav.map(([href, text]) => (
              <li key={href}>
                <a href={withLang(site, href)}>{text}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="wrap">
          {page.children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              {names.hotlineName}:{' '}
              <a href={`tel:${site.brand.hotline.replace(/[^\d+]/g, '')}`}>{site.brand.hotline}</a>
              {' · '}
              <a href={withLang(site, '/')}>{tx(site, 'content.footerPortal1022')}</a>
              {' · '}
              <a href="/app/">{names.appName}</a>
              {' · '}
              <a href="/rss.xml">RSS</a>
            </p>
            <p>
              {tx(site, 'content.footerOwner', {
                department: String(
                  (lang === 'en' && site.brand.departmentNameEn) || site.brand.departmentName || '',
                ),
              })}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function render(site: PortalSite, page: PageInput): string {
  return `<!doctype html>${renderToStaticMarkup(createElement(PortalLayout, { site, page }))}`;
}

function Cover({ media, alt }: { media: MediaView | null; alt: string }) {
  if (!media?.thumbnailUrl) return null;
  return (
    <img className="cp-thumb" src={media.thumbnailUrl} alt={alt} width={160} height={100} loading="lazy" />
  );
}

function ItemCard({
  site,
  item,
  headingLevel = 3,
}: {
  site: PortalSite;
  item: PublicContentSummary;
  headingLevel?: 2 | 3;
}) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const doc = item.fields.document;
  return (
    <li className="cp-card">
      <Cover media={item.cover} alt="" />
      <div>
        <H className="cp-card-title">
          <a href={withLang(site, item.url)}>{item.title}</a>
        </H>
        <p className="meta">
          {label(site, item.categoryLabel)}
          {' · '}
          {doc ? (
            `${doc.number} · ${formatDate(site, doc.issuedOn)}`
          ) : (
            <time dateTime={item.publishedAt}>{formatDate(site, item.publishedAt)}</time>
          )}
        </p>
        {item.summary ? <p>{item.summary}</p> : null}
      </div>
    </li>
  );
}

const pageOf = (site: PortalSite, page: number, pages: number, more: boolean) =>
  tx(site, more ? 'content.pageOfMore' : 'content.pageOf', { page, pages });

function Pager({
  site,
  path,
  params,
  page,
  pages,
  morePages = false,
  next = page < pages,
}: {
  site: PortalSite;
  path: string;
  params: Record<string, string | number | undefined>;
  page: number;
  pages: number;
  /** `pages` was counted up to a limit: there are more. */
  morePages?: boolean | undefined;
  /** Another page follows this one. */
  next?: boolean | undefined;
}) {
  if (pages <= 1 && !next) return null;
  return (
    <nav className="pager" aria-label={tx(site, 'content.pager')}>
      {page > 1 ? (
        <a rel="prev" href={withLang(site, path, { ...params, trang: page - 1 > 1 ? page - 1 : undefined })}>
          {tx(site, 'content.previous')}
        </a>
      ) : null}
      <span>{pageOf(site, page, pages, morePages)}</span>
      {next ? (
        <a rel="next" href={withLang(site, path, { ...params, trang: page + 1 })}>
          {tx(site, 'content.next')}
        </a>
      ) : null}
    </nav>
  );
}

function SearchForm({
  site,
  q = '',
  type,
}: {
  site: PortalSite;
  q?: string;
  type?: ContentType | undefined;
}) {
  return (
    <form className="cp-search" action={`${PORTAL}/tim-kiem`} method="get" role="search">
      <label htmlFor="cp-q">{tx(site, 'content.searchLabel')}</label>
      <div className="cp-search-row">
        <input
          id="cp-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          placeholder={tx(site, 'content.searchPlaceholder')}
        />
        {type ? <input type="hidden" name="loai" value={CONTENT_TYPE_PATHS[type]} /> : null}
        {site.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <button type="submit">{tx(site, 'content.searchButton')}</button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------

export function renderPortalHome(
  site: PortalSite,
  data: {
    latest: PublicContentSummary[];
    documents: PublicContentSummary[];
  },
): string {
  const name = portalName(site);
  const params = {
    province: localNames(site.brand, site.province, site.lang).province,
    appName: localNames(site.brand, site.province, site.lang).appName,
  };
  const sections = CONTENT_TYPES.map((t) => ({
    type: t,
    text: tx(site, `content.typeText.${t}` as Key, params),
  }));
  return render(site, {
    title: name,
    description: tx(site, 'content.homeLead', params),
    path: PORTAL,
    children: (
      <>
        <h1>{name}</h1>
        <p className="lead">{tx(site, 'content.homeLead', params)}</p>
        <SearchForm site={site} />
        <section aria-labelledby="cp-latest">
          <h2 id="cp-latest">{tx(site, 'content.latest')}</h2>
          {data.latest.length ? (
            <ul className="cp-list">
              {data.latest.map((i) => (
                <ItemCard key={i.id} site={site} item={i} />
              ))}
            </ul>
          ) : (
            <p>{tx(site, 'content.empty')}</p>
          )}
          <p>
            <a href={withLang(site, typePath('article'))}>{tx(site, 'content.allNews')}</a>
          </p>
        </section>
        {data.documents.length ? (
          <section aria-labelledby="cp-docs">
            <h2 id="cp-docs">{label(site, CONTENT_TYPE_LABELS.document)}</h2>
            <ul className="cp-list">
              {data.documents.map((i) => (
                <ItemCard key={i.id} site={site} item={i} />
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="cp-sections">
          <h2 id="cp-sections">{tx(site, 'content.sections')}</h2>
          <ul className="cards">
            {sections.map((s) => (
              <li key={s.type} className="card">
                <h3>
                  <a href={withLang(site, typePath(s.type))}>{label(site, CONTENT_TYPE_LABELS[s.type])}</a>
                </h3>
                <p>{s.text}</p>
              </li>
            ))}
          </ul>
        </section>
      </>
    ),
  });
}

export interface ListPageData {
  type: ContentType;
  category?: string | undefined;
  items: PublicContentSummary[];
  page: number;
  /** Pages counted (up to a limit: then `morePages`). */
  pages: number;
  morePages: boolean;
  /** Another page follows this one. */
  next: boolean;
  /** Documents only: the filter form's current values and choices. */
  filters?: { year?: number | undefined; issuer?: string | undefined; years: number[]; issuers: string[] };
}

/** A type's list (news, documents, guides, materials, services), optionally one category, with paging. */
export function renderListPage(site: PortalSite, d: ListPageData): string {
  const typeLabel = label(site, CONTENT_TYPE_LABELS[d.type]);
  const cat = d.category ? CONTENT_CATEGORIES[d.type][d.category] : undefined;
  const title = cat ? `${label(site, cat)} — ${typeLabel}` : typeLabel;
  const path = d.category ? `${typePath(d.type)}/chuyen-muc/${d.category}` : typePath(d.type);
  const filterParams = { nam: d.filters?.year, co_quan: d.filters?.issuer };
  const query = new URLSearchParams(
    Object.entries({ ...filterParams, trang: d.page > 1 ? d.page : undefined })
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  const feed =
    d.type === 'article' ? absolute(site, d.category ? `/rss/${d.category}.xml` : '/rss.xml') : null;
  return render(site, {
    title: d.page > 1 ? `${title} (${pageOf(site, d.page, d.pages, d.morePages)})` : title,
    description: tx(site, 'content.listDescription', { section: title, name: portalName(site) }),
    path: query ? `${path}?${query}` : path,
    ...(feed && d.category ? { feeds: [{ title: `RSS — ${title}`, href: feed }] } : {}),
    children: (
      <>
        <h1>{title}</h1>
        <nav aria-label={tx(site, 'content.categories')}>
          <ul className="cp-chips">
            <li>
              <a href={withLang(site, typePath(d.type))} aria-current={!d.category ? 'page' : undefined}>
                {tx(site, 'content.all')}
              </a>
            </li>
            {Object.entries(CONTENT_CATEGORIES[d.type]).map(([code, l]) => (
              <li key={code}>
                <a
                  href={withLang(site, `${typePath(d.type)}/chuyen-muc/${code}`)}
                  aria-current={d.category === code ? 'page' : undefined}
                >
                  {label(site, l)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {d.filters ? (
          <form className="cp-filters" method="get" action={path}>
            <div className="field">
              <label htmlFor="f-year">{tx(site, 'content.filterYear')}</label>
              <select id="f-year" name="nam" defaultValue={d.filters.year ? String(d.filters.year) : ''}>
                <option value="">{tx(site, 'content.all')}</option>
                {d.filters.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-issuer">{tx(site, 'content.filterIssuer')}</label>
              <select id="f-issuer" name="co_quan" defaultValue={d.filters.issuer ?? ''}>
                <option value="">{tx(site, 'content.all')}</option>
                {d.filters.issuers.map((i) => (
                  <option key={i} value={i}>
                    {i}
                  </option>
                ))}
              </select>
            </div>
            {site.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
            <button type="submit">{tx(site, 'content.filter')}</button>
          </form>
        ) : null}
        {d.type === 'service' ? (
          <ServicesBySector site={site} items={d.items} />
        ) : d.items.length ? (
          <ul className="cp-list">
            {d.items.map((i) => (
              <ItemCard key={i.id} site={site} item={i} headingLevel={2} />
            ))}
          </ul>
        ) : (
          <p>{tx(site, 'content.empty')}</p>
        )}
        <Pager
          site={site}
          path={path}
          params={filterParams}
          page={d.page}
          pages={d.pages}
          morePages={d.morePages}
          next={d.next}
        />
        {feed ? (
          <p>
            <a href={feed}>{tx(site, 'content.rssLink')}</a>
          </p>
        ) : null}
      </>
    ),
  });
}

function ServicesBySector({ site, items }: { site: PortalSite; items: PublicContentSummary[] }) {
  const sectors = Object.entries(CONTENT_CATEGORIES.service)
    .map(([code, l]) => ({ code, l, items: items.filter((i) => i.category === code) }))
    .filter((s) => s.items.length);
  if (!sectors.length) return <p>{tx(site, 'content.empty')}</p>;
  return (
    <>
      {sectors.map((s) => (
        <section key={s.code} aria-labelledby={`sector-${s.code}`}>
          <h2 id={`sector-${s.code}`}>{label(site, s.l)}</h2>
          <ul className="cp-list">
            {s.items.map((i) => (
              <li key={i.id} className="cp-card">
                <div>
                  <h3 className="cp-card-title">
                    <a href={withLang(site, i.url)}>{i.title}</a>
                  </h3>
                  {i.fields.service ? (
                    <p className="meta">{label(site, ONLINE_LEVEL_LABELS[i.fields.service.onlineLevel])}</p>
                  ) : null}
                  {i.summary ? <p>{i.summary}</p> : null}
                  {i.fields.service ? (
                    <p>
                      <a href={i.fields.service.url} rel="noopener noreferrer nofollow">
                        {tx(site, 'content.openService')}
                      </a>
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Files({ site, media }: { site: PortalSite; media: MediaView[] }) {
  const files = media.filter((m) => m.kind !== 'photo');
  const photos = media.filter((m) => m.kind === 'photo');
  return (
    <>
      {photos.length ? (
        <div className="photos">
          {photos.map((m) => (
            <a key={m.id} href={m.url}>
              <img src={m.thumbnailUrl ?? m.url} alt={m.fileName} width={320} height={200} loading="lazy" />
            </a>
          ))}
        </div>
      ) : null}
      {files.length ? (
        <section aria-labelledby="cp-files">
          <h2 id="cp-files">{tx(site, 'content.files')}</h2>
          <ul className="cp-files">
            {files.map((m) =>
              m.kind === 'video' ? (
                <li key={m.id}>
                  <video controls preload="none" src={m.url} width={640}>
                    <a href={m.url}>{m.fileName}</a>
                  </video>
                </li>
              ) : (
                <li key={m.id}>
                  <a href={m.url} download>
                    {m.fileName}
                  </a>{' '}
                  <span className="meta">
                    ({m.mimeType.includes('pdf') ? 'PDF' : m.fileName.split('.').pop()?.toUpperCase()},{' '}
                    {formatSize(m.size)})
                  </span>
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** One item: an article, a document (number, date, issuer, file), a guide, a material or a service. */
export function renderItemPage(
  site: PortalSite,
  item: PublicContentItem,
  opts: { preview?: boolean } = {},
): string {
  const description = (item.summary || markdownToText(item.body)).slice(0, 300) || item.title;
  const doc = item.fields.document;
  const service = item.fields.service;
  const guide = item.fields.guide;
  const typeLabel = label(site, CONTENT_TYPE_LABELS[item.type]);
  return render(site, {
    title: item.title,
    description,
    path: opts.preview ? `${PORTAL}/xem-truoc` : item.url,
    ogType: item.type === 'article' ? 'article' : 'website',
    image: item.cover ? absolute(site, item.cover.url) : null,
    ...(opts.preview ? { noindex: true } : {}),
    children: (
      <article className="cp-article">
        {opts.preview ? (
          <p className="notice" role="status">
            {tx(site, 'content.previewNotice')}
          </p>
        ) : null}
        <p className="meta">
          <a href={withLang(site, typePath(item.type))}>{typeLabel}</a>
          {' › '}
          <a href={withLang(site, `${typePath(item.type)}/chuyen-muc/${item.category}`)}>
            {label(site, item.categoryLabel)}
          </a>
        </p>
        <h1>{item.title}</h1>
        <p className="meta">
          {tx(site, 'content.publishedOn')}{' '}
          <time dateTime={item.publishedAt}>{formatDate(site, item.publishedAt)}</time>
        </p>
        {doc ? (
          <dl className="facts">
            <dt>{tx(site, 'content.docNumber')}</dt>
            <dd>{doc.number}</dd>
            <dt>{tx(site, 'content.docDate')}</dt>
            <dd>{formatDate(site, doc.issuedOn)}</dd>
            <dt>{tx(site, 'content.docIssuer')}</dt>
            <dd>{doc.issuer}</dd>
            <dt>{tx(site, 'content.docType')}</dt>
            <dd>{label(site, item.categoryLabel)}</dd>
          </dl>
        ) : null}
        {item.summary ? <p className="lead">{item.summary}</p> : null}
        {item.cover && item.type === 'article' ? (
          <img className="cp-cover" src={item.cover.url} alt="" width={960} height={540} />
        ) : null}
        <div className="cp-body">
          <Markdown source={item.body} />
        </div>
        {service ? (
          <section aria-labelledby="cp-service">
            <h2 id="cp-service">{tx(site, 'content.serviceUse')}</h2>
            <dl className="facts">
              <dt>{tx(site, 'content.serviceLevel')}</dt>
              <dd>{label(site, ONLINE_LEVEL_LABELS[service.onlineLevel])}</dd>
              {service.provider ? (
                <>
                  <dt>{tx(site, 'content.serviceProvider')}</dt>
                  <dd>{service.provider}</dd>
                </>
              ) : null}
              <dt>{tx(site, 'content.serviceLink')}</dt>
              <dd>
                <a href={service.url} rel="noopener noreferrer nofollow">
                  {service.url}
                </a>
              </dd>
            </dl>
            {service.howTo ? (
              <div className="cp-body">
                <Markdown source={service.howTo} />
              </div>
            ) : null}
          </section>
        ) : null}
        {guide?.videoUrl ? (
          <p>
            <a href={guide.videoUrl} rel="noopener noreferrer nofollow">
              {tx(site, 'content.watchVideo')}
            </a>
          </p>
        ) : null}
        <Files site={site} media={item.media} />
      </article>
    ),
  });
}

export function renderSearchPage(
  site: PortalSite,
  d: {
    q: string;
    type?: ContentType | undefined;
    hits: SearchHit[];
    total: number;
    /** More matches than `total` (only the newest are ranked). */
    more?: boolean;
    page: number;
    pages: number;
  },
): string {
  const title = d.q ? tx(site, 'content.searchTitleFor', { q: d.q }) : tx(site, 'content.navSearch');
  return render(site, {
    title,
    description: tx(site, 'content.searchDescription', { name: portalName(site) }),
    path: `${PORTAL}/tim-kiem`,
    noindex: !!d.q,
    children: (
      <>
        <h1>{tx(site, 'content.navSearch')}</h1>
        <SearchForm site={site} q={d.q} type={d.type} />
        <nav aria-label={tx(site, 'content.filterType')}>
          <ul className="cp-chips">
            <li>
              <a
                href={withLang(site, `${PORTAL}/tim-kiem`, { q: d.q })}
                aria-current={!d.type ? 'page' : undefined}
              >
                {tx(site, 'content.all')}
              </a>
            </li>
            {CONTENT_TYPES.map((t) => (
              <li key={t}>
                <a
                  href={withLang(site, `${PORTAL}/tim-kiem`, { q: d.q, loai: CONTENT_TYPE_PATHS[t] })}
                  aria-current={d.type === t ? 'page' : undefined}
                >
                  {label(site, CONTENT_TYPE_LABELS[t])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {d.q ? (
          <>
            <p role="status">
              {tx(site, d.more ? 'content.searchCountMore' : 'content.searchCount', { n: d.total })}
            </p>
            <ol className="cp-list">
              {d.hits.map((h) => (
                <li key={h.id} className="cp-card">
                  <div>
                    <h2 className="cp-card-title">
                      <a href={withLang(site, h.url)}>{h.title}</a>
                    </h2>
                    <p className="meta">
                      {label(site, CONTENT_TYPE_LABELS[h.type])} · {label(site, h.categoryLabel)} ·{' '}
                      <time dateTime={h.publishedAt}>{formatDate(site, h.publishedAt)}</time>
                    </p>
                    <p>
                      {h.snippet.map((s, i) =>
                        s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
                      )}
                    </p>
                  </div>
                </li>
              ))}
            </ol>
            <Pager
              site={site}
              path={`${PORTAL}/tim-kiem`}
              params={{ q: d.q, loai: d.type ? CONTENT_TYPE_PATHS[d.type] : undefined }}
              page={d.page}
              pages={d.pages}
            />
          </>
        ) : null}
      </>
    ),
  });
}

export function renderPortalMessage(
  site: PortalSite,
  kind: 'not_found' | 'error' | 'too_many',
  status: number,
): string {
  return render(site, {
    title: tx(site, `content.message.${kind}` as Key),
    description: tx(site, `content.message.${kind}` as Key),
    path: PORTAL,
    noindex: true,
    children: (
      <>
        <h1>{tx(site, `content.message.${kind}` as Key)}</h1>
        <p>
          <a href={withLang(site, PORTAL)}>{tx(site, 'content.backHome')}</a> ({status})
        </p>
      </>
    ),
  });
}
