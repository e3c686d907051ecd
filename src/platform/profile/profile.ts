import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import { PROFILES_DIR } from '../config/config.js';

// A province profile is data, not code: one folder per province (and per period, since the
// administrative map changes) with the files validated below.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chữ thường ASCII và dấu gạch ngang / lower-case ASCII slug');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'định dạng YYYY-MM-DD / format YYYY-MM-DD');

import { AGENCY_KINDS } from '../../contracts/agencies.js';

export { AGENCY_KINDS };
export const URGENCIES = ['urgent', 'field', 'normal'] as const;
export const DEADLINE_UNITS = ['working_day', 'calendar_day', 'hour'] as const;
export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory', 'swapped_off', 'makeup_workday'] as const;

export type { AgencyKind } from '../../contracts/agencies.js';
export type Urgency = (typeof URGENCIES)[number];
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const brandSchema = z.object({
  appName: z.string().min(1),
  appNameEn: z.string().min(1).optional(),
  hotlineName: z.string().min(1),
  hotlineNameEn: z.string().min(1).optional(),
  hotline: z.string().min(1),
  hotlineShort: z.string().min(1),
  mailbox: z.email(),
  portalHost: z.string().min(1),
  contentPortalName: z.string().min(1),
  contentPortalNameEn: z.string().min(1).optional(),
  contentPortalHost: z.string().min(1),
  iocName: z.string().min(1),
  iocNameEn: z.string().min(1).optional(),
  departmentName: z.string().min(1),
  departmentNameEn: z.string().min(1).optional(),
  trackingPrefix: z.string().regex(/^[A-Z]{1,4}$/, '1–4 chữ in hoa / 1–4 capital letters'),
});

export const profileFileSchema = z.object({
  id: slug,
  province: z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    shortName: z.string().min(1),
    nameEn: z.string().min(1).optional(),
  }),
  levels: z.union([z.literal(2), z.literal(3)]),
  brand: brandSchema,
  timezone: z.string().min(1),
  map: z.object({
    center: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]),
    zoom: z.number().int().min(1).max(20),
  }),
  /** File name of the boundary GeoJSON inside the profile folder, or null when the profile has none. */
  boundaries: z.string().min(1).nullable(),
  source: z.string().optional(),
});

/** An administrative unit; field names follow the GSO-derived source files. */
export const unitSchema = z.object({
  code: z.string().regex(/^\d+$/, 'mã số / numeric code'),
  name: z.string().min(1),
  short_name: z.string().min(1),
  name_ascii: z.string().min(1),
  type: z.string().min(1),
  level: z.number().int().min(1).max(3),
  parent_code: z.string().nullable(),
});

export const agencySchema = z.object({
  code: slug,
  name: z.string().min(1),
  shortName: z.string().min(1),
  kind: z.enum(AGENCY_KINDS),
  parentCode: z.string().nullable(),
  unitCode: z.string().nullable(),
  email: z.email().optional(),
});

/**
 * An extra question a category asks (served as a GeoReport v2 service attribute): `code` is the
 * attribute code, `values` the choices of a list.
 */
export const categoryQuestionSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'chữ thường và dấu gạch dưới / snake_case'),
  label: z.string().min(1),
  labelEn: z.string().min(1),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean().default(false),
  hint: z.string().optional(),
  values: z.array(z.strictObject({ key: z.string().min(1), name: z.string().min(1) })).optional(),
});
export type CategoryQuestion = z.infer<typeof categoryQuestionSchema>;

/**
 * A feedback category. `routeTo: "unit_pc"` sends a report to the People's Committee of the report's
 * unit; `defaultAgencyCode` is the handler otherwise (or when the report has no unit).
 */
