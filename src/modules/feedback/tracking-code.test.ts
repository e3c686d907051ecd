import { describe, expect, it } from 'vitest';
import { newTrackingCode, normalizeTrackingCode, TRACKING_ALPHABET } from './tracking-code.js';

describe('tracking codes', () => {
  it('are prefixed, grouped and drawn from an unambiguous alphabet', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newTrackingCode('LA')));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toMatch(/^LA-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    }
    expect(TRACKING_ALPHABET).not.toMatch(/[01OILU]/);
  });

  it('normalises what people type or read out', () => {
    expect(normalizeTrackingCode(' la 7kq2 m9xd ')).toBe('LA-7KQ2-M9XD');
    expect(normalizeTrackingCode('la-7kq2-m9xd')).toBe('LA-7KQ2-M9XD');
  });
});
