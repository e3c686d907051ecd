import { GeoMap, type GeoFeatureCollection, type GeoPoint } from '../shared/ui/geo-map.js';
import type { PublicReportView, ReportView, TimelineEntry } from '../../contracts/feedback.js';
import {
  REJECT_REASON_LABELS,
  REPORT_TRANSITIONS,
  STATUS_LABELS,
  type ReportStatus,
} from '../../contracts/report-lifecycle.js';
import { pt } from './public-messages.js';

type Lang = 'vi' | 'en';

export interface CategoryName {
  code: string;
  name: string;
  nameEn: string;
}

/** What the look-up shows: the citizen's own report, without contact data. */
export interface LookupResult {
  report: Pick<
    ReportView,
    | 'trackingCode'
    | 'status'
    | 'categoryCode'
    | 'title'
    | 'body'
    | 'unitName'
    | 'receivedAt'
    | 'deadlineAt'
    | 'extendedDeadlineAt'
    | 'agencyName'
    | 'answer'
    | 'publishedAt'
    | 'rating'
    | 'rejectReason'
  >;
  timeline: Pick<TimelineEntry, 'at' | 'action' | 'toStatus' | 'public'>[];
  canRate: boolean;
}

const local = (lang: Lang, l: { vi: string; en: string }) => (lang === 'en' ? l.en : l.vi);

export function formatDate(lang: Lang, iso: string | null, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
}

function statusLabel(lang: Lang, status: ReportStatus): string {
  return local(lang, STATUS_LABELS[status]);
}

/** What a public step of the timeline says. */
export function stepLabel(lang: Lang, step: { action: string; toStatus: ReportStatus | null }): string {
  if (step.action === 'rated_satisfied')
    return lang === 'en' ? 'The reporter was satisfied' : 'Người gửi hài lòng với kết quả';
  if (step.toStatus) return statusLabel(lang, step.toStatus);
  const transition = REPORT_TRANSITIONS.find((x) => x.action === step.action);
  return transition ? local(lang, transition.label) : step.action;
}

export function categoryLabel(lang: Lang, categories: CategoryName[], code: string): string {
  const c = categories.find((x) => x.code === code);
  return c ? (lang === 'en' ? c.nameEn : c.name) : code;
}

function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function Timeline({
  lang,
  steps,
}: {
  lang: Lang;
  steps: { at: string; action: string; toStatus: ReportStatus | null }[];
}) {
  return (
    <ol className="timeline">
      {steps.map((s, i) => (
        <li key={i}>
          <time dateTime={s.at}>{formatDate(lang, s.at, true)}</time> — {stepLabel(lang, s)}
        </li>
      ))}
    </ol>
  );
}

function LookupForm({ lang, code, error }: { lang: Lang; code?: string; error?: string | undefined }) {
  return (
    <form method="post" action={lang === 'en' ? '/tra-cuu?lang=en' : '/tra-cuu'} className="lookup-form">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="lookup-code">{pt(lang, 'lookupCode')}</label>
        <input
          id="lookup-code"
          name="code"
          required
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          defaultValue={code ?? ''}
        />
      </div>
      <div className="field">
        <label htmlFor="lookup-contact">{pt(lang, 'lookupContact')}</label>
        <input id="lookup-contact" name="contact" required maxLength={200} autoComplete="on" />
      </div>
      <button type="submit">{pt(lang, 'lookupSubmit')}</button>
    </form>
  );
}

/** GET /tra-cuu, and POST /tra-cuu when nothing matched (same answer for unknown code and wrong contact). */
export function LookupPage(props: {
  lang: Lang;
  code?: string;
  notFound?: boolean;
  missing?: boolean;
  hotline: string;
}) {
  const { lang, notFound, missing, hotline } = props;
  return (
    <>
      <h1>{pt(lang, 'lookupTitle')}</h1>
      {notFound ? (
        <div className="notice notice-error" role="alert">
          <h2>{pt(lang, 'lookupNotFound')}</h2>
          <p>{pt(lang, 'lookupNotFoundText', { hotline })}</p>
        </div>
      ) : null}
      <p>{pt(lang, 'lookupTextFull')}</p>
      <LookupForm
        lang={lang}
        code={props.code ?? ''}
        error={missing ? pt(lang, 'lookupMissing') : undefined}
      />
    </>
  );
}

