/**
 * Pure rules of the campaigns module: which agencies a task's group means, and the quarter's aggregate
 * (who reported, totals per measure / district / agency kind, progress against targets).
 */

export const ASSIGNEE_GROUPS = [
  'all_recipients',
  'departments',
  'district_pcs',
  'sociopolitical',
  'press',
  'service_centres',
  'agency',
] as const;
export type AssigneeGroup = (typeof ASSIGNEE_GROUPS)[number];

/** Agency kinds each group covers (the letter's "Kính gửi" list). */
export const GROUP_KINDS: Record<Exclude<AssigneeGroup, 'agency'>, readonly string[]> = {
  all_recipients: ['department', 'centre', 'district_pc', 'sociopolitical', 'press'],
  departments: ['department'],
  district_pcs: ['district_pc'],
  sociopolitical: ['sociopolitical'],
  press: ['press'],
  service_centres: ['centre'],
};

export interface AgencyLike {
  id: string;
  kind: string;
  name: string;
  unitCode: string | null;
}

export interface TaskAssignment {
  assigneeGroup: string;
  assigneeAgencyId: string | null;
}

/** The agencies a task is assigned to. */
export function resolveAssignees<A extends AgencyLike>(task: TaskAssignment, agencies: A[]): A[] {
  if (task.assigneeGroup === 'agency') return agencies.filter((a) => a.id === task.assigneeAgencyId);
  const kinds = GROUP_KINDS[task.assigneeGroup as Exclude<AssigneeGroup, 'agency'>] ?? [];
  return agencies.filter((a) => kinds.includes(a.kind));
}

/** Does a task apply to this agency? */
export function taskApplies(task: TaskAssignment, agency: AgencyLike): boolean {
  return resolveAssignees(task, [agency]).length === 1;
}

/** Every agency that must report on a plan: assigned at least one task. */
export function reportingAgencies<A extends AgencyLike>(tasks: TaskAssignment[], agencies: A[]): A[] {
  return agencies.filter((a) => tasks.some((t) => taskApplies(t, a)));
}

export interface MeasureLike {
  id: string;
  code: string;
  name: string;
  unit: string;
  aggregation: string;
  minimum: number | null;
  communitySource: string | null;
}

export interface ReportLike {
  agencyId: string;
  status: string;
  late: boolean;
  submittedAt: Date | null;
  /** measure code → value */
  figures: Record<string, number>;
}

export interface CommunitySums {
  /** district unit code → { households_guided, people_guided, installs_helped } */
  byDistrict: Map<string, Record<string, number>>;
}

export interface TargetLike {
  measureCode: string;
  unitCode: string;
  unitName: string;
  targetPercent: number;
  baseValue: number;
  baseLabel: string;
  dueOn: string;
}

export type ReportState =
  'accepted' | 'submitted' | 'correction_requested' | 'draft' | 'not_started' | 'missing';

export interface AgencyStatusRow {
  agencyId: string;
  agencyName: string;
  kind: string;
  state: ReportState;
  late: boolean;
  submittedAt: Date | null;
}

/** Reports whose figures count in totals: submitted (awaiting review) and accepted. */
export const COUNTED_STATUSES = ['submitted', 'accepted'];

export function agencyStatuses(
  expected: AgencyLike[],
  reports: ReportLike[],
  overdue: boolean,
): AgencyStatusRow[] {
  const byAgency = new Map(reports.map((r) => [r.agencyId, r]));
  return expected
    .map((a) => {
      const r = byAgency.get(a.id);
      const state: ReportState = r ? (r.status as ReportState) : overdue ? 'missing' : 'not_started';
      const pending = !r || r.status === 'draft';
      return {
        agencyId: a.id,
        agencyName: a.name,
        kind: a.kind,
        state: pending && overdue ? 'missing' : state,
        late: r ? r.late || (pending && overdue) : overdue,
        submittedAt: r?.submittedAt ?? null,
      };
    })
    .sort((x, y) => x.agencyName.localeCompare(y.agencyName, 'vi'));
}

function combine(values: number[], aggregation: string): number {
  if (values.length === 0) return 0;
  const sum = values.reduce((s, v) => s + v, 0);
  return aggregation === 'average' ? Math.round((sum / values.length) * 100) / 100 : sum;
}

export interface MeasureTotal {
  code: string;
  name: string;
  unit: string;
  aggregation: string;
  minimum: number | null;
  /** From agencies' reports. */
  reported: number;
  /** From community digital teams' records. */
  community: number;
  total: number;
  /** Agencies reporting a value under the minimum. */
  belowMinimum: string[];
}

