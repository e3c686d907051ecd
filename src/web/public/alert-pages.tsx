import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ALERT_STATE_LABELS, type PublicAlertView } from '../../contracts/alerts.js';
import { translate, type Lang } from '../shared/messages.js';
import { localNames } from '../shared/profile.js';
import { alertMarks, formatTime, SEVERITY_COLOURS, severityLabel, textsFor } from '../app/alerts/severity.js';
import { Layout } from './layout.js';
import type { SiteInput } from './render-report-pages.js';

// Public alert pages, rendered on the server without script: /canh-bao (current alerts) and
// /canh-bao/:id (one message, current or past). No staff names, no workflow detail.

function AlertArticle({ lang, alert, full }: { lang: Lang; alert: PublicAlertView; full: boolean }) {
  const texts = textsFor(lang, alert);
  const marks = alertMarks(lang, alert);
  const drill = alert.status !== 'Actual';
  const q = lang === 'en' ? '?lang=en' : '';
  return (
    <article
      className={`public-alert${drill ? ' public-alert-drill' : ''}`}
      style={{
        borderLeft: `8px ${drill ? 'dashed' : 'solid'} ${SEVERITY_COLOURS[alert.severity]}`,
        padding: '0.5rem 1rem',
        margin: '1rem 0',
      }}
    >
      <p>
        <strong
          style={{ background: SEVERITY_COLOURS[alert.severity], color: '#fff', padding: '0.1rem 0.4rem' }}
        >
          {severityLabel(lang, alert.severity)}
        </strong>{' '}
        {marks.map((m) => (
          <strong
            key={m}
            style={{ border: '2px solid currentColor', padding: '0 0.3rem', marginRight: '0.3rem' }}
          >
            {m}
          </strong>
        ))}
        {texts.event}
      </p>
      {full ? (
        <h1>{texts.headline}</h1>
      ) : (
        <h2>
          <a href={`/canh-bao/${alert.id}${q}`}>{texts.headline}</a>
        </h2>
      )}
      {drill ? (
        <p>
          <strong>{translate(lang, 'alerts.public.drillNote')}</strong>
        </p>
      ) : null}
      <p>
        {translate(lang, 'alerts.app.area')}: {alert.areaDesc}
      </p>
      <p>{texts.description}</p>
      {texts.instruction ? (
        <>
          <h3>{translate(lang, 'alerts.app.instruction')}</h3>
          <p>{texts.instruction}</p>
        </>
      ) : null}
      <p>
        {translate(lang, 'alerts.public.sent')}{' '}
        <time dateTime={alert.sent}>{formatTime(lang, alert.sent)}</time>
        {' · '}
        {translate(lang, 'alerts.app.until')}{' '}
        <time dateTime={alert.expires}>{formatTime(lang, alert.expires)}</time>
      </p>
      {full ? (
        <p>
          <a href={alert.capUrl} type="application/cap+xml">
            CAP 1.2 (XML)
          </a>
        </p>
      ) : null}
    </article>
  );
}

function page(site: SiteInput, title: string, description: string, path: string, body: React.ReactElement) {
  const base = site.publicUrl.replace(/\/+$/, '');
  const alternates = { vi: `${base}${path}`, en: `${base}${path}?lang=en` };
  return `<!doctype html>${renderToStaticMarkup(
    createElement(Layout, {
      lang: site.lang,
      title,
      description,
      canonical: alternates[site.lang],
      alternates,
      brand: site.brand,
      province: site.province,
      children: body,
    }),
  )}`;
}

/** /canh-bao: every alert in force, most recent first. */
export function renderAlertList(site: SiteInput, alerts: PublicAlertView[]): string {
  const { lang } = site;
  const n = localNames(site.brand, site.province, lang);
  const title = `${translate(lang, 'alerts.public.title')} — ${n.appName}`;
  return page(
    site,
    title,
    translate(lang, 'alerts.public.intro'),
    '/canh-bao',
    <div className="public-alerts">
      <h1>{translate(lang, 'alerts.public.title')}</h1>
      <p>{translate(lang, 'alerts.public.intro')}</p>
      {alerts.length === 0 ? <p>{translate(lang, 'alerts.public.none')}</p> : null}
      {alerts.map((a) => (
        <AlertArticle key={a.id} lang={lang} alert={a} full={false} />
      ))}
      <p>
        <a href="/cap/alerts.atom" type="application/atom+xml">
          {translate(lang, 'alerts.public.feeds')}
        </a>
      </p>
    </div>,
  );
}

/** /canh-bao/:id: one published message; says so when it is no longer in force. */
export function renderAlertDetail(site: SiteInput, alert: PublicAlertView, now: Date): string {
  const { lang } = site;
  const texts = textsFor(lang, alert);
  const current = alert.state === 'published' && new Date(alert.expires) > now;
  const state = current
    ? null
    : ALERT_STATE_LABELS[alert.state === 'published' ? 'expired' : alert.state][lang];
  return page(
    site,
    texts.headline,
    texts.description.slice(0, 160),
    `/canh-bao/${alert.id}`,
    <div className="public-alerts">
      <p>
        <a href={`/canh-bao${lang === 'en' ? '?lang=en' : ''}`}>← {translate(lang, 'alerts.app.back')}</a>
      </p>
      {state ? (
        <p role="status">
          <strong>{translate(lang, 'alerts.public.notCurrent', { state })}</strong>
        </p>
      ) : null}
      <AlertArticle lang={lang} alert={alert} full />
    </div>,
  );
}
