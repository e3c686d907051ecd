import { describe, expect, it } from 'vitest';
import {
  agencyStatuses,
  districtTotals,
  measureTotals,
  reportingAgencies,
  resolveAssignees,
  targetProgress,
  type MeasureLike,
  type ReportLike,
} from './aggregate.js';
import {
  dueDate,
  isLate,
  previousQuarter,
  quarterEnd,
  quarterLabel,
  quarterOf,
  quarterPhase,
  quartersBetween,
  vnDate,
} from './quarters.js';

const rules = { dueDay: 15, remindDaysBefore: 7, closeAfterDays: 45 };

describe('quarters and due dates', () => {
  it('places dates in quarters in Vietnam’s time', () => {
    expect(quarterOf('2022-08-30')).toEqual({ year: 2022, quarter: 3 });
    // 31/3 at 18:00 UTC is already 1/4 in Long An.
    expect(quarterOf(vnDate(new Date('2022-03-31T18:00:00Z')))).toEqual({ year: 2022, quarter: 2 });
    expect(quarterEnd({ year: 2024, quarter: 1 })).toBe('2024-03-31');
    expect(quarterEnd({ year: 2022, quarter: 2 })).toBe('2022-06-30');
    expect(previousQuarter({ year: 2023, quarter: 1 })).toEqual({ year: 2022, quarter: 4 });
    expect(quartersBetween('2022-05-10', '2023-01-02').map((q) => quarterLabel(q))).toEqual([
      'Quý II/2022',
      'Quý III/2022',
      'Quý IV/2022',
      'Quý I/2023',
    ]);
  });

  it('is due on the plan’s day of the quarter’s last month, late after it, closed later', () => {
    const q = { year: 2022, quarter: 3 };
    expect(dueDate(q, rules)).toBe('2022-09-15');
    expect(dueDate(q, { dueDay: 5 })).toBe('2022-09-05');
    expect(quarterPhase(q, rules, '2022-06-30')).toBe('not_started');
    expect(quarterPhase(q, rules, '2022-07-01')).toBe('open');
    expect(quarterPhase(q, rules, '2022-09-07')).toBe('open');
    expect(quarterPhase(q, rules, '2022-09-08')).toBe('due_soon');
    expect(quarterPhase(q, rules, '2022-09-15')).toBe('due_soon');
    expect(quarterPhase(q, rules, '2022-09-16')).toBe('overdue');
    expect(quarterPhase(q, rules, '2022-10-30')).toBe('overdue');
    expect(quarterPhase(q, rules, '2022-10-31')).toBe('closed');
    expect(isLate(q, rules, '2022-09-15')).toBe(false);
    expect(isLate(q, rules, '2022-09-16')).toBe(true);
  });
});

const agencies = [
  { id: 'd1', kind: 'department', name: 'Sở Y tế', unitCode: null },
  { id: 'p1', kind: 'district_pc', name: 'UBND huyện Bến Lức', unitCode: '803' },
  { id: 'p2', kind: 'district_pc', name: 'UBND huyện Đức Hòa', unitCode: '802' },
  { id: 's1', kind: 'sociopolitical', name: 'Hội Nông dân', unitCode: null },
  { id: 'n1', kind: 'press', name: 'Báo Long An', unitCode: null },
  { id: 'c1', kind: 'commune_pc', name: 'UBND xã An Thạnh', unitCode: '27700' },
  { id: 'x1', kind: 'centre', name: 'TT PVHCC', unitCode: null },
];

describe('assignee groups', () => {
  it('resolves groups from agency kinds, and a single agency', () => {
    const ids = (g: string, a: string | null = null) =>
      resolveAssignees({ assigneeGroup: g, assigneeAgencyId: a }, agencies).map((x) => x.id);
    expect(ids('district_pcs')).toEqual(['p1', 'p2']);
    expect(ids('press')).toEqual(['n1']);
    expect(ids('sociopolitical')).toEqual(['s1']);
    expect(ids('departments')).toEqual(['d1']);
    expect(ids('all_recipients')).toEqual(['d1', 'p1', 'p2', 's1', 'n1', 'x1']);
    expect(ids('agency', 'x1')).toEqual(['x1']);
    const expected = reportingAgencies(
      [
        { assigneeGroup: 'press', assigneeAgencyId: null },
        { assigneeGroup: 'district_pcs', assigneeAgencyId: null },
      ],
      agencies,
    );
    expect(expected.map((a) => a.id)).toEqual(['p1', 'p2', 'n1']);
  });
});

