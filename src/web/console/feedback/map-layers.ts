/** A point of the IOC map with what the layers need. */
export interface MapPoint {
  lat: number;
  lon: number;
  overdue: boolean;
}

export interface Cluster {
  lat: number;
  lon: number;
  count: number;
  overdue: number;
}

/**
 * Groups points into cells of a grid (`cellDeg` degrees, ≈ 2.2 km at 0.02° here), each cluster at the mean
 * position of its points: one circle per place with many reports instead of a pile of overlapping dots.
 */
export function clusterPoints(points: readonly MapPoint[], cellDeg = 0.02): Cluster[] {
  const cells = new Map<string, { lat: number; lon: number; count: number; overdue: number }>();
  for (const p of points) {
    const key = `${Math.floor(p.lat / cellDeg)}:${Math.floor(p.lon / cellDeg)}`;
    const c = cells.get(key) ?? { lat: 0, lon: 0, count: 0, overdue: 0 };
    c.lat += p.lat;
    c.lon += p.lon;
    c.count++;
    if (p.overdue) c.overdue++;
    cells.set(key, c);
  }
  return [...cells.values()]
    .map((c) => ({ lat: c.lat / c.count, lon: c.lon / c.count, count: c.count, overdue: c.overdue }))
    .sort((a, b) => b.count - a.count);
}

/** Density for the heat layer: clusters on a finer grid, strength relative to the densest cell (0–1]. */
export function heatCells(
  points: readonly MapPoint[],
  cellDeg = 0.01,
): { lat: number; lon: number; strength: number }[] {
  const cells = clusterPoints(points, cellDeg);
  const max = Math.max(1, ...cells.map((c) => c.count));
  // Square root: a few busy places do not wash out the rest.
  return cells.map((c) => ({ lat: c.lat, lon: c.lon, strength: Math.sqrt(c.count / max) }));
}

/** Circle radius for a cluster of `count` reports (area grows with the count), in map units. */
export function clusterRadius(count: number): number {
  return Math.min(28, 6 + 3.2 * Math.sqrt(count));
}
