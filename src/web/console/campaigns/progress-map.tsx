import { useEffect, useMemo, useState } from 'react';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import type { GeoFeatureCollection } from '../../shared/ui/geo-map.js';
import type { Summary } from './types.js';

/** Colour of a district by progress towards its target (share of the target reached). */
function colour(progress: number | undefined): string {
  if (progress === undefined) return '#eeeeee';
  if (progress >= 100) return '#1b7f3b';
  if (progress >= 75) return '#7fbf7f';
  if (progress >= 50) return '#f2c14e';
  return '#e07b39';
}

/** Districts coloured by progress towards the install target; names and rates in each shape's title. */
export function ProgressMap({ targets }: { targets: Summary['targets'] }) {
  const [geo, setGeo] = useState<GeoFeatureCollection | null>(null);
  useEffect(() => {
    api<{ boundaries: GeoFeatureCollection | null }>('GET', '/campaigns/district-boundaries')
      .then((r) => setGeo(r.boundaries))
      .catch(() => setGeo(null));
  }, []);
  const width = 560;
  const height = 440;
  const paths = useMemo(() => {
    if (!geo) return [];
    const shapes = geo.features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      rings:
        f.geometry.type === 'Polygon'
          ? (f.geometry.coordinates as number[][][])
          : (f.geometry.coordinates as number[][][][]).flat(),
    }));
    const pts = shapes.flatMap((s) => s.rings.flat());
    if (pts.length === 0) return [];
    const lons = pts.map((p) => p[0]!);
    const lats = pts.map((p) => p[1]!);
    const [minLon, maxLon, minLat, maxLat] = [
      Math.min(...lons),
      Math.max(...lons),
      Math.min(...lats),
      Math.max(...lats),
    ];
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const scale = Math.min((width - 20) / ((maxLon - minLon) * k), (height - 20) / (maxLat - minLat));
    const xy = (lon: number, lat: number) =>
      `${(10 + (lon - minLon) * k * scale).toFixed(1)},${(10 + (maxLat - lat) * scale).toFixed(1)}`;
    return shapes.map((s) => ({
      code: s.code,
      name: s.name,
      d: s.rings
        .map((r) => r.map(([lon, lat], i) => `${i ? 'L' : 'M'}${xy(lon!, lat!)}`).join('') + 'Z')
        .join(''),
    }));
  }, [geo]);
  if (paths.length === 0) return null;
  const byUnit = new Map(targets.map((x) => [x.unitCode, x]));
  return (
    <svg
      role="img"
      aria-label={t('campaigns.mapLabel')}
      viewBox={`0 0 ${width} ${height}`}
      className="campaign-chart"
    >
      {paths.map((p) => {
        const x = byUnit.get(p.code);
        return (
          <path key={p.code} d={p.d} fill={colour(x?.progress)} stroke="#444" strokeWidth={1}>
            <title>{x ? `${p.name}: ${x.percent}% / ${x.targetPercent}%` : p.name}</title>
          </path>
        );
      })}
    </svg>
  );
}
