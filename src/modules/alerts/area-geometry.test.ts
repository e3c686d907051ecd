import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../platform/profile/profile.js';
import {
  circleIntersectsPolygon,
  pointInPolygon,
  pointInShape,
  polygonsIntersect,
  shapeBox,
  unitsTouchedByShape,
  type BoundaryFeature,
  type Rings,
} from './area-geometry.js';

// Squares in [lon, lat]: A = [0,0]-[1,1]; a hole in A's middle in the holed variant.
const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const A: Rings = [square(0, 0, 1)];
const holed: Rings = [square(0, 0, 1), square(0.25, 0.25, 0.5)];

describe('point in polygon', () => {
  it('is inside the outer ring and outside holes', () => {
    expect(pointInPolygon([0.5, 0.5], A)).toBe(true);
    expect(pointInPolygon([1.5, 0.5], A)).toBe(false);
    expect(pointInPolygon([0.5, 0.5], holed)).toBe(false);
    expect(pointInPolygon([0.1, 0.1], holed)).toBe(true);
  });
});

describe('polygon / polygon', () => {
  it('finds crossing edges, containment both ways, and rejects disjoint shapes', () => {
    expect(polygonsIntersect([square(0.5, 0.5, 1)], A)).toBe(true); // edges cross
    expect(polygonsIntersect([square(0.1, 0.1, 0.1)], A)).toBe(true); // drawn inside the unit
    expect(polygonsIntersect([square(-1, -1, 3)], A)).toBe(true); // drawn around the unit
    expect(polygonsIntersect([square(2, 2, 1)], A)).toBe(false);
    expect(polygonsIntersect([square(1, 0, 1)], A)).toBe(true); // shares an edge
    // Inside the hole only: no shared point.
    expect(polygonsIntersect([square(0.4, 0.4, 0.1)], holed)).toBe(false);
  });
});

describe('circle / polygon', () => {
  it('touches when the centre is inside or an edge is within the radius', () => {
    expect(circleIntersectsPolygon([0.5, 0.5], 1, A)).toBe(true);
    // 0.01° east of the square at the equator ≈ 1.11 km.
    expect(circleIntersectsPolygon([1.01, 0.5], 1.2, A)).toBe(true);
    expect(circleIntersectsPolygon([1.01, 0.5], 1.0, A)).toBe(false);
    // Centre in the hole, radius reaching the hole's edge (0.05° ≈ 5.6 km) or not.
    expect(circleIntersectsPolygon([0.5, 0.5], 30, holed)).toBe(true);
    expect(circleIntersectsPolygon([0.5, 0.5], 1, holed)).toBe(false);
  });

  it('point in shape: CAP polygons are [lat, lon]', () => {
    const ring: [number, number][] = [
      [10, 106],
      [10, 107],
      [11, 107],
      [11, 106],
      [10, 106],
    ];
    expect(pointInShape([106.5, 10.5], { polygon: ring })).toBe(true);
    expect(pointInShape([105.5, 10.5], { polygon: ring })).toBe(false);
    expect(pointInShape([106.01, 10], { circle: { lat: 10, lon: 106, radiusKm: 1.2 } })).toBe(true);
    expect(pointInShape([106.02, 10], { circle: { lat: 10, lon: 106, radiusKm: 1.2 } })).toBe(false);
  });
});

describe('bounding box of a drawn shape', () => {
  it('covers the polygon corners and the circle (about 1° = 111 km)', () => {
    expect(shapeBox({})).toBeNull();
    const box = shapeBox({ circle: { lat: 0, lon: 106, radiusKm: 111.32 } })!;
    expect(box.map((v) => Math.round(v * 1000) / 1000)).toEqual([105, -1, 107, 1]);
    expect(
      shapeBox({
        polygon: [
          [10, 106],
          [10.5, 106.2],
          [10.1, 105.9],
          [10, 106],
        ],
      }),
    ).toEqual([105.9, 10, 106.2, 10.5]);
  });
});

describe('units touched by a drawn shape (Long An districts)', () => {
  const features = loadProfile('long-an-2022').boundaries!.features as unknown as BoundaryFeature[];

  it('a small circle in Tân An city reaches only Tân An', () => {
    expect(unitsTouchedByShape(features, { circle: { lat: 10.5359, lon: 106.4107, radiusKm: 0.5 } })).toEqual(
      ['794'],
    );
  });

  it('a large circle reaches the neighbours too; a polygon far away reaches nothing', () => {
    const wide = unitsTouchedByShape(features, { circle: { lat: 10.5359, lon: 106.4107, radiusKm: 15 } });
    expect(wide).toContain('794');
    expect(wide).toContain('808');
    expect(wide).not.toContain('796');
    const sea: [number, number][] = [
      [9, 104],
      [9, 104.1],
      [9.1, 104.1],
      [9, 104],
    ];
    expect(unitsTouchedByShape(features, { polygon: sea })).toEqual([]);
  });

  it('a polygon across the Tân Hưng / Vĩnh Hưng area reaches those districts, not the east', () => {
    const ring: [number, number][] = [
      [10.8, 105.6],
      [10.8, 105.8],
      [10.9, 105.8],
      [10.9, 105.6],
      [10.8, 105.6],
    ];
    const got = unitsTouchedByShape(features, { polygon: ring });
    expect(got).toContain('796');
    expect(got).not.toContain('806');
    expect(got).not.toContain('794');
  });
});
