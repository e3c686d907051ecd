import type { GeoFeatureCollection } from './ui/geo-map.js';

/** Whether a point lies inside a ring (even-odd rule; rings as [lon, lat] pairs). */
function inRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > lat !== yj! > lat && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/** The boundary (its code and name) that holds the point, or null outside every one. */
export function unitAt(
  boundaries: GeoFeatureCollection,
  lat: number,
  lon: number,
): { code: string; name: string } | null {
  for (const f of boundaries.features) {
    const polygons =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as number[][][]]
        : (f.geometry.coordinates as number[][][][]);
    for (const [outer, ...holes] of polygons)
      if (outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)))
        return { code: f.properties.code, name: f.properties.name };
  }
  return null;
}
