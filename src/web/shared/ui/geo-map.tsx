import { useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';

export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: {
    properties: { code: string; name: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  }[];
}

export interface GeoPoint {
  id: string;
  lat: number;
  lon: number;
  color: string;
  label: string;
  href?: string;
  /** Dot radius in map units (default 5); clusters grow with their count. */
  radius?: number;
  /** A short text on the dot (a cluster's count). */
  text?: string;
}

interface Props {
  boundaries: GeoFeatureCollection | null;
  points: GeoPoint[];
  /** Accessible name of the map image. */
  title: string;
  width?: number;
  height?: number;
  /** Codes of boundaries to fill as highlighted (e.g. an alert's area). */
  highlight?: readonly string[];
  /** Fill colour per boundary code (a choropleth); others stay pale. */
  fills?: Record<string, string>;
  /**
   * Makes the map a place picker: a click or tap (or the arrow keys, from the pin or the middle) gives the
   * point under it. The pin is drawn at `pin`.
   */
  onPick?: (lat: number, lon: number) => void;
  pin?: { lat: number; lon: number } | null;
  /** Id of the text that explains how to pick (mouse, touch, arrow keys). */
  describedBy?: string;
  /** A heat layer under the points: translucent blobs whose strength (0–1) sets the colour's weight. */
  heat?: { lat: number; lon: number; strength: number }[];
}

/**
 * A self-contained map: boundaries and points drawn as SVG with an equirectangular projection
 * (accurate enough at a province's scale). No tile server, so nothing about what the IOC looks at
 * leaves the server, and it works on a closed network.
 */
export function GeoMap({
  boundaries,
  points,
  title,
  width = 720,
  height = 560,
  highlight = [],
  fills,
  onPick,
  pin,
  describedBy,
  heat = [],
}: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const geometry = useMemo(() => {
    const rings: { code: string; name: string; rings: number[][][] }[] = (boundaries?.features ?? []).map(
      (f) => ({
        code: f.properties.code,
        name: f.properties.name,
        rings:
          f.geometry.type === 'Polygon'
            ? (f.geometry.coordinates as number[][][])
            : (f.geometry.coordinates as number[][][][]).flat(),
      }),
    );
    const lons: number[] = [];
    const lats: number[] = [];
    for (const f of rings) {
      for (const ring of f.rings) {
        for (const [lon, lat] of ring) {
          lons.push(lon!);
          lats.push(lat!);
        }
      }
    }
    for (const p of [...points, ...heat]) {
      lons.push(p.lon);
      lats.push(p.lat);
    }
    if (lons.length === 0) return null;
    const [minLon, maxLon, minLat, maxLat] = [
      Math.min(...lons),
      Math.max(...lons),
      Math.min(...lats),
      Math.max(...lats),
    ];
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const spanX = Math.max((maxLon - minLon) * k, 1e-6);
    const spanY = Math.max(maxLat - minLat, 1e-6);
    const scale = Math.min((width - 20) / spanX, (height - 20) / spanY);
    const project = (lon: number, lat: number): [number, number] => [
      10 + (lon - minLon) * k * scale,
      10 + (maxLat - lat) * scale,
    ];
    const invert = (x: number, y: number): [number, number] => [
      minLon + (x - 10) / (k * scale),
      maxLat - (y - 10) / scale,
    ];
    const paths = rings.map((f) => ({
      code: f.code,
      name: f.name,
      d: f.rings
        .map(
          (ring) =>
            ring
              .map(
                ([lon, lat], i) =>
                  `${i ? 'L' : 'M'}${project(lon!, lat!)
                    .map((v) => v.toFixed(1))
                    .join(',')}`,
              )
              .join('') + 'Z',
        )
        .join(''),
    }));
    return { paths, project, invert };
  }, [boundaries, points, heat, width, height]);

  if (!geometry) return null;
  const pick = (x: number, y: number) => {
    const [lon, lat] = geometry.invert(x, y);
    onPick?.(Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6);
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    pick(p.x, p.y);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = { ArrowLeft: [-8, 0], ArrowRight: [8, 0], ArrowUp: [0, -8], ArrowDown: [0, 8] }[e.key] as
      [number, number] | undefined;
    if (!step) return;
    e.preventDefault();
    const [x, y] = pin ? geometry.project(pin.lon, pin.lat) : [width / 2, height / 2];
    pick(x + step[0], y + step[1]);
  };
  const pinAt = pin ? geometry.project(pin.lon, pin.lat) : null;
  return (
    <svg
      ref={svgRef}
      viewBox={`0 0 ${width} ${height}`}
      // With links on it, or as a picker, the map is a group (an image may not hold interactive content).
      role={onPick || points.some((p) => p.href) ? 'group' : 'img'}
      aria-label={title}
      aria-describedby={describedBy}
      className={onPick ? 'geo-map geo-map-picker' : 'geo-map'}
      style={{ width: '100%', height: 'auto', maxWidth: width }}
      {...(onPick ? { tabIndex: 0, onClick, onKeyDown } : {})}
    >
      <title>{title}</title>
      {geometry.paths.map((p) => (
        <path
          key={p.code}
          d={p.d}
          fill={fills?.[p.code] ?? (highlight.includes(p.code) ? '#f4b5ae' : '#eef3f8')}
          stroke="#5b6b7c"
          strokeWidth={1}
        >
          <title>{p.name}</title>
        </path>
      ))}
      {heat.length ? (
        <g aria-hidden="true">
          {heat.map((h, i) => {
            const [x, y] = geometry.project(h.lon, h.lat);
            return (
              <circle
                key={i}
                cx={x}
                cy={y}
                r={10 + 22 * h.strength}
                fill={`rgb(${200 + Math.round(55 * h.strength)}, ${Math.round(160 * (1 - h.strength))}, 40)`}
                fillOpacity={0.25 + 0.45 * h.strength}
              />
            );
          })}
        </g>
      ) : null}
      {points.map((pt) => {
        const [x, y] = geometry.project(pt.lon, pt.lat);
        const dot = (
          <>
            <circle cx={x} cy={y} r={pt.radius ?? 5} fill={pt.color} stroke="#fff" strokeWidth={1.5}>
              <title>{pt.label}</title>
            </circle>
            {pt.text ? (
              <text
                x={x}
                y={y}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={11}
                fontWeight={700}
                fill="#fff"
                aria-hidden="true"
              >
                {pt.text}
              </text>
            ) : null}
          </>
        );
        return pt.href ? (
          <a key={pt.id} href={pt.href} aria-label={pt.label}>
            {dot}
          </a>
        ) : (
          <g key={pt.id}>{dot}</g>
        );
      })}
      {pinAt ? (
        <g aria-hidden="true">
          <path
            d={`M${pinAt[0]},${pinAt[1]} l-7,-16 a8,8 0 1,1 14,0 z`}
            fill="#c0392b"
            stroke="#fff"
            strokeWidth={1.5}
          />
          <circle cx={pinAt[0]} cy={pinAt[1] - 18} r={3} fill="#fff" />
        </g>
      ) : null}
    </svg>
  );
}
