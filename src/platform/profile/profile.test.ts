import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILES_DIR } from '../config/config.js';
import { findUnitAt, loadProfile, ProfileError, type Profile } from './profile.js';

describe('loadProfile', () => {
  it('loads Long An 2022: province → 15 districts → 188 communes', () => {
    const p = loadProfile('long-an-2022');
    expect(p.id).toBe('long-an-2022');
    expect(p.levels).toBe(3);
    expect(p.brand.trackingPrefix).toBe('LA');
    expect(p.units.filter((u) => u.level === 1).map((u) => u.code)).toEqual(['80']);
    expect(p.units.filter((u) => u.level === 2)).toHaveLength(15);
    expect(p.units.filter((u) => u.level === 3)).toHaveLength(188);
    expect(p.agencies.filter((a) => a.kind === 'district_pc')).toHaveLength(15);
    expect(p.agencies.filter((a) => a.kind === 'commune_pc')).toHaveLength(188);
    expect(p.categories).toHaveLength(25);
    expect(p.boundaries?.features).toHaveLength(15);
    // Every commune's UBND reports to its district's UBND.
    const byCode = new Map(p.agencies.map((a) => [a.code, a]));
    const unitParent = new Map(p.units.map((u) => [u.code, u.parent_code]));
    for (const a of p.agencies.filter((x) => x.kind === 'commune_pc')) {
      expect(byCode.get(a.parentCode ?? '')?.unitCode).toBe(unitParent.get(a.unitCode ?? ''));
    }
  });

  it('loads Tây Ninh 2025: province → 96 communes, no district level', () => {
    const p = loadProfile('tay-ninh-2025');
    expect(p.levels).toBe(2);
    expect(p.boundaries).toBeNull();
    expect(p.units.filter((u) => u.level === 2)).toHaveLength(96);
    expect(p.units.some((u) => u.level === 3)).toBe(false);
    expect(p.agencies.some((a) => a.kind === 'district_pc')).toBe(false);
    const communePcs = p.agencies.filter((a) => a.kind === 'commune_pc');
    expect(communePcs).toHaveLength(96);
    expect(new Set(communePcs.map((a) => a.parentCode))).toEqual(new Set(['ubnd-tinh']));
    // Departments merged in 2025 are gone.
    for (const gone of ['so-gtvt', 'so-tnmt', 'so-nnptnt', 'so-tttt', 'so-ldtbxh']) {
      expect(p.agencies.some((a) => a.code === gone)).toBe(false);
    }
    expect(p.categories.find((c) => c.code === 'chuyen_doi_so')?.defaultAgencyCode).toBe('so-khcn');
  });

  it('has the same holidays and deadline defaults in both profiles', () => {
    const a = loadProfile('long-an-2022');
    const b = loadProfile('tay-ninh-2025');
    expect(b.holidays).toEqual(a.holidays);
    expect(b.deadlinePolicies).toEqual(a.deadlinePolicies);
    expect(a.holidays.find((h) => h.date === '2026-01-10')?.kind).toBe('makeup_workday');
    expect(a.holidays.find((h) => h.date === '2026-04-27')?.kind).toBe('compensatory');
  });

  describe('a broken profile', () => {
    let dir: string;
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function brokenCopy(edit: (folder: string) => void): string {
      dir = mkdtempSync(path.join(tmpdir(), 'profile-'));
      cpSync(path.join(PROFILES_DIR, 'long-an-2022'), path.join(dir, 'long-an-2022'), { recursive: true });
      edit(path.join(dir, 'long-an-2022'));
      return dir;
    }
    function editJson(folder: string, file: string, change: (data: unknown[]) => void) {
      const full = path.join(folder, file);
      const data = JSON.parse(readFileSync(full, 'utf8')) as unknown[];
      change(data);
      writeFileSync(full, JSON.stringify(data));
    }
    function problemsOf(fn: () => unknown): string {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(ProfileError);
        return (err as Error).message;
      }
      throw new Error('expected loadProfile to throw');
    }

    it('is refused, naming every integrity problem in Vietnamese then English', () => {
      const root = brokenCopy((folder) => {
        editJson(folder, 'units.json', (units) => {
          (units[5] as { parent_code: string }).parent_code = '999';
        });
        editJson(folder, 'agencies.json', (agencies) => {
          agencies.push({ ...(agencies[1] as object) });
        });
        editJson(folder, 'categories.json', (cats) => {
          (cats[0] as { defaultAgencyCode: string }).defaultAgencyCode = 'so-khong-co';
        });
      });
      const message = problemsOf(() => loadProfile('long-an-2022', root));
      expect(message).toContain('Hồ sơ tỉnh "long-an-2022" không hợp lệ / Invalid province profile');
      expect(message).toMatch(/đơn vị cha "999" không tồn tại \/ unit "\d+" has unknown parent "999"/);
      expect(message).toContain('mã cơ quan "vp-ubnd-tinh" bị trùng / duplicate agency code "vp-ubnd-tinh"');
      expect(message).toContain(
        '"so-khong-co" không tồn tại / category "giao_thong_ha_tang" names unknown agency',
      );
    });

    it('is refused when a file does not match its schema', () => {
      const root = brokenCopy((folder) => {
        editJson(folder, 'holidays.json', (rows) => {
          (rows[0] as { kind: string }).kind = 'party';
        });
      });
      const message = problemsOf(() => loadProfile('long-an-2022', root));
      expect(message).toContain('holidays.json: 0.kind:');
    });

    it('is refused when a file is missing', () => {
      const root = brokenCopy((folder) => rmSync(path.join(folder, 'categories.json')));
      expect(problemsOf(() => loadProfile('long-an-2022', root))).toContain(
        'categories.json: thiếu tệp / file missing',
      );
    });
  });
});

describe('findUnitAt', () => {
  const profile: Profile = loadProfile('long-an-2022');

  it.each([
    ['Tân An centre', 106.4107, 10.5359, '794'],
    ['Bến Lức town', 106.4927, 10.6392, '803'],
    ['Cần Giuộc town', 106.6697, 10.6053, '807'],
    ['Hậu Nghĩa (Đức Hòa)', 106.3924, 10.8867, '802'],
  ])('puts %s in its district', (_name, lon, lat, code) => {
    expect(findUnitAt(profile, lon, lat)).toBe(code);
  });

  it('returns null outside the province (Hồ Chí Minh City centre)', () => {
    expect(findUnitAt(profile, 106.7009, 10.7769)).toBeNull();
  });

  it('returns null for a profile without boundaries', () => {
    expect(findUnitAt(loadProfile('tay-ninh-2025'), 106.4107, 10.5359)).toBeNull();
  });

  it('respects holes in a MultiPolygon', () => {
    const square = (x: number, y: number, s: number): [number, number][] => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    const donut: Pick<Profile, 'boundaries'> = {
      boundaries: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'A' },
            geometry: {
              type: 'MultiPolygon',
              coordinates: [[square(0, 0, 10), square(4, 4, 2)], [square(20, 0, 1)]],
            },
          },
        ],
      },
    };
    expect(findUnitAt(donut, 1, 1)).toBe('A');
    expect(findUnitAt(donut, 5, 5)).toBeNull();
    expect(findUnitAt(donut, 20.5, 0.5)).toBe('A');
    expect(findUnitAt(donut, 15, 5)).toBeNull();
  });
});
