import { createHash } from 'node:crypto';
import { allActiveAgencies, principalOfUsername } from '../identity/index.js';
import { reportingAgencies } from './aggregate.js';
import type { CampaignsDeps } from './campaigns-deps.js';
import * as repo from './campaigns.repository.js';
import {
  addDays,
  dueDate,
  previousQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  vnDate,
  type QuarterRef,
} from './quarters.js';
import { Sealed } from '../../platform/crypto/field-cipher.js';

const PORTAL = 'https://chuyendoiso.longan.gov.vn';
const M = {
  leaflet: { title: 'Tờ gấp hướng dẫn cài đặt ứng dụng Long An số', url: `${PORTAL}/tai-lieu/tuyen-truyen` },
  banner: { title: 'Phướn tuyên truyền ứng dụng Long An số', url: `${PORTAL}/tai-lieu/tuyen-truyen` },
  script: { title: 'Kịch bản tuyên truyền ứng dụng Long An số', url: `${PORTAL}/tai-lieu/tuyen-truyen` },
  banner1022: { title: 'Phướn tuyên truyền Tổng đài 1022', url: `${PORTAL}/tai-lieu/tuyen-truyen` },
  script1022: { title: 'Kịch bản tuyên truyền Tổng đài 1022', url: `${PORTAL}/tai-lieu/tuyen-truyen` },
  slogans: {
    title: 'Các khẩu hiệu tuyên truyền thúc đẩy chuyển đổi số',
    url: `${PORTAL}/tai-lieu/tuyen-truyen`,
  },
  poster: {
    title: 'Áp phích hướng dẫn sử dụng dịch vụ công trực tuyến',
    url: `${PORTAL}/tai-lieu/tuyen-truyen`,
  },
};

interface MeasureDef {
  code: string;
  name: string;
  unit: string;
  aggregation?: 'sum' | 'average';
  minimum?: number;
  communitySource?: 'households_guided' | 'installs_helped';
}
interface TaskDef {
  title: string;
  description: string;
  group: 'all_recipients' | 'district_pcs' | 'sociopolitical' | 'press' | 'agency';
  agencyCode?: string;
  materials: { title: string; url: string }[];
  measures: MeasureDef[];
}

