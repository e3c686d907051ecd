import { getLang, t } from '../../shared/i18n.js';

const locale = () => (getLang() === 'vi' ? 'vi-VN' : 'en-GB');
export const fmt = (n: number) => new Intl.NumberFormat(locale()).format(n);
export const pct = (r: number | null) =>
  r === null
    ? t('analytics.none')
    : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(r);
export const hrs = (h: number | null) =>
  h === null
    ? t('analytics.none')
    : h >= 48
      ? t('analytics.days', { n: fmt(Math.round((h / 24) * 10) / 10) })
      : t('analytics.hours', { n: fmt(h) });

export interface Bar {
  key: string;
  label: string;
  values: number[];
}

/**
 * Grouped vertical bars as SVG with a title per bar (screen readers and hover), large type for a
 * projector; the figures are also in a table next to each chart.
 */
export function BarChart({
  title,
  bars,
  series,
  colours,
  height = 240,
}: {
  title: string;
  bars: Bar[];
  series: string[];
  colours: string[];
  height?: number;
}) {
  const w = 720;
  const left = 56;
  const bottom = 34;
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const slot = (w - left - 8) / Math.max(1, bars.length);
  const bw = (slot * 0.8) / series.length;
  const y = (v: number) => height - bottom - (v / max) * (height - bottom - 14);
  const every = Math.ceil(bars.length / 12);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${w} ${height}`} role="img" aria-label={title}>
        <line x1={left} x2={w - 4} y1={height - bottom} y2={height - bottom} stroke="#5b6b7c" />
        <text x={left - 6} y={y(max) + 5} textAnchor="end" fontSize="14">
          {fmt(max)}
        </text>
        <text x={left - 6} y={height - bottom} textAnchor="end" fontSize="14">
          0
        </text>
        {bars.map((b, i) => (
          <g key={b.key}>
            {b.values.map((v, k) => (
              <rect
                key={k}
                x={left + i * slot + slot * 0.1 + k * bw}
                y={y(v)}
                width={Math.max(1, bw - 1)}
                height={height - bottom - y(v)}
                fill={colours[k]}
              >
                <title>{`${b.label} — ${series[k]}: ${fmt(v)}`}</title>
              </rect>
            ))}
            {i % every === 0 ? (
              <text x={left + i * slot + slot / 2} y={height - bottom + 18} textAnchor="middle" fontSize="13">
                {b.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption>
        {series.map((s, k) => (
          <span key={s} className="legend-item">
            <span className="legend-swatch" style={{ background: colours[k] }} aria-hidden="true" /> {s}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** A small line of on-time rates (0–100 %) for a ranking row. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const w = 120;
  const h = 28;
  const pts = values
    .map((v, i) =>
      v === null ? null : `${(i / Math.max(1, values.length - 1)) * (w - 4) + 2},${h - 2 - v * (h - 4)}`,
    )
    .filter(Boolean);
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      <rect x="0" y="0" width={w} height={h} fill="#f4f6f8" />
      {pts.length > 1 ? (
        <polyline points={pts.join(' ')} fill="none" stroke="#0b5cad" strokeWidth="2" />
      ) : null}
      {pts.length === 1 ? (
        <circle cx={pts[0]!.split(',')[0]} cy={pts[0]!.split(',')[1]} r="3" fill="#0b5cad" />
      ) : null}
    </svg>
  );
}
