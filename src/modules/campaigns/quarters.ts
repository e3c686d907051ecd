/**
 * Quarter and due-date rules, pure and in the province's time (Asia/Ho_Chi_Minh, UTC+7, no DST).
 * A quarter's report is due on the plan's due day of the quarter's last month; it is late when first
 * submitted after that day; the quarter closes to reports some days later.
 */

export interface QuarterRef {
  year: number;
  quarter: number;
}

export interface DueRules {
  dueDay: number;
  remindDaysBefore: number;
  closeAfterDays: number;
}

const VN_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar date (YYYY-MM-DD) in Vietnam for an instant. */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function quarterOf(isoDate: string): QuarterRef {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

export function quarterKey(q: QuarterRef): string {
  return `${q.year}-Q${q.quarter}`;
}

export function parseQuarterKey(key: string): QuarterRef | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterStart(q: QuarterRef): string {
  return `${q.year}-${pad((q.quarter - 1) * 3 + 1)}-01`;
}

export function quarterEnd(q: QuarterRef): string {
  const lastMonth = q.quarter * 3;
  const days = new Date(Date.UTC(q.year, lastMonth, 0)).getUTCDate();
  return `${q.year}-${pad(lastMonth)}-${pad(days)}`;
}

/** The due date: the plan's due day of the quarter's last month. */
export function dueDate(q: QuarterRef, rules: Pick<DueRules, 'dueDay'>): string {
  return `${q.year}-${pad(q.quarter * 3)}-${pad(rules.dueDay)}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function previousQuarter(q: QuarterRef): QuarterRef {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

/** Quarters overlapping [from, to], oldest first. */
export function quartersBetween(from: string, to: string): QuarterRef[] {
  const out: QuarterRef[] = [];
  let q = quarterOf(from);
  const last = quarterOf(to);
  while (q.year < last.year || (q.year === last.year && q.quarter <= last.quarter)) {
    out.push(q);
    q = q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
  }
  return out;
}

export type QuarterPhase = 'not_started' | 'open' | 'due_soon' | 'overdue' | 'closed';

/**
 * Where today stands for a quarter: before it starts nobody reports; from its start reports are open;
 * within `remindDaysBefore` of the due date it is due soon; after the due date overdue (still accepted,
 * marked late); after `closeAfterDays` more the quarter is closed.
 */
export function quarterPhase(q: QuarterRef, rules: DueRules, today: string): QuarterPhase {
  const due = dueDate(q, rules);
  if (today < quarterStart(q)) return 'not_started';
  if (today > addDays(due, rules.closeAfterDays)) return 'closed';
  if (today > due) return 'overdue';
  if (today >= addDays(due, -rules.remindDaysBefore)) return 'due_soon';
  return 'open';
}

/** A report submitted (first) on `submittedDay` is late when that day is after the due date. */
export function isLate(q: QuarterRef, rules: Pick<DueRules, 'dueDay'>, submittedDay: string): boolean {
  return submittedDay > dueDate(q, rules);
}

/** "Quý II/2022" */
export function quarterLabel(q: QuarterRef, lang: 'vi' | 'en' = 'vi'): string {
  const roman = ['I', 'II', 'III', 'IV'][q.quarter - 1];
  return lang === 'vi' ? `Quý ${roman}/${q.year}` : `Q${q.quarter} ${q.year}`;
}

/** dd/mm/yyyy as written in Vietnamese documents. */
export function viDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}