/** The tasks of the Department's guidance letter (hướng dẫn tuyên truyền "Long An Số", Tổng đài 1022, CĐS). */
export const LETTER_TASKS: TaskDef[] = [
  {
    title: 'Giới thiệu “Long An Số” và Tổng đài 1022 đến cán bộ, công chức, viên chức',
    description:
      'Thông tin, giới thiệu mục đích, lợi ích, chức năng, tiện ích của “Long An Số” trong các buổi sinh hoạt tập thể, chào cờ hàng tuần; tuyên truyền Tờ gấp hướng dẫn cài đặt đến từng cán bộ, công chức, viên chức để cài đặt và trải nghiệm; khuyến khích sử dụng Tổng đài 1022 gửi phản ánh, kiến nghị.',
    group: 'all_recipients',
    materials: [M.leaflet, M.script, M.script1022],
    measures: [
      { code: 'meetings_held', name: 'Buổi sinh hoạt, chào cờ có giới thiệu “Long An Số”', unit: 'buổi' },
      {
        code: 'staff_installed',
        name: 'Cán bộ, công chức, viên chức đã cài đặt “Long An Số”',
        unit: 'người',
      },
    ],
  },
  {
    title: 'Tuyên truyền “Long An Số” cho người dân, doanh nghiệp trên địa bàn',
    description:
      'Chỉ đạo Phòng Văn hóa và Thông tin in Tờ gấp đặt tại địa điểm công cộng, nơi giao dịch; in và treo phướn trên các tuyến đường chính; Trung tâm Văn hóa thông tin và Truyền thanh xây dựng chuyên mục “Chuyện đời số”, phát tối thiểu 02 lần/tuần; UBND cấp xã triển khai cho Tổ công nghệ số cộng đồng hướng dẫn người dân, hộ gia đình cài đặt và sử dụng. Phấn đấu trên 80% người dùng điện thoại thông minh cài đặt ứng dụng. (Số hộ và lượt cài đặt do Tổ công nghệ số cộng đồng ghi nhận trên hệ thống được cộng tự động; đơn vị chỉ báo cáo phần ngoài số đó.)',
    group: 'district_pcs',
    materials: [M.leaflet, M.banner, M.script],
    measures: [
      { code: 'leaflets_placed', name: 'Tờ gấp in và đặt tại nơi công cộng, nơi giao dịch', unit: 'tờ' },
      { code: 'banners_hung', name: 'Phướn “Long An Số” treo trên tuyến đường chính', unit: 'cái' },
      {
        code: 'radio_per_week',
        name: 'Số lần phát chuyên mục “Chuyện đời số” trên đài truyền thanh mỗi tuần',
        unit: 'lần/tuần',
        aggregation: 'average',
        minimum: 2,
      },
      {
        code: 'households_guided',
        name: 'Hộ gia đình được hướng dẫn cài đặt, sử dụng',
        unit: 'hộ',
        communitySource: 'households_guided',
      },
      {
        code: 'apps_installed',
        name: 'Người dân được hỗ trợ cài đặt “Long An Số”',
        unit: 'lượt',
        communitySource: 'installs_helped',
      },
    ],
  },
  {
    title: 'Tuyên truyền Tổng đài 1022 cho người dân, doanh nghiệp',
    description:
      'In và treo phướn Tổng đài 1022 trên các tuyến đường chính; chuyên mục “Chuyển đổi số” trên đài truyền thanh cấp huyện, cấp xã giới thiệu Tổng đài 1022, tối thiểu 02 lần/tuần; Tổ công nghệ số cộng đồng hướng dẫn người dân gửi phản ánh, kiến nghị.',
    group: 'district_pcs',
    materials: [M.banner1022, M.script1022],
    measures: [
      { code: 'banners_1022', name: 'Phướn Tổng đài 1022 treo trên tuyến đường chính', unit: 'cái' },
      {
        code: 'radio_1022_per_week',
        name: 'Số lần phát bản tin giới thiệu Tổng đài 1022 mỗi tuần',
        unit: 'lần/tuần',
        aggregation: 'average',
        minimum: 2,
      },
    ],
  },
  {
    title: 'Tuyên truyền thúc đẩy chuyển đổi số và dịch vụ công trực tuyến',
    description:
      'Triển khai khẩu hiệu tuyên truyền thúc đẩy chuyển đổi số tại các điểm công cộng, tuyến đường; in tài liệu tuyên truyền bố trí tại điểm giao dịch với người dân; Tổ công nghệ số cộng đồng hướng dẫn người dân sử dụng dịch vụ công trực tuyến.',
    group: 'district_pcs',
    materials: [M.slogans, M.poster],
    measures: [
      { code: 'slogans_posters', name: 'Khẩu hiệu, áp phích bố trí tại điểm công cộng', unit: 'cái' },
    ],
  },
  {
    title: 'Tuyên truyền đến hội viên về “Long An Số” và Tổng đài 1022',
    description:
      'Đẩy mạnh tuyên truyền, giới thiệu đến từng hội viên về mục đích, lợi ích của “Long An Số”, khuyến khích hội viên cài đặt, trải nghiệm và gửi phản ánh, kiến nghị qua Tổng đài 1022.',
    group: 'sociopolitical',
    materials: [M.leaflet, M.script, M.script1022],
    measures: [
      { code: 'members_informed', name: 'Hội viên được tuyên truyền', unit: 'người' },
      { code: 'members_installed', name: 'Hội viên đã cài đặt “Long An Số”', unit: 'người' },
    ],
  },
  {
    title: 'Chuyên mục “Chuyển đổi số” trên Báo Long An, Đài Phát thanh và Truyền hình',
    description:
      'Xây dựng chuyên mục “Chuyển đổi số”, dành thời lượng tăng cường đưa tin tuyên truyền, giới thiệu mục đích, lợi ích và hướng dẫn cài đặt “Long An Số”, hướng dẫn phản ánh qua Tổng đài 1022.',
    group: 'press',
    materials: [M.script, M.script1022],
    measures: [
      { code: 'column_articles', name: 'Tin, bài trong chuyên mục “Chuyển đổi số”', unit: 'tin/bài' },
      {
        code: 'broadcasts',
        name: 'Phóng sự, bản tin phát sóng về “Long An Số”, Tổng đài 1022',
        unit: 'lượt',
      },
    ],
  },
  {
    title: 'Tài liệu hướng dẫn sử dụng dịch vụ công trực tuyến tại điểm giao dịch',
    description:
      'In tài liệu hướng dẫn sử dụng dịch vụ công trực tuyến bố trí tại các địa điểm giao dịch, cổng cơ quan để người dân, doanh nghiệp biết và sử dụng.',
    group: 'agency',
    agencyCode: 'tt-pvhcc',
    materials: [M.poster],
    measures: [
      { code: 'dvc_guides', name: 'Tài liệu hướng dẫn dịch vụ công trực tuyến đã bố trí', unit: 'bản' },
    ],
  },
];

/**
 * Estimated smartphone users per district — ILLUSTRATIVE figures for the demo (about 60 % of a rounded
 * population estimate), to be replaced by the Department's own estimates.
 */
const SMARTPHONE_USERS: Record<string, number> = {
  '794': 87000,
  '795': 39000,
  '796': 30000,
  '797': 31000,
  '798': 17000,
  '799': 46000,
  '800': 34000,
  '801': 35000,
  '802': 188000,
  '803': 111000,
  '804': 55000,
  '805': 37000,
  '806': 109000,
  '807': 122000,
  '808': 60000,
};

