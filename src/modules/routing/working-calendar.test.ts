import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../platform/profile/profile.js';
import { WorkingCalendar } from './working-calendar.js';

// The real 2025–2026 civil-service calendar from the default profile (see docs/holidays.md).
const calendar = new WorkingCalendar(loadProfile('long-an-2022').holidays);

/** A Vietnam local time (UTC+7) as a UTC Date. */
const vn = (local: string) => new Date(`${local}+07:00`);
const workingDays = (amount: number) => ({ amount, unit: 'working_day' as const });

describe('WorkingCalendar.isWorkingDay', () => {
  it.each([
    ['2026-01-01', false, 'Tết Dương lịch'],
    ['2026-01-02', false, 'Fri swapped off'],
    ['2026-01-10', true, 'make-up Saturday'],
    ['2026-01-17', false, 'ordinary Saturday'],
    ['2026-02-16', false, 'Tết Bính Ngọ, 29 Chạp'],
    ['2026-02-23', true, 'first day back after Tết'],
    ['2026-04-27', false, 'Giỗ Tổ compensatory Monday'],
    ['2026-04-28', true, 'ordinary Tuesday'],
    ['2026-08-22', true, 'make-up Saturday for 31/8'],
    ['2026-08-31', false, 'Mon swapped off'],
    ['2025-05-02', false, 'Fri swapped off in 2025'],
    ['2025-04-26', true, 'make-up Saturday in 2025'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('rejects a malformed date', () => {
    expect(() => calendar.isWorkingDay('13/02/2026')).toThrow(/Ngày không hợp lệ.*invalid date/);
  });
});

describe('WorkingCalendar.deadlineFor, working days', () => {
  it('counts a Friday-before-Tết report past the whole 14/2–22/2 block', () => {
    // Received Fri 13/2 10:00; 14–15 weekend, 16–20 holidays, 21–22 weekend; days 1–3 are 23, 24, 25/2.
    expect(calendar.deadlineFor(vn('2026-02-13T10:00'), workingDays(3))).toEqual(vn('2026-02-25T17:00'));
  });

  it('counts the make-up Saturday 10/1/2026', () => {
    expect(calendar.deadlineFor(vn('2026-01-09T10:00'), workingDays(1))).toEqual(vn('2026-01-10T17:00'));
    // A report on the make-up Saturday itself is received that day.
    expect(calendar.deadlineFor(vn('2026-01-10T09:00'), workingDays(1))).toEqual(vn('2026-01-12T17:00'));
  });

  it('skips the Giỗ Tổ compensatory Monday 27/4/2026 and the 30/4–1/5 block', () => {
    expect(calendar.deadlineFor(vn('2026-04-24T10:00'), workingDays(1))).toEqual(vn('2026-04-28T17:00'));
    // 28, 29/4 then 30/4, 1/5 off, 2–3/5 weekend: day 3 is Mon 4/5.
    expect(calendar.deadlineFor(vn('2026-04-24T10:00'), workingDays(3))).toEqual(vn('2026-05-04T17:00'));
  });

  it('counts an after-hours report from the next working day', () => {
    expect(calendar.deadlineFor(vn('2026-03-03T16:59'), workingDays(1))).toEqual(vn('2026-03-04T17:00'));
    expect(calendar.deadlineFor(vn('2026-03-03T17:30'), workingDays(1))).toEqual(vn('2026-03-05T17:00'));
    // 23:30 local is 16:30 UTC the same day: still Tuesday in Vietnam, after hours.
    expect(calendar.deadlineFor(new Date('2026-03-03T16:30:00Z'), workingDays(1))).toEqual(
      vn('2026-03-05T17:00'),
    );
    // Before opening time it is still received that day.
    expect(calendar.deadlineFor(vn('2026-03-03T06:00'), workingDays(1))).toEqual(vn('2026-03-04T17:00'));
  });

  it('counts a report on a day off from the next working day', () => {
    expect(calendar.deadlineFor(vn('2026-02-14T09:00'), workingDays(1))).toEqual(vn('2026-02-24T17:00'));
    // New Year's Eve 2025 after hours: 1/1 holiday, 2/1 swapped, 3–4/1 weekend, so received Mon 5/1.
    expect(calendar.deadlineFor(vn('2025-12-31T18:00'), workingDays(1))).toEqual(vn('2026-01-06T17:00'));
  });

  it('uses the configured closing time', () => {
    const early = new WorkingCalendar([], { workStart: '07:00', workEnd: '16:30' });
    expect(early.deadlineFor(vn('2026-03-03T16:45'), workingDays(1))).toEqual(vn('2026-03-05T16:30'));
    expect(() => new WorkingCalendar([], { workStart: '17:00', workEnd: '07:30' })).toThrow(/opening time/);
  });
});

describe('WorkingCalendar.deadlineFor, calendar days and hours', () => {
  const calendarDays = (amount: number) => ({ amount, unit: 'calendar_day' as const });

  it('ends on the last day when it is a working day', () => {
    expect(calendar.deadlineFor(vn('2026-03-02T10:00'), calendarDays(4))).toEqual(vn('2026-03-06T17:00'));
  });

  it('moves a last day on a weekend to the next working day (Civil Code Art. 148)', () => {
    expect(calendar.deadlineFor(vn('2026-03-02T10:00'), calendarDays(5))).toEqual(vn('2026-03-09T17:00'));
  });

  it('moves a last day inside Tết past the whole block', () => {
    expect(calendar.deadlineFor(vn('2026-02-06T10:00'), calendarDays(10))).toEqual(vn('2026-02-23T17:00'));
  });

  it('treats hours as plain elapsed hours, even on a holiday', () => {
    const at = vn('2026-02-17T10:00');
    expect(calendar.deadlineFor(at, { amount: 1, unit: 'hour' })).toEqual(vn('2026-02-17T11:00'));
  });

  it('refuses a non-positive amount', () => {
    expect(() => calendar.deadlineFor(vn('2026-03-02T10:00'), workingDays(0))).toThrow(/positive integer/);
  });
});

describe('WorkingCalendar.addWorkingDays and workingDaysBetween', () => {
  it('gives the close of the receipt day for n = 0', () => {
    expect(calendar.addWorkingDays(vn('2026-03-03T10:00'), 0)).toEqual(vn('2026-03-03T17:00'));
  });

  it('counts lateness in working days', () => {
    const deadline = vn('2026-02-13T17:00');
    expect(calendar.workingDaysBetween(deadline, vn('2026-02-24T09:00'))).toBe(2);
    expect(calendar.workingDaysBetween(deadline, vn('2026-02-13T18:00'))).toBe(0);
    expect(calendar.workingDaysBetween(vn('2026-02-24T09:00'), deadline)).toBe(-2);
  });

  it('knows office hours', () => {
    expect(calendar.isWithinWorkingHours(vn('2026-03-03T07:30'))).toBe(true);
    expect(calendar.isWithinWorkingHours(vn('2026-03-03T07:29'))).toBe(false);
    expect(calendar.isWithinWorkingHours(vn('2026-03-03T17:00'))).toBe(false);
    expect(calendar.isWithinWorkingHours(vn('2026-01-10T09:00'))).toBe(true);
  });
});
