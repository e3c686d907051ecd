import type { AlertTexts } from '../../contracts/alerts.js';

// CAP 1.2 (OASIS) output: one <alert> per message, one <info> per language; and the Atom feed of current
// alerts whose entries link each alert's CAP document (the shape aggregators such as the WMO register read).

/**
 * `valueName` of the area geocodes: the General Statistics Office's administrative unit codes (Tổng cục
 * Thống kê, danhmuchanhchinh.gso.gov.vn; province 2 digits, district 3, commune 5), the codes of the
 * profile's units.json. Every targeted unit is listed, with the units inside it (a district's communes).
 */
export const CAP_GEOCODE_VALUE_NAME = 'VN-GSO';

export function xmlEscape(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 cannot carry at all (C0 controls other than tab and line breaks).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

/** "2026-11-29T15:00:00+07:00": CAP wants a numeric offset, never "Z" nor fractions of a second. */
export function capTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const tz = get('timeZoneName'); // "GMT+07:00" or "GMT"
  const offset = tz === 'GMT' ? '+00:00' : tz.replace('GMT', '');
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`;
}

export interface CapAlert {
  identifier: string;
  sender: string;
  sent: Date;
  status: string;
  msgType: string;
  scope: string;
  /** The referenced messages as "sender,identifier,sent" (Update, Cancel). */
  references: { sender: string; identifier: string; sent: Date }[];
  note?: string | null;
  category: string;
  responseType: string;
  urgency: string;
  severity: string;
  certainty: string;
  onset: Date | null;
  expires: Date;
  senderName: string;
  texts: { lang: 'vi-VN' | 'en-US'; t: AlertTexts }[];
  web: string | null;
  contact: string | null;
  eventCode: string | null;
  areaDesc: string;
  polygon: [number, number][] | null;
  circle: { lat: number; lon: number; radiusKm: number } | null;
  geocodes: { valueName: string; value: string }[];
}

const el = (name: string, value: string | null | undefined, indent: string) =>
  value === null || value === undefined || value === ''
    ? ''
    : `${indent}<${name}>${xmlEscape(value)}</${name}>\n`;

const coord = (n: number) => String(Number(n.toFixed(6)));

/** The CAP 1.2 XML document of one alert (UTF-8, elements in the schema's order). */
export function renderCap(a: CapAlert, timeZone: string): string {
  const t = (d: Date) => capTime(d, timeZone);
  let x = '<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">\n';
  x += el('identifier', a.identifier, '  ');
  x += el('sender', a.sender, '  ');
  x += el('sent', t(a.sent), '  ');
  x += el('status', a.status, '  ');
  x += el('msgType', a.msgType, '  ');
  x += el('scope', a.scope, '  ');
  x += el('note', a.note, '  ');
  if (a.references.length)
    x += el(
      'references',
      a.references.map((r) => `${r.sender},${r.identifier},${t(r.sent)}`).join(' '),
      '  ',
    );
  for (const { lang, t: texts } of a.texts) {
    x += '  <info>\n';
    x += el('language', lang, '    ');
    x += el('category', a.category, '    ');
    x += el('event', texts.event, '    ');
    x += el('responseType', a.responseType, '    ');
    x += el('urgency', a.urgency, '    ');
    x += el('severity', a.severity, '    ');
    x += el('certainty', a.certainty, '    ');
    if (a.eventCode)
      x += `    <eventCode>\n${el('valueName', 'TINHSO-EVENT', '      ')}${el('value', a.eventCode, '      ')}    </eventCode>\n`;
    if (a.onset) x += el('onset', t(a.onset), '    ');
    x += el('expires', t(a.expires), '    ');
    x += el('senderName', a.senderName, '    ');
    x += el('headline', texts.headline, '    ');
    x += el('description', texts.description, '    ');
    x += el('instruction', texts.instruction, '    ');
    x += el('web', a.web, '    ');
    x += el('contact', a.contact, '    ');
    x += '    <area>\n';
    x += el('areaDesc', a.areaDesc, '      ');
    if (a.polygon)
      x += el('polygon', a.polygon.map(([lat, lon]) => `${coord(lat)},${coord(lon)}`).join(' '), '      ');
    if (a.circle)
      x += el('circle', `${coord(a.circle.lat)},${coord(a.circle.lon)} ${a.circle.radiusKm}`, '      ');
    for (const g of a.geocodes)
      x += `      <geocode>\n${el('valueName', g.valueName, '        ')}${el('value', g.value, '        ')}      </geocode>\n`;
    x += '    </area>\n';
    x += '  </info>\n';
  }
  x += '</alert>\n';
  return x;
}

/**
 * Rules of CAP 1.2 the XML schema cannot check: Update/Cancel carry references, polygons close and have
 * at least four points, times carry an offset, identifiers avoid spaces, commas and < &. Returns the problems.
 */
export function checkCapSemantics(xml: string): string[] {
  const problems: string[] = [];
  const one = (name: string) => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1] ?? null;
  const all = (name: string) =>
    [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
  const msgType = one('msgType');
  const references = one('references');
  if ((msgType === 'Update' || msgType === 'Cancel') && !references) problems.push('references_missing');
  if (msgType === 'Alert' && references) problems.push('references_on_alert');
  if (references) {
    for (const ref of references.split(/\s+/)) {
      const parts = ref.split(',');
      if (parts.length !== 3 || !/[+-]\d\d:\d\d$/.test(parts[2]!)) problems.push(`bad_reference:${ref}`);
    }
  }
  for (const id of [one('identifier'), one('sender')]) {
    if (id === null || /[\s,<&]/.test(id)) problems.push('bad_identifier_or_sender');
  }
  for (const name of ['sent', 'onset', 'expires', 'effective']) {
    for (const v of all(name))
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(v)) problems.push(`bad_time:${name}`);
  }
  for (const p of all('polygon')) {
    const pairs = p.trim().split(/\s+/);
    if (pairs.length < 4) problems.push('polygon_too_short');
    if (pairs[0] !== pairs.at(-1)) problems.push('polygon_not_closed');
    for (const pair of pairs) {
      const [lat, lon] = pair.split(',').map(Number);
      if (!(Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180)) problems.push('polygon_bad_point');
    }
  }
  if (all('info').length === 0 && !xml.includes('<info>')) problems.push('no_info');
  const expires = one('expires');
  const sent = one('sent');
  if (expires && sent && Date.parse(expires) <= Date.parse(sent)) problems.push('expires_before_sent');
  return problems;
}

export interface FeedEntry {
  identifier: string;
  title: string;
  summary: string;
  updated: Date;
  capUrl: string;
  pageUrl: string;
}

/** Atom 1.0 feed of current alerts; each entry links its CAP document (type application/cap+xml). */
export function renderAtom(
  feed: { id: string; title: string; selfUrl: string; updated: Date; author: string },
  entries: FeedEntry[],
  timeZone: string,
): string {
  const t = (d: Date) => capTime(d, timeZone);
  let x =
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">\n';
  x += el('id', feed.id, '  ');
  x += el('title', feed.title, '  ');
  x += el('updated', t(feed.updated), '  ');
  x += `  <author>\n${el('name', feed.author, '    ')}  </author>\n`;
  x += `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>\n`;
  for (const e of entries) {
    x += '  <entry>\n';
    x += el('id', e.identifier, '    ');
    x += el('title', e.title, '    ');
    x += el('updated', t(e.updated), '    ');
    x += el('summary', e.summary, '    ');
    x += `    <link rel="alternate" type="application/cap+xml" href="${xmlEscape(e.capUrl)}"/>\n`;
    x += `    <link rel="related" type="text/html" href="${xmlEscape(e.pageUrl)}"/>\n`;
    x += '  </entry>\n';
  }
  x += '</feed>\n';
  return x;
}