/** A stable pseudo-random integer in [lo, hi] from a key: the same demo every time. */
function pick(key: string, lo: number, hi: number): number {
  const n = createHash('sha256').update(key).digest().readUInt32BE(0);
  return lo + (n % (hi - lo + 1));
}

/**
 * Demo data: the letter's plan with its tasks, measures and district targets, and two quarters of
 * reports — the previous quarter (closed: accepted, some late, some missing) and the current one
 * (submitted, sent back for correction, drafts; the demo district UBND TP Tân An has not started, for
 * trying the form). The plan's period is placed around today so the workflow can be tried; the letter's
 * own dates are in its description. Idempotent: nothing happens when the plan exists.
 */
export async function seedCampaigns(deps: CampaignsDeps): Promise<void> {
  const db = deps.database.db;
  const NUMBER = '310/KH-UBND';
  if (await repo.findPlanByNumber(db, NUMBER)) return;
  const today = vnDate(deps.now());
  const current = quarterOf(today);
  const previous = previousQuarter(current);
  const agencies = await allActiveAgencies(db);
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const dept = await principalOfUsername(db, 'so');

  await db.transaction(async (tx) => {
    const plan = await repo.insertPlan(tx, {
      number: NUMBER,
      title:
        'Tuyên truyền về chuyển đổi số, phát triển chính quyền số và bảo đảm an toàn thông tin mạng; hướng dẫn tuyên truyền sử dụng “Long An Số”, Tổng đài 1022 và Trang thông tin chuyển đổi số',
      issuingBody: 'UBND tỉnh Long An (hướng dẫn của Sở Thông tin và Truyền thông)',
      issuedOn: '2022-01-27',
      startsOn: quarterStart(previous),
      endsOn: `${current.year}-12-31`,
      status: 'active',
      dueDay: 15,
      remindDaysBefore: 7,
      closeAfterDays: 45,
    });
    const tasks: repo.TaskRow[] = [];
    for (const [i, def] of LETTER_TASKS.entries()) {
      const agency = def.agencyCode ? byCode.get(def.agencyCode) : undefined;
      if (def.group === 'agency' && !agency) continue;
      const task = await repo.insertTask(tx, {
        planId: plan.id,
        position: i + 1,
        title: def.title,
        description: def.description,
        assigneeGroup: def.group,
        assigneeAgencyId: agency?.id ?? null,
        materials: def.materials,
      });
      tasks.push(task);
      await repo.insertMeasures(
        tx,
        def.measures.map((m, j) => ({
          planId: plan.id,
          taskId: task.id,
          position: j + 1,
          code: m.code,
          name: m.name,
          unit: m.unit,
          aggregation: m.aggregation ?? 'sum',
          minimum: m.minimum ?? null,
          communitySource: m.communitySource ?? null,
        })),
      );
    }
    const districts = agencies.filter(
      (a) => a.kind === 'district_pc' && a.unitCode && SMARTPHONE_USERS[a.unitCode],
    );
    await repo.insertTargets(
      tx,
      districts.map((d) => ({
        planId: plan.id,
        measureCode: 'apps_installed',
        unitCode: d.unitCode!,
        targetPercent: 80,
        baseValue: SMARTPHONE_USERS[d.unitCode!]!,
        baseLabel: 'người dùng điện thoại thông minh (ước tính)',
        dueOn: quarterEnd(current),
      })),
    );

    const measures = await repo.planMeasures(tx, plan.id);
    const expected = reportingAgencies(tasks, agencies);
    const rules = { dueDay: plan.dueDay };
    const put = async (
      agencyId: string,
      q: QuarterRef,
      status: 'draft' | 'submitted' | 'correction_requested' | 'accepted',
      late: boolean,
    ) => {
      const agency = agencies.find((a) => a.id === agencyId)!;
      const due = dueDate(q, rules);
      let submittedDay = late
        ? addDays(due, pick(agency.code, 1, 9))
        : addDays(due, -pick(agency.code, 1, 10));
      if (submittedDay > today) submittedDay = today;
      const submittedAt = status === 'draft' ? null : new Date(`${submittedDay}T09:30:00+07:00`);
      const report = await repo.insertReport(tx, {
        planId: plan.id,
        agencyId,
        year: q.year,
        quarter: q.quarter,
        status,
        narrative: `${agency.name} đã quán triệt, triển khai các nội dung tuyên truyền theo hướng dẫn của Sở Thông tin và Truyền thông; lồng ghép giới thiệu “Long An Số” trong các buổi chào cờ, hội nghị.`,
        dueOn: due,
        submittedAt,
        late: late ? 'yes' : 'no',
        reviewedAt: status === 'accepted' || status === 'correction_requested' ? submittedAt : null,
        reviewedBy:
          status === 'accepted' || status === 'correction_requested' ? (dept?.userId ?? null) : null,
        reviewComment:
          status === 'correction_requested'
            ? 'Đề nghị bổ sung số lượt phát trên đài truyền thanh và hình ảnh phướn đã treo.'
            : null,
      });
      if (!report) return;
      const applicable = measures.filter((m) =>
        tasks.some((t) => t.id === m.taskId && reportingAgencies([t], [agency]).length),
      );
      await repo.replaceFigures(
        tx,
        report.id,
        applicable.map((m) => {
          const key = `${agency.code}:${q.year}:${q.quarter}:${m.code}`;
          const base = agency.unitCode ? (SMARTPHONE_USERS[agency.unitCode] ?? 20000) : 20000;
          const value =
            m.aggregation === 'average'
              ? pick(key, 1, 4)
              : m.code === 'apps_installed'
                ? Math.round((base * pick(key, 18, 34)) / 100)
                : m.code === 'households_guided'
                  ? Math.round((base * pick(key, 4, 9)) / 100)
                  : m.code === 'leaflets_placed'
                    ? pick(key, 500, 4000)
                    : m.code === 'members_informed'
                      ? pick(key, 2000, 30000)
                      : m.code === 'staff_installed' || m.code === 'members_installed'
                        ? pick(key, 40, 900)
                        : pick(key, 3, 60);
          return { measureId: m.id, value };
        }),
      );
      const label = dept?.label ?? 'Sở TT-TT';
      const events: {
        action: 'save' | 'submit' | 'accept' | 'request_correction';
        to: string;
        by: string;
      }[] = [{ action: 'save', to: 'draft', by: agency.name }];
      if (status !== 'draft') events.push({ action: 'submit', to: 'submitted', by: agency.name });
      if (status === 'accepted') events.push({ action: 'accept', to: 'accepted', by: label });
      if (status === 'correction_requested')
        events.push({ action: 'request_correction', to: status, by: label });
      for (const e of events) {
        await repo.insertEvent(tx, {
          reportId: report.id,
          action: e.action,
          toStatus: e.to,
          actorLabel: e.by,
          comment: e.action === 'request_correction' ? report.reviewComment : null,
          at: submittedAt ?? new Date(`${today}T08:00:00+07:00`),
        });
      }
    };

    const tanAn = agencies.find((a) => a.kind === 'district_pc' && a.unitCode === '794');
    for (const [i, a] of expected.entries()) {
      // Previous quarter: most accepted, one in seven late, one in six missing.
      if (i % 6 !== 5) await put(a.id, previous, 'accepted', i % 7 === 3);
      // Current quarter: a spread of states; the demo district has not started yet.
      if (a.id === tanAn?.id) continue;
      const mod = i % 5;
      if (mod === 0) await put(a.id, current, 'submitted', false);
      else if (mod === 1) await put(a.id, current, 'accepted', false);
      else if (mod === 2 && i < 20) await put(a.id, current, 'correction_requested', false);
      else if (mod === 3) await put(a.id, current, 'draft', false);
    }

    // The demo community team's field records in its commune this quarter.
    const team = await principalOfUsername(tx, 'tocongnghe');
    const teamAgencyId = team?.grants.find((g) => g.role === 'community_team')?.agencyId;
    const teamAgency = agencies.find((a) => a.id === teamAgencyId);
    if (team && teamAgency?.unitCode) {
      // The team's list: the demo account as team lead and two volunteers without an account.
      const lead = await repo.insertMember(tx, {
        agencyId: teamAgency.id,
        userId: team.userId,
        fullName: 'Đặng Thị Cộng Đồng',
        isLead: true,
      });
      await repo.insertMember(tx, {
        agencyId: teamAgency.id,
        fullName: 'Nguyễn Văn Tình Nguyện',
        phone: Sealed.of('0912000111'),
      });
      await repo.insertMember(tx, { agencyId: teamAgency.id, fullName: 'Trần Thị Đoàn Viên' });
      const start = quarterStart(current);
      for (let k = 0; k < 4; k++) {
        const day = addDays(start, k * 9 + 3);
        if (day > today) break;
        await repo.insertActivity(tx, {
          clientKey: `demo-seed-${k}`,
          agencyId: teamAgency.id,
          unitCode: teamAgency.unitCode,
          recordedBy: team.userId,
          activityOn: day,
          place: ['Nhà văn hóa ấp 1', 'Chợ xã', 'Trường tiểu học', 'Trụ sở UBND xã'][k]!,
          householdsGuided: pick(`hh${k}`, 8, 30),
          peopleGuided: pick(`pp${k}`, 15, 60),
          installsHelped: pick(`in${k}`, 10, 45),
          note: null,
          memberId: lead.id,
        });
      }
    }
  });
}