describe('quarter aggregate', () => {
  const measures: MeasureLike[] = [
    {
      id: 'm1',
      code: 'banners_hung',
      name: 'Phướn',
      unit: 'cái',
      aggregation: 'sum',
      minimum: null,
      communitySource: null,
    },
    {
      id: 'm2',
      code: 'radio_per_week',
      name: 'Phát thanh',
      unit: 'lần/tuần',
      aggregation: 'average',
      minimum: 2,
      communitySource: null,
    },
    {
      id: 'm3',
      code: 'apps_installed',
      name: 'Cài đặt',
      unit: 'lượt',
      aggregation: 'sum',
      minimum: null,
      communitySource: 'installs_helped',
    },
  ];
  const report = (
    agencyId: string,
    status: string,
    figures: Record<string, number>,
    late = false,
  ): ReportLike => ({
    agencyId,
    status,
    late,
    submittedAt: null,
    figures,
  });
  const reports = [
    report('p1', 'accepted', { banners_hung: 10, radio_per_week: 3, apps_installed: 1000 }),
    report('p2', 'submitted', { banners_hung: 5, radio_per_week: 1, apps_installed: 400 }, true),
    report('s1', 'draft', { banners_hung: 99 }),
    report('n1', 'correction_requested', { banners_hung: 7 }),
  ];
  const community = {
    byDistrict: new Map([['803', { installs_helped: 50, households_guided: 20, people_guided: 0 }]]),
  };
  const names = new Map(agencies.map((a) => [a.id, a.name]));

  it('totals counted reports (submitted, accepted), averages rates and adds community records', () => {
    const totals = measureTotals(measures, reports, community, names);
    expect(totals.find((m) => m.code === 'banners_hung')!.total).toBe(15);
    expect(totals.find((m) => m.code === 'radio_per_week')!.total).toBe(2);
    expect(totals.find((m) => m.code === 'radio_per_week')!.belowMinimum).toEqual(['UBND huyện Đức Hòa']);
    const installs = totals.find((m) => m.code === 'apps_installed')!;
    expect([installs.reported, installs.community, installs.total]).toEqual([1400, 50, 1450]);
    const byDistrict = districtTotals(
      [
        { code: '802', name: 'Đức Hòa' },
        { code: '803', name: 'Bến Lức' },
      ],
      measures,
      reports,
      agencies,
      community,
    );
    expect(byDistrict.map((d) => d.values.apps_installed)).toEqual([400, 1050]);
  });

  it('tells who reported, who is late and who is missing', () => {
    const expected = agencies.filter((a) => a.kind !== 'commune_pc');
    const before = agencyStatuses(expected, reports, false);
    expect(before.find((a) => a.agencyId === 'd1')!.state).toBe('not_started');
    expect(before.find((a) => a.agencyId === 's1')!.state).toBe('draft');
    const after = agencyStatuses(expected, reports, true);
    expect(
      after
        .filter((a) => a.state === 'missing')
        .map((a) => a.agencyId)
        .sort(),
    ).toEqual(['d1', 's1', 'x1']);
    expect(after.find((a) => a.agencyId === 'p2')!.late).toBe(true);
    expect(after.find((a) => a.agencyId === 'p1')!.late).toBe(false);
  });

  it('measures progress against targets as a share of the base', () => {
    const [p] = targetProgress(
      [
        {
          measureCode: 'apps_installed',
          unitCode: '803',
          unitName: 'Bến Lức',
          targetPercent: 80,
          baseValue: 111000,
          baseLabel: 'người dùng điện thoại thông minh',
          dueOn: '2022-08-30',
        },
      ],
      new Map([['apps_installed:803', 44400]]),
    );
    expect(p!.percent).toBe(40);
    expect(p!.progress).toBe(50);
    expect(p!.met).toBe(false);
  });
});