export const categorySchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'chữ thường và dấu gạch dưới / snake_case'),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    description: z.string(),
    urgency: z.enum(URGENCIES),
    duplicateRadiusM: z.number().int().min(0).max(5000),
    defaultAgencyCode: z.string().optional(),
    routeTo: z.literal('unit_pc').optional(),
    /** Extra questions (Open311 service attributes); lists need their values. */
    questions: z
      .array(categoryQuestionSchema)
      .refine((qs) => qs.every((q) => !q.datatype.endsWith('valuelist') || q.values?.length), {
        error: 'câu hỏi dạng danh sách cần values / list questions need values',
      })
      .optional(),
  })
  .refine((c) => c.defaultAgencyCode !== undefined || c.routeTo !== undefined, {
    error: 'cần defaultAgencyCode hoặc routeTo / needs defaultAgencyCode or routeTo',
  });

export const deadlinePolicySchema = z.object({
  categoryCode: z.string().optional(),
  urgency: z.enum(URGENCIES),
  amount: z.number().int().positive(),
  unit: z.enum(DEADLINE_UNITS),
});

export const deadlinePoliciesFileSchema = z.object({
  note: z.string().optional(),
  policies: z.array(deadlinePolicySchema).min(1),
});

export const holidaySchema = z.object({
  date: isoDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
});

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const polygon = z.array(ring).min(1);

export const boundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.looseObject({ code: z.string(), name: z.string().optional() }),
      geometry: z.discriminatedUnion('type', [
        z.object({ type: z.literal('Polygon'), coordinates: polygon }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
      ]),
    }),
  ),
});

export type Brand = z.infer<typeof brandSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type AgencyDef = z.infer<typeof agencySchema>;
export type CategoryDef = z.infer<typeof categorySchema>;
export type DeadlinePolicyDef = z.infer<typeof deadlinePolicySchema>;
export type HolidayDef = z.infer<typeof holidaySchema>;
/** GeoJSON FeatureCollection of (Multi)Polygons whose `properties.code` is an admin unit code. */
export type Boundaries = z.infer<typeof boundariesSchema>;
type ProfileFile = z.infer<typeof profileFileSchema>;

export interface Profile {
  id: string;
  province: ProfileFile['province'];
  levels: 2 | 3;
  brand: Brand;
  timezone: string;
  map: ProfileFile['map'];
  boundaries: Boundaries | null;
  units: Unit[];
  agencies: AgencyDef[];
  categories: CategoryDef[];
  deadlinePolicies: DeadlinePolicyDef[];
  holidays: HolidayDef[];
}

