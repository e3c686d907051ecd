// Pure geometry for targeting by a drawn area: which boundary units (GeoJSON, [lon, lat]) a CAP polygon
// ([lat, lon] ring) or circle touches. Planar on lon/lat, good enough at a province's scale; distances
// for circles use an equirectangular projection around the centre. No I/O here.

/** [x, y] = [lon, lat]. */
export type XY = [number, number];
/** A GeoJSON polygon: outer ring first, holes after. */
export type Rings = number[][][];

export interface DrawnShape {
  /** CAP ring of [lat, lon], closed. */
  polygon?: [number, number][] | null;
  circle?: { lat: number; lon: number; radiusKm: number } | null;
}

export interface BoundaryFeature {
  properties: { code: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

const KM_PER_DEGREE = 111.32;

function cross(o: XY, a: XY, b: XY): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function within(a: number, b: number, v: number): boolean {
  return Math.min(a, b) - 1e-12 <= v && v <= Math.max(a, b) + 1e-12;
}

/** Do segments p1-p2 and q1-q2 touch or cross? */
export function segmentsTouch(p1: XY, p2: XY, q1: XY, q2: XY): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (a: XY, b: XY, c: XY, d: number) =>
    Math.abs(d) < 1e-15 && within(a[0], b[0], c[0]) && within(a[1], b[1], c[1]);
  return on(q1, q2, p1, d1) || on(q1, q2, p2, d2) || on(p1, p2, q1, d3) || on(p1, p2, q2, d4);
}

/** Even-odd ray casting. */
export function pointInRing(p: XY, ring: readonly number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(p: XY, rings: Rings): boolean {
  const [outer, ...holes] = rings;
  return !!outer && pointInRing(p, outer) && !holes.some((h) => pointInRing(p, h));
}

function edges(ring: readonly number[][]): [XY, XY][] {
  const out: [XY, XY][] = [];
  for (let i = 0; i + 1 < ring.length; i++)
    out.push([ring[i] as unknown as XY, ring[i + 1] as unknown as XY]);
  const first = ring[0];
  const last = ring.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    out.push([last as unknown as XY, first as unknown as XY]);
  return out;
}

/**
 * Do two polygons share any point? An edge of one crosses an edge of the other, or one lies inside the
 * other (a vertex of A inside B, or of B inside A).
 */
export function polygonsIntersect(a: Rings, b: Rings): boolean {
  const ea = a.flatMap(edges);
  const eb = b.flatMap(edges);
  for (const [p1, p2] of ea) for (const [q1, q2] of eb) if (segmentsTouch(p1, p2, q1, q2)) return true;
  const a0 = a[0]?.[0];
  const b0 = b[0]?.[0];
  return (!!a0 && pointInPolygon(a0 as unknown as XY, b)) || (!!b0 && pointInPolygon(b0 as unknown as XY, a));
}

/** Distance in km from a point to a segment, in a local projection around `origin` (lon, lat). */
function kmToSegment(origin: XY, a: XY, b: XY): number {
  const k = Math.cos((origin[1] * Math.PI) / 180);
  const ax = (a[0] - origin[0]) * k * KM_PER_DEGREE;
  const ay = (a[1] - origin[1]) * KM_PER_DEGREE;
  const bx = (b[0] - origin[0]) * k * KM_PER_DEGREE;
  const by = (b[1] - origin[1]) * KM_PER_DEGREE;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Does a circle (centre lon/lat, radius km) share any point with the polygon? */
export function circleIntersectsPolygon(centre: XY, radiusKm: number, rings: Rings): boolean {
  if (pointInPolygon(centre, rings)) return true;
  return rings.some((ring) => edges(ring).some(([a, b]) => kmToSegment(centre, a, b) <= radiusKm));
}

/** Is the point (lon, lat) inside the drawn shape? */
export function pointInShape(p: XY, shape: DrawnShape): boolean {
  if (
    shape.polygon &&
    pointInRing(
      p,
      shape.polygon.map(([lat, lon]) => [lon, lat]),
    )
  )
    return true;
  if (shape.circle) {
    const c: XY = [shape.circle.lon, shape.circle.lat];
    if (kmToSegment(c, p, p) <= shape.circle.radiusKm) return true;
  }
  return false;
}

function polygonsOf(f: BoundaryFeature): Rings[] {
  return f.geometry.type === 'Polygon'
    ? [f.geometry.coordinates as Rings]
    : (f.geometry.coordinates as Rings[]);
}

/** Codes of the boundary features the drawn polygon or circle touches, in feature order. */
export function unitsTouchedByShape(features: readonly BoundaryFeature[], shape: DrawnShape): string[] {
  if (!shape.polygon && !shape.circle) return [];
  const drawn: Rings | null = shape.polygon ? [shape.polygon.map(([lat, lon]) => [lon, lat])] : null;
  const circle = shape.circle;
  return features
    .filter((f) =>
      polygonsOf(f).some(
        (rings) =>
          (drawn && polygonsIntersect(drawn, rings)) ||
          (circle && circleIntersectsPolygon([circle.lon, circle.lat], circle.radiusKm, rings)),
      ),
    )
    .map((f) => f.properties.code);
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of the drawn shape, or null without one. */
export function shapeBox(shape: DrawnShape): [number, number, number, number] | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [lat, lon] of shape.polygon ?? []) {
    xs.push(lon);
    ys.push(lat);
  }
  if (shape.circle) {
    const { lat, lon, radiusKm } = shape.circle;
    const dLat = radiusKm / KM_PER_DEGREE;
    const dLon = radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    xs.push(lon - dLon, lon + dLon);
    ys.push(lat - dLat, lat + dLat);
  }
  if (xs.length === 0) return null;
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
