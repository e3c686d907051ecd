import { describe, expect, it } from 'vitest';
import { clusterPoints, clusterRadius, heatCells } from './map-layers.js';

describe('IOC map layers', () => {
  const tanAn = Array.from({ length: 9 }, (_, i) => ({
    lat: 10.535 + i * 0.0005,
    lon: 106.41 + i * 0.0005,
    overdue: i < 2,
  }));
  const kienTuong = [{ lat: 10.78, lon: 105.9, overdue: false }];

  it('groups nearby reports into one cluster at their mean place, counting the overdue ones', () => {
    const clusters = clusterPoints([...kienTuong, ...tanAn]);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]).toMatchObject({ count: 9, overdue: 2 });
    expect(clusters[0]!.lat).toBeCloseTo(10.537, 3);
    expect(clusters[1]).toMatchObject({ count: 1, overdue: 0, lat: 10.78, lon: 105.9 });
    expect(clusterPoints([])).toEqual([]);
  });

  it('gives the densest heat cell strength 1 and quieter ones less, and sizes clusters by count', () => {
    const heat = heatCells([...kienTuong, ...tanAn]);
    expect(Math.max(...heat.map((h) => h.strength))).toBe(1);
    expect(Math.min(...heat.map((h) => h.strength))).toBeGreaterThan(0);
    expect(Math.min(...heat.map((h) => h.strength))).toBeLessThan(1);
    expect(clusterRadius(1)).toBeLessThan(clusterRadius(50));
    expect(clusterRadius(100_000)).toBe(28);
  });
});