export class ProfileError extends Error {
  constructor(
    public readonly profile: string,
    public readonly problems: string[],
  ) {
    super(
      `Hồ sơ tỉnh "${profile}" không hợp lệ / Invalid province profile "${profile}":\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ProfileError';
  }
}

const viErrors = vi().localeError;
const enErrors = en().localeError;
// Each zod message in Vietnamese then English, like the rest of the platform's messages.
const bilingual: z.core.$ZodErrorMap = (issue) => {
  const text = (map: z.core.$ZodErrorMap) => {
    const r = map(issue);
    return typeof r === 'string' ? r : (r?.message ?? '');
  };
  return `${text(viErrors)} / ${text(enErrors)}`;
};

/** Loads, validates and cross-checks the province profile in `dir/name`; throws ProfileError naming every problem. */
export function loadProfile(name: string, dir: string = PROFILES_DIR): Profile {
  const folder = path.join(dir, name);
  const problems: string[] = [];

  function read<T>(file: string, schema: z.ZodType<T>): T | undefined {
    const full = path.join(folder, file);
    if (!existsSync(full)) {
      problems.push(`${file}: thiếu tệp / file missing`);
      return undefined;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(full, 'utf8'));
    } catch (err) {
      problems.push(`${file}: JSON không hợp lệ / invalid JSON (${(err as Error).message})`);
      return undefined;
    }
    const parsed = schema.safeParse(raw, { error: bilingual });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // Custom messages (refine, regex) are already bilingual; others come from the error map.
        problems.push(`${file}: ${issue.path.join('.') || '(gốc / root)'}: ${issue.message}`);
      }
      return undefined;
    }
    return parsed.data;
  }

  const file = read('profile.json', profileFileSchema);
  const units = read('units.json', z.array(unitSchema)) ?? [];
  const agencies = read('agencies.json', z.array(agencySchema)) ?? [];
  const categories = read('categories.json', z.array(categorySchema)) ?? [];
  const deadlines = read('deadline-policies.json', deadlinePoliciesFileSchema);
  const holidays = read('holidays.json', z.array(holidaySchema)) ?? [];
  const boundaries = file?.boundaries ? (read(file.boundaries, boundariesSchema) ?? null) : null;
  const deadlinePolicies = deadlines?.policies ?? [];

  if (file) {
    if (file.id !== name) {
      problems.push(
        `profile.json: id "${file.id}" khác tên thư mục "${name}" / id "${file.id}" differs from folder name "${name}"`,
      );
    }
    problems.push(
      ...checkIntegrity(file, units, agencies, categories, deadlinePolicies, holidays, boundaries),
    );
  }
  if (problems.length > 0 || !file) throw new ProfileError(name, problems);

  return {
    id: file.id,
    province: file.province,
    levels: file.levels,
    brand: file.brand,
    timezone: file.timezone,
    map: file.map,
    boundaries,
    units,
    agencies,
    categories,
    deadlinePolicies,
    holidays,
  };
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function checkIntegrity(
  file: ProfileFile,
  units: Unit[],
  agencies: AgencyDef[],
  categories: CategoryDef[],
  policies: DeadlinePolicyDef[],
  holidays: HolidayDef[],
  boundaries: Boundaries | null,
): string[] {
  const problems: string[] = [];
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const agencyCodes = new Set(agencies.map((a) => a.code));
  const categoryCodes = new Set(categories.map((c) => c.code));

  for (const code of duplicates(units.map((u) => u.code))) {
    problems.push(`units.json: mã đơn vị "${code}" bị trùng / duplicate unit code "${code}"`);
  }
  const roots = units.filter((u) => u.parent_code === null);
  if (roots.length !== 1 || roots[0]?.code !== file.province.code || roots[0]?.level !== 1) {
    problems.push(
      `units.json: cần đúng một đơn vị gốc cấp 1 có mã "${file.province.code}" / needs exactly one level-1 root with code "${file.province.code}"`,
    );
  }
  for (const u of units) {
    if (u.level > file.levels) {
      problems.push(
        `units.json: đơn vị "${u.code}" cấp ${u.level} vượt quá ${file.levels} cấp / unit "${u.code}" level ${u.level} exceeds ${file.levels} levels`,
      );
    }
    if (u.parent_code === null) continue;
    const parent = unitByCode.get(u.parent_code);
    if (!parent) {
      problems.push(
        `units.json: đơn vị "${u.code}" có đơn vị cha "${u.parent_code}" không tồn tại / unit "${u.code}" has unknown parent "${u.parent_code}"`,
      );
    } else if (parent.level !== u.level - 1) {
      problems.push(
        `units.json: đơn vị "${u.code}" (cấp ${u.level}) không nằm ngay dưới "${parent.code}" (cấp ${parent.level}) / unit "${u.code}" is not directly below its parent`,
      );
    }
  }

  for (const code of duplicates(agencies.map((a) => a.code))) {
    problems.push(`agencies.json: mã cơ quan "${code}" bị trùng / duplicate agency code "${code}"`);
  }
  const agencyByCode = new Map(agencies.map((a) => [a.code, a]));
  for (const a of agencies) {
    if (a.parentCode !== null && !agencyCodes.has(a.parentCode)) {
      problems.push(
        `agencies.json: cơ quan "${a.code}" có cơ quan cấp trên "${a.parentCode}" không tồn tại / agency "${a.code}" has unknown parent "${a.parentCode}"`,
      );
    }
    if (a.unitCode !== null && !unitByCode.has(a.unitCode)) {
      problems.push(
        `agencies.json: cơ quan "${a.code}" gắn với đơn vị hành chính "${a.unitCode}" không tồn tại / agency "${a.code}" has unknown unit "${a.unitCode}"`,
      );
    }
    // Walk up the hierarchy: a cycle would make seeding (parents first) impossible.
    let cursor = a.parentCode;
    for (let steps = 0; cursor !== null; steps++) {
      if (cursor === a.code || steps > agencies.length) {
        problems.push(
          `agencies.json: vòng lặp cơ quan cấp trên ở "${a.code}" / parent cycle at agency "${a.code}"`,
        );
        break;
      }
      cursor = agencyByCode.get(cursor)?.parentCode ?? null;
    }
  }
  for (const kind of ['district_pc', 'commune_pc'] as const) {
    for (const a of agencies.filter((x) => x.kind === kind && x.unitCode === null)) {
      problems.push(
        `agencies.json: UBND "${a.code}" thiếu unitCode / People's Committee "${a.code}" has no unitCode`,
      );
    }
  }

  for (const code of duplicates(categories.map((c) => c.code))) {
    problems.push(`categories.json: mã lĩnh vực "${code}" bị trùng / duplicate category code "${code}"`);
  }
  for (const c of categories) {
    if (c.defaultAgencyCode !== undefined && !agencyCodes.has(c.defaultAgencyCode)) {
      problems.push(
        `categories.json: lĩnh vực "${c.code}" giao cho cơ quan "${c.defaultAgencyCode}" không tồn tại / category "${c.code}" names unknown agency "${c.defaultAgencyCode}"`,
      );
    }
  }

  for (const p of policies) {
    if (p.categoryCode !== undefined && !categoryCodes.has(p.categoryCode)) {
      problems.push(
        `deadline-policies.json: lĩnh vực "${p.categoryCode}" không tồn tại / unknown category "${p.categoryCode}"`,
      );
    }
  }
  for (const key of duplicates(policies.map((p) => `${p.categoryCode ?? '*'}/${p.urgency}`))) {
    problems.push(`deadline-policies.json: thời hạn "${key}" bị trùng / duplicate policy "${key}"`);
  }
  for (const urgency of URGENCIES) {
    if (!policies.some((p) => p.urgency === urgency && p.categoryCode === undefined)) {
      problems.push(
        `deadline-policies.json: thiếu thời hạn mặc định cho mức "${urgency}" / no default policy for urgency "${urgency}"`,
      );
    }
  }

  for (const date of duplicates(holidays.map((h) => h.date))) {
    problems.push(`holidays.json: ngày "${date}" bị trùng / duplicate date "${date}"`);
  }
  for (const h of holidays) {
    const day = new Date(`${h.date}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== h.date) {
      problems.push(`holidays.json: ngày "${h.date}" không có thật / "${h.date}" is not a real date`);
    } else if (h.kind === 'makeup_workday' && day.getUTCDay() !== 6 && day.getUTCDay() !== 0) {
      problems.push(
        `holidays.json: ngày làm bù "${h.date}" phải là thứ Bảy hoặc Chủ nhật / make-up workday "${h.date}" must fall on a weekend`,
      );
    }
  }

  if (boundaries) {
    for (const f of boundaries.features) {
      if (!unitByCode.has(f.properties.code)) {
        problems.push(
          `${file.boundaries}: ranh giới có mã "${f.properties.code}" không có trong units.json / boundary code "${f.properties.code}" is not a unit`,
        );
      }
    }
  }
  return problems;
}

type Ring = number[][];

/** Even-odd ray casting: does the horizontal ray from (x, y) cross the ring an odd number of times? */
function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring (first) and outside every hole (the others). */
function inPolygon(x: number, y: number, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(x, y, outer) && !holes.some((hole) => inRing(x, y, hole));
}

/** Code of the boundary unit (district in Long An) containing the WGS84 point, or null outside or without boundaries. */
export function findUnitAt(profile: Pick<Profile, 'boundaries'>, lon: number, lat: number): string | null {
  if (!profile.boundaries || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  for (const feature of profile.boundaries.features) {
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (polygons.some((rings) => inPolygon(lon, lat, rings))) return feature.properties.code;
  }
  return null;
}
