import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { maskPhoto, regionPixels } from './mask-photo.js';

describe('regionPixels', () => {
  it('turns fractions into whole pixels inside the photo, never empty', () => {
    expect(regionPixels({ x: 0.25, y: 0.5, width: 0.5, height: 0.25 }, 800, 600)).toEqual({
      left: 200,
      top: 300,
      width: 400,
      height: 150,
    });
    // Rounding outwards never leaves the photo; a sliver at the edge keeps one pixel.
    expect(regionPixels({ x: 0.999, y: 0.999, width: 0.01, height: 0.01 }, 100, 100)).toEqual({
      left: 99,
      top: 99,
      width: 1,
      height: 1,
    });
    expect(regionPixels({ x: 0.333, y: 0, width: 0.667, height: 1 }, 301, 7)).toEqual({
      left: 100,
      top: 0,
      width: 201,
      height: 7,
    });
  });
});

describe('maskPhoto', () => {
  it('masks every region, overlapping ones too, and leaves the rest of the photo', async () => {
    const photo = await sharp({
      create: {
        width: 400,
        height: 300,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    const { image, thumbnail } = await maskPhoto(photo, [
      { x: 0.1, y: 0.1, width: 0.4, height: 0.4 },
      { x: 0.3, y: 0.3, width: 0.4, height: 0.4 },
    ]);
    const before = await sharp(photo).raw().toBuffer();
    const after = await sharp(image).raw().toBuffer();
    const changed = (x: number, y: number) => {
      const i = (y * 400 + x) * 3;
      return Math.abs(after[i]! - before[i]!) + Math.abs(after[i + 1]! - before[i + 1]!);
    };
    const mean = (points: [number, number][]) =>
      points.reduce((s, [x, y]) => s + changed(x, y), 0) / points.length;
    const grid = (x0: number, y0: number, x1: number, y1: number) => {
      const out: [number, number][] = [];
      for (let y = y0; y < y1; y += 3) for (let x = x0; x < x1; x += 3) out.push([x, y]);
      return out;
    };
    expect(mean(grid(50, 40, 110, 90))).toBeGreaterThan(40); // first region only
    expect(mean(grid(130, 100, 190, 140))).toBeGreaterThan(40); // the overlap
    expect(mean(grid(210, 160, 270, 200))).toBeGreaterThan(40); // second region only
    expect(mean(grid(320, 10, 390, 60))).toBeLessThan(20); // outside both
    expect((await sharp(image).metadata()).exif).toBeUndefined();
    expect((await sharp(thumbnail).metadata()).width).toBe(320);
  });
});
