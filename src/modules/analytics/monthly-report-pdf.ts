import { openPdf } from '../../platform/pdf/pdf-document.js';
import type { AgencyRank, Dashboard } from '../../contracts/analytics.js';
import { translate, type MessageKey } from '../../web/shared/messages.js';

export interface MonthlyReportInput {
  lang: 'vi' | 'en';
  provinceName: string;
  month: string;
  dashboard: Dashboard;
  ranking: AgencyRank[];
  generatedAt: Date;
}

/** The leaders' monthly summary as a PDF (A4, DejaVu Sans embedded so Vietnamese prints everywhere). */
export function monthlyReportPdf(input: MonthlyReportInput): Promise<Buffer> {
  const { lang, dashboard: d } = input;
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);
  const pct = (r: number | null) =>
    r === null
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(r);
  const hours = (h: number | null) => (h === null ? '—' : t('analytics.hours', { n: num(h) }));
  const month = `${input.month.slice(5, 7)}/${input.month.slice(0, 4)}`;

  const { doc, done } = openPdf({
    size: 'A4',
    margin: 48,
    info: { Title: `${t('analytics.pdfTitle')} — ${month}`, Author: input.provinceName },
  });

  doc.font('bold').fontSize(16).text(input.provinceName.toUpperCase(), { align: 'center' });
  doc.moveDown(0.3).fontSize(15).text(t('analytics.pdfTitle'), { align: 'center' });
  doc.font('body').fontSize(12).text(t('analytics.pdfMonth', { month }), { align: 'center' });
  doc.moveDown();

  const tot = d.totals;
  const kpis: [MessageKey, string][] = [
    ['analytics.received', num(tot.received)],
    ['analytics.answered', num(tot.answered)],
    ['analytics.inProgress', num(tot.inProgress)],
    ['analytics.overdueOpen', num(tot.overdueOpen)],
    ['analytics.onTimeRate', pct(tot.onTimeRate)],
    ['analytics.onTimeRateWithExtension', pct(tot.onTimeRateWithExtension)],
    [
      'analytics.satisfactionRate',
      `${pct(tot.satisfactionRate)} (${num(tot.rated)} ${t('analytics.rated').toLowerCase()})`,
    ],
    ['analytics.medianFirstAction', hours(tot.medianFirstActionHours)],
    ['analytics.medianAnswer', hours(tot.medianAnswerHours)],
  ];
  doc.fontSize(11);
  for (const [k, v] of kpis) {
    doc
      .font('body')
      .text(`${t(k)}: `, { continued: true })
      .font('bold')
      .text(v);
  }
  doc.moveDown();

  const table = (title: string, head: string[], rows: string[][], widths: number[]) => {
    if (doc.y > 680) doc.addPage();
    doc.font('bold').fontSize(12).text(title);
    doc.moveDown(0.3);
    const x0 = doc.page.margins.left;
    const line = (cells: string[], font: 'body' | 'bold') => {
      if (doc.y > 760) doc.addPage();
      const y = doc.y;
      let x = x0;
      let h = 0;
      doc.font(font).fontSize(9);
      cells.forEach((c, i) => {
        const w = widths[i]!;
        doc.text(c, x, y, { width: w - 4, align: i === 0 ? 'left' : 'right' });
        h = Math.max(h, doc.y - y);
        x += w;
      });
      doc.x = x0;
      doc.y = y + h + 3;
    };
    line(head, 'bold');
    for (const r of rows) line(r, 'body');
    doc.moveDown();
  };

  const cols = [
    t('analytics.received'),
    t('analytics.answered'),
    t('analytics.onTimeRate'),
    t('analytics.satisfactionRate'),
  ];
  table(
    t('analytics.byCategory'),
    [t('analytics.category'), ...cols],
    d.byCategory
      .slice(0, 15)
      .map((r) => [r.label, num(r.received), num(r.answered), pct(r.onTimeRate), pct(r.satisfactionRate)]),
    [200, 75, 75, 75, 75],
  );
  table(
    t('analytics.byArea'),
    [t('analytics.unit'), ...cols],
    d.byArea.map((r) => [
      r.label,
      num(r.received),
      num(r.answered),
      pct(r.onTimeRate),
      pct(r.satisfactionRate),
    ]),
    [200, 75, 75, 75, 75],
  );
  table(
    t('analytics.rankingTab'),
    [
      t('analytics.rank'),
      t('analytics.agency'),
      t('analytics.received'),
      t('analytics.onTimeRate'),
      t('analytics.satisfactionRate'),
      t('analytics.returned'),
    ],
    input.ranking
      .slice(0, 25)
      .map((r) => [
        String(r.rank),
        r.name,
        num(r.received),
        pct(r.onTimeRate),
        pct(r.satisfactionRate),
        num(r.returned),
      ]),
    [40, 200, 60, 70, 70, 60],
  );
  doc
    .font('body')
    .fontSize(8)
    .fillColor('#444')
    .text(
      `${t('analytics.cohortNote')} ${t('analytics.pdfGenerated', { at: input.generatedAt.toLocaleString(locale, { timeZone: 'Asia/Ho_Chi_Minh' }) })}`,
    );
  doc.end();
  return done;
}