/** Totals per measure over counted reports, plus community teams' records for community-sourced measures. */
export function measureTotals(
  measures: MeasureLike[],
  reports: ReportLike[],
  community: CommunitySums,
  agencyNames: Map<string, string>,
): MeasureTotal[] {
  const counted = reports.filter((r) => COUNTED_STATUSES.includes(r.status));
  return measures.map((m) => {
    const values = counted.filter((r) => m.code in r.figures).map((r) => r.figures[m.code]!);
    const reported = combine(values, m.aggregation);
    let fromTeams = 0;
    if (m.communitySource) {
      for (const sums of community.byDistrict.values()) fromTeams += sums[m.communitySource] ?? 0;
    }
    const belowMinimum =
      m.minimum === null
        ? []
        : counted
            .filter((r) => m.code in r.figures && r.figures[m.code]! < m.minimum!)
            .map((r) => agencyNames.get(r.agencyId) ?? r.agencyId);
    return {
      code: m.code,
      name: m.name,
      unit: m.unit,
      aggregation: m.aggregation,
      minimum: m.minimum,
      reported,
      community: fromTeams,
      total: m.aggregation === 'average' ? reported : reported + fromTeams,
      belowMinimum,
    };
  });
}

/** Per district: each measure's figure from the district People's Committee plus its communes' teams. */
export function districtTotals(
  districts: { code: string; name: string }[],
  measures: MeasureLike[],
  reports: ReportLike[],
  agencies: AgencyLike[],
  community: CommunitySums,
): { unitCode: string; unitName: string; values: Record<string, number> }[] {
  const counted = reports.filter((r) => COUNTED_STATUSES.includes(r.status));
  const districtOfAgency = new Map(
    agencies.filter((a) => a.kind === 'district_pc' && a.unitCode).map((a) => [a.id, a.unitCode!]),
  );
  return districts.map((d) => {
    const values: Record<string, number> = {};
    const mine = counted.filter((r) => districtOfAgency.get(r.agencyId) === d.code);
    for (const m of measures) {
      const reported = combine(
        mine.filter((r) => m.code in r.figures).map((r) => r.figures[m.code]!),
        m.aggregation,
      );
      const teams = m.communitySource ? (community.byDistrict.get(d.code)?.[m.communitySource] ?? 0) : 0;
      values[m.code] = m.aggregation === 'average' ? reported : reported + teams;
    }
    return { unitCode: d.code, unitName: d.name, values };
  });
}

/** Per agency kind (departments, districts, organisations, press): summed figures. */
export function kindTotals(
  measures: MeasureLike[],
  reports: ReportLike[],
  agencies: AgencyLike[],
): Record<string, Record<string, number>> {
  const kindOf = new Map(agencies.map((a) => [a.id, a.kind]));
  const out: Record<string, Record<string, number>> = {};
  for (const r of reports.filter((x) => COUNTED_STATUSES.includes(x.status))) {
    const kind = kindOf.get(r.agencyId) ?? 'other';
    const row = (out[kind] ??= {});
    for (const m of measures) {
      if (m.aggregation === 'sum' && m.code in r.figures)
        row[m.code] = (row[m.code] ?? 0) + r.figures[m.code]!;
    }
  }
  return out;
}

export interface TargetProgress {
  measureCode: string;
  unitCode: string;
  unitName: string;
  baseLabel: string;
  baseValue: number;
  targetPercent: number;
  dueOn: string;
  /** Cumulative actual up to the end of the quarter. */
  actual: number;
  /** actual ÷ base, in percent, one decimal. */
  percent: number;
  /** percent ÷ targetPercent, capped at 100, for progress bars. */
  progress: number;
  met: boolean;
}

/** Progress of each target from the cumulative actual per unit (installs ÷ smartphone users). */
export function targetProgress(targets: TargetLike[], cumulative: Map<string, number>): TargetProgress[] {
  return targets.map((t) => {
    const actual = cumulative.get(`${t.measureCode}:${t.unitCode}`) ?? 0;
    const percent = Math.round((actual / t.baseValue) * 1000) / 10;
    return {
      measureCode: t.measureCode,
      unitCode: t.unitCode,
      unitName: t.unitName,
      baseLabel: t.baseLabel,
      baseValue: t.baseValue,
      targetPercent: t.targetPercent,
      dueOn: t.dueOn,
      actual,
      percent,
      progress: Math.min(100, Math.round((percent / t.targetPercent) * 1000) / 10),
      met: percent >= t.targetPercent,
    };
  });
}
