// Working-day arithmetic for handling deadlines, on the civil-service calendar: Mon–Fri, minus
// holidays, compensatory and swapped days off, plus make-up Saturdays. Pure: no clock, no database.
// Vietnam has had no daylight saving since 1975, so a fixed UTC offset is exact.

export type CalendarDayKind = 'holiday' | 'compensatory' | 'swapped_off' | 'makeup_workday';
export type DeadlineUnit = 'working_day' | 'calendar_day' | 'hour';

export interface CalendarDayRow {
  date: string;
  kind: CalendarDayKind;
  name?: string | null;
}

export interface WorkingCalendarOptions {
  /** Minutes east of UTC; Vietnam is UTC+7. */
  utcOffsetMinutes?: number;
  /** Opening time, local "HH:MM" (07:30). */
  workStart?: string;
  /** Closing time, local "HH:MM" (17:00); a report received at or after it counts from the next working day. */
  workEnd?: string;
}

export interface DeadlinePolicy {
  amount: number;
  unit: DeadlineUnit;
}

const DAY_MS = 86_400_000;
const OFF_KINDS: ReadonlySet<CalendarDayKind> = new Set(['holiday', 'compensatory', 'swapped_off']);

function parseClock(value: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (!m || hours > 23 || minutes > 59) {
    throw new Error(`Giờ không hợp lệ "${value}" (cần HH:MM) / invalid time "${value}" (expected HH:MM)`);
  }
  return hours * 60 + minutes;
}

function assertDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new Error(
      `Ngày không hợp lệ "${date}" (cần YYYY-MM-DD) / invalid date "${date}" (expected YYYY-MM-DD)`,
    );
  }
}

/** Adds whole days to a 'YYYY-MM-DD' date. */
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export class WorkingCalendar {
  private readonly days: ReadonlyMap<string, CalendarDayKind>;
  private readonly offsetMs: number;
  private readonly startMin: number;
  private readonly endMin: number;

  constructor(rows: readonly CalendarDayRow[], options: WorkingCalendarOptions = {}) {
    this.days = new Map(rows.map((r) => [r.date, r.kind]));
    this.offsetMs = (options.utcOffsetMinutes ?? 7 * 60) * 60_000;
    this.startMin = parseClock(options.workStart ?? '07:30');
    this.endMin = parseClock(options.workEnd ?? '17:00');
    if (this.startMin >= this.endMin) {
      throw new Error('Giờ mở cửa phải trước giờ đóng cửa / opening time must precede closing time');
    }
  }

  /** Whether a local date 'YYYY-MM-DD' is a working day. */
  isWorkingDay(date: string): boolean {
    assertDate(date);
    const kind = this.days.get(date);
    if (kind === 'makeup_workday') return true;
    if (kind && OFF_KINDS.has(kind)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The local (Vietnam) calendar date of an instant, as 'YYYY-MM-DD'. */
  localDate(instant: Date): string {
    return new Date(instant.getTime() + this.offsetMs).toISOString().slice(0, 10);
  }

  /** The first working day strictly after a local date. */
  nextWorkingDay(date: string): string {
    let d = shiftDate(date, 1);
    // 60 days covers any real block of days off (Tết is 9); more means a broken calendar.
    for (let guard = 0; !this.isWorkingDay(d); guard++) {
      if (guard > 60)
        throw new Error(`Không tìm thấy ngày làm việc sau ${date} / no working day after ${date}`);
      d = shiftDate(d, 1);
    }
    return d;
  }

  /** The instant a local working day closes (17:00 local by default), as a UTC Date. */
  endOfWorkingDay(date: string): Date {
    assertDate(date);
    return new Date(Date.parse(`${date}T00:00:00Z`) + this.endMin * 60_000 - this.offsetMs);
  }

  /** Whether an instant falls inside office hours (07:30–17:00 local by default) of a working day. */
  isWithinWorkingHours(instant: Date): boolean {
    const minute = this.localMinute(instant);
    return this.isWorkingDay(this.localDate(instant)) && minute >= this.startMin && minute < this.endMin;
  }

  private localMinute(instant: Date): number {
    return Math.floor(((((instant.getTime() + this.offsetMs) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  }

  /**
   * The working day a report is deemed received on: its own local date when that is a working day and
   * it arrived before closing time, otherwise the next working day.
   */
  receiptDay(received: Date): string {
    const date = this.localDate(received);
    return this.isWorkingDay(date) && this.localMinute(received) < this.endMin
      ? date
      : this.nextWorkingDay(date);
  }

  /**
   * End of the n-th working day after the day the report is deemed received (the receipt day itself is
   * not counted, Civil Code Art. 147). `n = 0` gives the close of the receipt day.
   */
  addWorkingDays(start: Date, n: number, opts: { countFrom?: 'receipt' | 'date' } = {}): Date {
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(
        `Số ngày phải là số nguyên không âm: ${n} / day count must be a non-negative integer: ${n}`,
      );
    }
    // countFrom 'date' skips the after-hours rule: count from the local date as given.
    let day = opts.countFrom === 'date' ? this.localDate(start) : this.receiptDay(start);
    for (let i = 0; i < n; i++) day = this.nextWorkingDay(day);
    return this.endOfWorkingDay(day);
  }

  /** The handling deadline of a report received at `received` under a policy (working days, calendar days or hours). */
  deadlineFor(received: Date, policy: DeadlinePolicy): Date {
    if (!Number.isInteger(policy.amount) || policy.amount <= 0) {
      throw new Error(
        `Thời hạn phải là số nguyên dương: ${policy.amount} / amount must be a positive integer`,
      );
    }
    switch (policy.unit) {
      case 'working_day':
        return this.addWorkingDays(received, policy.amount);
      case 'calendar_day': {
        // Art. 147: counting starts the day after receipt; Art. 148: a last day that is a day off
        // moves to the next working day. The period ends when that day's office hours end.
        const last = shiftDate(this.localDate(received), policy.amount);
        return this.endOfWorkingDay(this.isWorkingDay(last) ? last : this.nextWorkingDay(last));
      }
      case 'hour':
        return new Date(received.getTime() + policy.amount * 3_600_000);
    }
  }

  /**
   * Working days d with localDate(a) < d ≤ localDate(b); negative when b is before a. Used for lateness:
   * `workingDaysBetween(deadline, resolvedAt)` is how many working days a report was late.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const from = this.localDate(a);
    const to = this.localDate(b);
    if (from === to) return 0;
    if (from > to) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let d = shiftDate(from, 1); d <= to; d = shiftDate(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }
}
