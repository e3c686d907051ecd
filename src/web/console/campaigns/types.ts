/** Shapes of the campaigns API answers the console reads. */
export interface PlanSummary {
  id: string;
  number: string;
  title: string;
  currentQuarter: string;
}

export interface PlanMeasure {
  code: string;
  name: string;
  unit: string;
  minimum: number | null;
  aggregation?: 'sum' | 'average';
  communitySource?: string | null;
}

export interface PlanTarget {
  measureCode: string;
  unitCode: string;
  targetPercent: number;
  baseValue: number;
  baseLabel: string;
  dueOn: string;
}

export interface PlanDetail extends PlanSummary {
  issuingBody: string;
  issuedOn: string | null;
  startsOn: string;
  endsOn: string;
  status: 'draft' | 'active' | 'closed';
  dueDay: number;
  remindDaysBefore: number;
  closeAfterDays: number;
  version: number;
  quarters: { year: number; quarter: number; key: string; label: string }[];
  tasks: {
    id: string;
    title: string;
    description: string;
    assigneeGroup: string;
    assigneeLabel: string;
    assignees: { id: string; name: string }[];
    materials: { title: string; url: string }[];
    measures: PlanMeasure[];
  }[];
  targets: PlanTarget[];
}

export interface AdoptionRow {
  unitCode: string;
  unitName: string;
  smartphoneUsers: number | null;
  appInstalls: number;
  appActive30: number;
  storeInstalls: number;
  storeActive: number;
  percent: number | null;
}

export interface ReportForm {
  id: string | null;
  agencyId: string;
  agencyName: string;
  quarterLabel: string;
  status: string;
  statusLabel: string;
  version: number;
  narrative: string;
  dueOn: string;
  late: boolean;
  reviewComment: string | null;
  tasks: {
    id: string;
    title: string;
    description: string;
    materials: { title: string; url: string }[];
    measures: { code: string; name: string; unit: string; minimum: number | null; value: number | null }[];
  }[];
  events: { action: string; toStatus: string; actorLabel: string; comment: string | null; at: string }[];
  files: { id: string; fileName: string; mime: string; size: number }[];
  availableActions: ('save' | 'submit' | 'accept' | 'request_correction')[];
}

export interface QuarterList {
  quarterLabel: string;
  dueOn: string;
  items: {
    reportId: string | null;
    agencyId: string;
    agencyName: string;
    status: string;
    statusLabel: string;
    late: boolean;
    submittedAt: string | null;
  }[];
}

export interface Summary {
  quarterLabel: string;
  dueOn: string;
  counts: Record<
    'expected' | 'accepted' | 'submitted' | 'correction' | 'late' | 'missing' | 'pending',
    number
  >;
  measures: {
    code: string;
    name: string;
    unit: string;
    reported: number;
    community: number;
    total: number;
  }[];
  districts: { unitCode: string; unitName: string; values: Record<string, number> }[];
  targets: {
    unitCode: string;
    unitName: string;
    baseValue: number;
    actual: number;
    percent: number;
    targetPercent: number;
    progress: number;
    met: boolean;
  }[];
  trend: { quarterLabel: string; values: Record<string, number> }[];
  adoption: { asOf: string; rows: AdoptionRow[] };
}

export const viDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
export const fmt = (n: number) => n.toLocaleString('vi-VN');
