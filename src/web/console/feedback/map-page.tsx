import { useState } from 'react';
import { t } from '../../shared/i18n.js';
import { GeoMap, type GeoFeatureCollection } from '../../shared/ui/geo-map.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import './feedback.css';
import { statusLabel } from './labels.js';
import { clusterPoints, clusterRadius, heatCells } from './map-layers.js';
import { useLiveResource } from './use-report-stream.js';

type View = 'points' | 'clusters' | 'heat';

interface MapData {
  boundaries: GeoFeatureCollection | null;
  points: {
    id: string;
    trackingCode: string;
    lat: number;
    lon: number;
    status: string;
    categoryCode: string;
    overdue: boolean;
  }[];
}

const COLOURS = { overdue: '#b3261e', waiting: '#b35c00', working: '#1f5fa8' };

function colourOf(p: MapData['points'][number]): string {
  if (p.overdue) return COLOURS.overdue;
  return ['received', 'accepted', 'returned', 'reopened'].includes(p.status)
    ? COLOURS.waiting
    : COLOURS.working;
}

/** Open reports on the province map (districts drawn from the profile), live; overdue ones in red. */
export function MapPage() {
  const { data, problem } = useLiveResource<MapData>('/reports/map');
  const [view, setView] = useState<View>('points');

  return (
    <section>
      <PageHeading>{t('map.title')}</PageHeading>
      <ProblemAlert problem={problem} />
      {!data && !problem ? <p role="status">{t('common.loading')}</p> : null}
      {data ? (
        <>
          <p>{t('map.count').replace('{n}', String(data.points.length))}</p>
          <ul className="map-legend">
            <li>
              <span style={{ color: COLOURS.overdue }}>●</span> {t('map.legendOverdue')}
            </li>
            <li>
              <span style={{ color: COLOURS.waiting }}>●</span> {t('map.legendWaiting')}
            </li>
            <li>
              <span style={{ color: COLOURS.working }}>●</span> {t('map.legendWorking')}
            </li>
          </ul>
          <fieldset className="map-views">
            <legend>{t('map.view')}</legend>
            {(['points', 'clusters', 'heat'] as const).map((v) => (
              <label key={v} className="check">
                <input
                  type="radio"
                  name="map-view"
                  value={v}
                  checked={view === v}
                  onChange={() => setView(v)}
                />
                {t(`map.view.${v}`)}
              </label>
            ))}
          </fieldset>
          <GeoMap
            title={t('map.title')}
            boundaries={data.boundaries}
            heat={view === 'heat' ? heatCells(data.points) : []}
            points={
              view === 'points'
                ? data.points.map((p) => ({
                    id: p.id,
                    lat: p.lat,
                    lon: p.lon,
                    color: colourOf(p),
                    label: `${p.trackingCode} — ${statusLabel(p.status as never)}`,
                    href: `/console/phan-anh/${p.id}`,
                  }))
                : view === 'clusters'
                  ? clusterPoints(data.points).map((c, i) => ({
                      id: `c${i}`,
                      lat: c.lat,
                      lon: c.lon,
                      color: c.overdue > 0 ? COLOURS.overdue : COLOURS.working,
                      radius: clusterRadius(c.count),
                      text: c.count > 1 ? String(c.count) : '',
                      label: t('map.clusterLabel', { n: c.count, overdue: c.overdue }),
                    }))
                  : []
            }
          />
          {data.boundaries === null ? <p>{t('map.noBoundaries')}</p> : null}
        </>
      ) : null}
    </section>
  );
}