/** The look-up result: status, public steps, the answer, and the rating form while it may be rated. */
export function LookupResultPage(props: {
  lang: Lang;
  result: LookupResult;
  categories: CategoryName[];
  /** Given back only inside the rating form's body (never in a URL). */
  contact: string;
  notice?: 'thanks' | 'not_allowed' | 'choose';
}) {
  const { lang, result, categories, contact, notice } = props;
  const r = result.report;
  const steps = result.timeline.filter((s) => s.public);
  return (
    <>
      <h1>{pt(lang, 'resultTitle', { code: r.trackingCode })}</h1>
      {notice === 'thanks' ? (
        <p className="notice notice-success" role="status">
          {pt(lang, 'rateThanks')}
        </p>
      ) : notice === 'not_allowed' ? (
        <p className="notice notice-error" role="alert">
          {pt(lang, 'rateNotAllowed')}
        </p>
      ) : null}
      <p className="status-line">
        {pt(lang, 'status')}: <strong className="status">{statusLabel(lang, r.status)}</strong>
      </p>
      <dl className="facts">
        <dt>{pt(lang, 'code')}</dt>
        <dd className="mono">{r.trackingCode}</dd>
        <dt>{pt(lang, 'category')}</dt>
        <dd>{categoryLabel(lang, categories, r.categoryCode)}</dd>
        {r.unitName ? (
          <>
            <dt>{pt(lang, 'unit')}</dt>
            <dd>{r.unitName}</dd>
          </>
        ) : null}
        <dt>{pt(lang, 'receivedAt')}</dt>
        <dd>{formatDate(lang, r.receivedAt, true)}</dd>
        {r.deadlineAt && !r.publishedAt && r.status !== 'rejected' ? (
          <>
            <dt>{pt(lang, 'deadline')}</dt>
            <dd>{formatDate(lang, r.extendedDeadlineAt ?? r.deadlineAt)}</dd>
          </>
        ) : null}
        {r.rejectReason ? (
          <>
            <dt>{pt(lang, 'rejectReason')}</dt>
            <dd>{local(lang, REJECT_REASON_LABELS[r.rejectReason])}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="content">
        <h2 id="content">{pt(lang, 'content')}</h2>
        <p className="report-title">{r.title}</p>
        <p className="pre-line">{r.body}</p>
      </section>
      <section aria-labelledby="answer">
        <h2 id="answer">{pt(lang, 'answer')}</h2>
        {r.answer ? (
          <div className="answer">
            {r.agencyName ? (
              <p>
                <strong>{r.agencyName}</strong>
                {r.publishedAt ? ` · ${formatDate(lang, r.publishedAt)}` : ''}
              </p>
            ) : null}
            <p className="pre-line">{r.answer}</p>
          </div>
        ) : (
          <p>{pt(lang, 'noAnswerYet')}</p>
        )}
        {r.rating ? (
          <p>{pt(lang, r.rating === 'satisfied' ? 'ratingSatisfied' : 'ratingUnsatisfied')}</p>
        ) : null}
      </section>
      {steps.length > 0 ? (
        <section aria-labelledby="timeline">
          <h2 id="timeline">{pt(lang, 'timeline')}</h2>
          <Timeline lang={lang} steps={steps} />
        </section>
      ) : null}
      {result.canRate && !r.rating ? (
        <section aria-labelledby="rate">
          <h2 id="rate">{pt(lang, 'rateTitle')}</h2>
          <form
            method="post"
            action={lang === 'en' ? '/tra-cuu/danh-gia?lang=en' : '/tra-cuu/danh-gia'}
            className="rating-form"
          >
            <input type="hidden" name="code" value={r.trackingCode} />
            <input type="hidden" name="contact" value={contact} />
            {notice === 'choose' ? (
              <p className="form-error" role="alert">
                {pt(lang, 'rateChoose')}
              </p>
            ) : null}
            <fieldset>
              <legend>{pt(lang, 'rateTitle')}</legend>
              <label className="check">
                <input type="radio" name="satisfied" value="1" required /> {pt(lang, 'rateSatisfied')}
              </label>
              <label className="check">
                <input type="radio" name="satisfied" value="0" /> {pt(lang, 'rateUnsatisfied')}
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor="rate-comment">{pt(lang, 'rateComment')}</label>
              <textarea id="rate-comment" name="comment" rows={3} maxLength={2000} />
            </div>
            <button type="submit">{pt(lang, 'rateSubmit')}</button>
          </form>
        </section>
      ) : null}
      <p>
        <a href={lang === 'en' ? '/tra-cuu?lang=en' : '/tra-cuu'}>{pt(lang, 'lookupAgain')}</a>
      </p>
    </>
  );
}

/** GET /phan-anh: published answers, newest first. */
/** The public list's filters, as they appear in the page's address (Vietnamese parameter names). */
export interface PublicListFilters {
  'linh-vuc': string;
  'khu-vuc': string;
  tu: string;
  den: string;
  q: string;
}

export interface AreaName {
  code: string;
  name: string;
}

function FilterForm(props: {
  lang: Lang;
  categories: CategoryName[];
  areas: AreaName[];
  filters: PublicListFilters;
}) {
  const { lang, categories, areas, filters } = props;
  return (
    <form method="get" action="/phan-anh" className="filters">
      <fieldset>
        <legend>{pt(lang, 'filterLegend')}</legend>
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <p>
          <label htmlFor="f-category">{pt(lang, 'filterCategory')}</label>
          <select id="f-category" name="linh-vuc" defaultValue={filters['linh-vuc']}>
            <option value="">{pt(lang, 'filterAll')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {categoryLabel(lang, categories, c.code)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="f-area">{pt(lang, 'filterArea')}</label>
          <select id="f-area" name="khu-vuc" defaultValue={filters['khu-vuc']}>
            <option value="">{pt(lang, 'filterAll')}</option>
            {areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="f-from">{pt(lang, 'filterFrom')}</label>
          <input id="f-from" type="date" name="tu" defaultValue={filters.tu} />
        </p>
        <p>
          <label htmlFor="f-to">{pt(lang, 'filterTo')}</label>
          <input id="f-to" type="date" name="den" defaultValue={filters.den} />
        </p>
        <p>
          <label htmlFor="f-q">{pt(lang, 'filterWords')}</label>
          <input id="f-q" type="search" name="q" defaultValue={filters.q} maxLength={200} />
        </p>
        <p>
          <button type="submit">{pt(lang, 'filterApply')}</button>{' '}
          <a href={lang === 'en' ? '/phan-anh?lang=en' : '/phan-anh'}>{pt(lang, 'filterClear')}</a>
        </p>
      </fieldset>
    </form>
  );
}

export function ReportListPage(props: {
  lang: Lang;
  items: PublicReportView[];
  categories: CategoryName[];
  areas: AreaName[];
  filters: PublicListFilters;
  boundaries: GeoFeatureCollection | null;
  /** The `?truoc=` cursor of the next (older) page, if any. */
  olderCursor: string | null;
  isFirstPage: boolean;
  province: string;
}) {
  const { lang, items, categories, olderCursor, isFirstPage, filters } = props;
  const q = (extra: Record<string, string>) => {
    const params = new URLSearchParams(
      Object.entries({ ...filters, ...extra }).filter(([, v]) => v) as [string, string][],
    );
    if (lang === 'en') params.set('lang', 'en');
    const s = params.toString();
    return s ? `/phan-anh?${s}` : '/phan-anh';
  };
  const points: GeoPoint[] = items
    .filter((r) => r.location)
    .map((r) => ({
      id: r.trackingCode,
      lat: r.location!.lat,
      lon: r.location!.lon,
      color: '#0b5cad',
      label: r.title,
      href: `/phan-anh/${encodeURIComponent(r.trackingCode)}${lang === 'en' ? '?lang=en' : ''}`,
    }));
  return (
    <>
      <h1>{pt(lang, 'listHeading')}</h1>
      <p className="lead">{pt(lang, 'listDescription', { province: props.province })}</p>
      <p>{pt(lang, 'listIntro')}</p>
      <FilterForm lang={lang} categories={categories} areas={props.areas} filters={filters} />
      {items.length === 0 ? (
        <p>{pt(lang, 'listEmpty')}</p>
      ) : (
        <div className="answers-with-map">
          <ol className="answers">
            {items.map((r) => (
              <li key={r.trackingCode}>
                <article aria-labelledby={`t-${r.trackingCode}`}>
                  <h2 id={`t-${r.trackingCode}`}>
                    <a
                      href={`/phan-anh/${encodeURIComponent(r.trackingCode)}${lang === 'en' ? '?lang=en' : ''}`}
                    >
                      {r.title}
                    </a>
                  </h2>
                  <p className="meta">
                    <span>{categoryLabel(lang, categories, r.categoryCode)}</span>
                    {r.unitName ? <span> · {r.unitName}</span> : null}
                    {r.agencyName ? <span> · {r.agencyName}</span> : null}
                    {r.publishedAt ? (
                      <span>
                        {' · '}
                        <time dateTime={r.publishedAt}>{formatDate(lang, r.publishedAt)}</time>
                      </span>
                    ) : null}
                  </p>
                  {r.answer ? (
                    <p>
                      <strong>{pt(lang, 'answer')}:</strong> {excerpt(r.answer)}
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
          {points.length > 0 && props.boundaries ? (
            <figure className="answers-map">
              <GeoMap
                boundaries={props.boundaries}
                points={points}
                title={pt(lang, 'listMap')}
                width={360}
                height={300}
              />
              <figcaption>{pt(lang, 'listMap')}</figcaption>
            </figure>
          ) : null}
        </div>
      )}
      <nav className="pager" aria-label={pt(lang, 'listHeading')}>
        {!isFirstPage ? <a href={q({})}>{pt(lang, 'listFirst')}</a> : null}
        {olderCursor ? (
          <a href={q({ truoc: olderCursor })} rel="next">
            {pt(lang, 'listOlder')}
          </a>
        ) : null}
      </nav>
    </>
  );
}

/** Thumbnails linking to the photos (the public copies: masked where a moderator masked them). */
function PhotoList({ photos, alt }: { photos: { url: string }[]; alt: (n: string) => string }) {
  if (!photos.length) return null;
  return (
    <ul className="photos">
      {photos.map((a, i) => (
        <li key={a.url}>
          <a href={a.url}>
            <img
              src={`${a.url}${a.url.includes('?') ? '&' : '?'}thumb=1`}
              alt={alt(String(i + 1))}
              loading="lazy"
              width={160}
              height={120}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** GET /phan-anh/:code: one published report and its answer. */
export function ReportDetailPage(props: {
  lang: Lang;
  report: PublicReportView;
  categories: CategoryName[];
}) {
  const { lang, report: r, categories } = props;
  const photos = r.attachments.filter((a) => a.kind === 'photo' && a.purpose === 'report');
  const answerPhotos = r.attachments.filter((a) => a.kind === 'photo' && a.purpose === 'answer');
  const answerDocuments = r.attachments.filter((a) => a.kind !== 'photo' && a.purpose === 'answer');
  return (
    <article aria-labelledby="report-title">
      <p>
        <a href={lang === 'en' ? '/phan-anh?lang=en' : '/phan-anh'}>{pt(lang, 'backToList')}</a>
      </p>
      <h1 id="report-title">{r.title}</h1>
      <dl className="facts">
        <dt>{pt(lang, 'code')}</dt>
        <dd className="mono">{r.trackingCode}</dd>
        <dt>{pt(lang, 'status')}</dt>
        <dd>{statusLabel(lang, r.status)}</dd>
        <dt>{pt(lang, 'category')}</dt>
        <dd>{categoryLabel(lang, categories, r.categoryCode)}</dd>
        {r.unitName ? (
          <>
            <dt>{pt(lang, 'unit')}</dt>
            <dd>{r.unitName}</dd>
          </>
        ) : null}
        <dt>{pt(lang, 'receivedAt')}</dt>
        <dd>
          <time dateTime={r.receivedAt}>{formatDate(lang, r.receivedAt)}</time>
        </dd>
        <dt>{pt(lang, 'reporter')}</dt>
        <dd>{r.reporterName ?? pt(lang, 'anonymous')}</dd>
      </dl>
      <section aria-labelledby="content">
        <h2 id="content">{pt(lang, 'content')}</h2>
        <p className="pre-line">{r.body}</p>
        {photos.length > 0 ? (
          <>
            <h3>{pt(lang, 'photos')}</h3>
            <PhotoList photos={photos} alt={(n) => pt(lang, 'photoAlt', { n })} />
          </>
        ) : null}
      </section>
      <section aria-labelledby="answer">
        <h2 id="answer">{pt(lang, 'answer')}</h2>
        {r.answer ? (
          <div className="answer">
            <p>
              {r.agencyName ? <strong>{r.agencyName}</strong> : null}
              {r.publishedAt ? (
                <>
                  {r.agencyName ? ' · ' : ''}
                  <time dateTime={r.publishedAt}>{formatDate(lang, r.publishedAt)}</time>
                </>
              ) : null}
            </p>
            <p className="pre-line">{r.answer}</p>
            {answerPhotos.length + answerDocuments.length > 0 ? (
              <>
                <h3>{pt(lang, 'answerFiles')}</h3>
                <PhotoList photos={answerPhotos} alt={(n) => pt(lang, 'answerPhotoAlt', { n })} />
                {answerDocuments.length ? (
                  <ul>
                    {answerDocuments.map((a, i) => (
                      <li key={a.url}>
                        <a href={a.url}>{pt(lang, 'answerDocument', { n: String(i + 1) })}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </div>
        ) : (
          <p>{pt(lang, 'noAnswerYet')}</p>
        )}
        {r.rating ? (
          <p>{pt(lang, r.rating === 'satisfied' ? 'ratingSatisfied' : 'ratingUnsatisfied')}</p>
        ) : null}
      </section>
      {r.timeline.length > 0 ? (
        <section aria-labelledby="timeline">
          <h2 id="timeline">{pt(lang, 'timeline')}</h2>
          <Timeline lang={lang} steps={r.timeline} />
        </section>
      ) : null}
    </article>
  );
}

/** 404, 429 and 500 pages. */
export function MessagePage({ lang, title, text }: { lang: Lang; title: string; text: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={lang === 'en' ? '/?lang=en' : '/'}>{pt(lang, 'navHome')}</a>
        {' · '}
        <a href={lang === 'en' ? '/phan-anh?lang=en' : '/phan-anh'}>{pt(lang, 'navAnswers')}</a>
        {' · '}
        <a href={lang === 'en' ? '/tra-cuu?lang=en' : '/tra-cuu'}>{pt(lang, 'navLookup')}</a>
      </p>
    </>
  );
}
