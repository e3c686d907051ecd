import ExcelJS from 'exceljs';
import { REPORT_STATUS_LABELS } from '../../contracts/campaigns.js';
import type { QuarterSummary } from './use-cases/quarter-summary.js';
import { viDate } from './quarters.js';

const KIND_LABELS: Record<string, string> = {
  department: 'Sở, ban, ngành',
  centre: 'Trung tâm',
  district_pc: 'UBND cấp huyện',
  sociopolitical: 'Tổ chức chính trị - xã hội',
  press: 'Báo, Đài',
};

const stateLabel = (s: string) => REPORT_STATUS_LABELS[s as keyof typeof REPORT_STATUS_LABELS]?.vi ?? s;
const num = (n: number) => n.toLocaleString('vi-VN');

function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  // Spreadsheet formula injection: a leading = + - @ is neutralised.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (UTF-8 with BOM so spreadsheet programs read the diacritics): totals, districts, targets, agencies. */
export function summaryCsv(s: QuarterSummary): string {
  const rows: unknown[][] = [];
  rows.push([`Tổng hợp ${s.quarterLabel} — ${s.plan.number}`]);
  rows.push([]);
  rows.push(['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Cơ quan báo cáo', 'Tổ CNSCĐ', 'Tổng']);
  for (const m of s.measures) rows.push([m.code, m.name, m.unit, m.reported, m.community, m.total]);
  rows.push([]);
  rows.push(['Huyện/thị xã/thành phố', ...s.measures.map((m) => m.name)]);
  for (const d of s.districts) rows.push([d.unitName, ...s.measures.map((m) => d.values[m.code] ?? 0)]);
  rows.push([]);
  rows.push(['Mục tiêu', 'Địa bàn', 'Cơ sở', 'Thực hiện (lũy kế)', 'Tỷ lệ %', 'Mục tiêu %', 'Hạn', 'Đạt']);
  for (const t of s.targets) {
    rows.push([
      t.measureCode,
      t.unitName,
      t.baseValue,
      t.actual,
      t.percent,
      t.targetPercent,
      viDate(t.dueOn),
      t.met ? 'Đạt' : 'Chưa đạt',
    ]);
  }
  rows.push([]);
  rows.push(['Cơ quan, đơn vị', 'Tình trạng', 'Trễ hạn', 'Ngày gửi']);
  for (const a of s.agencies) {
    rows.push([
      a.agencyName,
      stateLabel(a.state),
      a.late ? 'Có' : '',
      a.submittedAt ? a.submittedAt.toISOString().slice(0, 10) : '',
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** XLSX workbook with four sheets: measures, districts, targets, agencies. */
export async function summaryXlsx(s: QuarterSummary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tỉnh Số';
  wb.created = new Date(`${s.generatedOn}T00:00:00Z`);
  const bold = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).font = { bold: true });

  const m = wb.addWorksheet('Chỉ tiêu');
  m.addRow([`Tổng hợp ${s.quarterLabel} — ${s.plan.number}: ${s.plan.title}`]);
  bold(m, 1);
  m.addRow(['Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Cơ quan báo cáo', 'Tổ CNSCĐ', 'Tổng']);
  bold(m, 2);
  for (const x of s.measures) m.addRow([x.code, x.name, x.unit, x.reported, x.community, x.total]);
  m.columns.forEach((c, i) => (c.width = i === 1 ? 60 : 16));

  const d = wb.addWorksheet('Theo huyện');
  d.addRow(['Huyện/thị xã/thành phố', ...s.measures.map((x) => x.name)]);
  bold(d, 1);
  for (const row of s.districts) d.addRow([row.unitName, ...s.measures.map((x) => row.values[x.code] ?? 0)]);
  d.getColumn(1).width = 30;

  const t = wb.addWorksheet('Mục tiêu');
  t.addRow([
    'Địa bàn',
    'Cơ sở',
    'Số người dùng',
    'Đã cài đặt (lũy kế)',
    'Tỷ lệ %',
    'Mục tiêu %',
    'Hạn',
    'Đạt',
  ]);
  bold(t, 1);
  for (const x of s.targets) {
    t.addRow([
      x.unitName,
      x.baseLabel,
      x.baseValue,
      x.actual,
      x.percent,
      x.targetPercent,
      viDate(x.dueOn),
      x.met ? 'Đạt' : 'Chưa đạt',
    ]);
  }
  t.getColumn(1).width = 30;

  const a = wb.addWorksheet('Tình hình báo cáo');
  a.addRow(['Cơ quan, đơn vị', 'Loại', 'Tình trạng', 'Trễ hạn']);
  bold(a, 1);
  for (const x of s.agencies)
    a.addRow([x.agencyName, KIND_LABELS[x.kind] ?? x.kind, stateLabel(x.state), x.late ? 'Có' : '']);
  a.getColumn(1).width = 55;

  const u = wb.addWorksheet('Ứng dụng');
  u.addRow([`Người dùng ứng dụng đến ngày ${viDate(s.adoption.asOf)}`]);
  bold(u, 1);
  u.addRow([
    'Huyện/thị xã/thành phố',
    'Người dùng điện thoại thông minh (ước tính)',
    'Lượt cài đặt (kho ứng dụng)',
    'Người dùng hoạt động (kho ứng dụng)',
    'Thiết bị đã chọn địa bàn (ứng dụng)',
    'Hoạt động 30 ngày (ứng dụng)',
    'Tỷ lệ cài đặt %',
  ]);
  bold(u, 2);
  for (const x of s.adoption.rows) {
    u.addRow([
      x.unitName,
      x.smartphoneUsers,
      x.storeInstalls,
      x.storeActive,
      x.appInstalls,
      x.appActive30,
      x.percent,
    ]);
  }
  u.getColumn(1).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The official quarterly report to the provincial steering committee, in the Vietnamese administrative
 * layout (Nghị định 30/2020/NĐ-CP): issuing body and national motto header, number and place-date line,
 * title, body with tables, recipients and signature block. Server-rendered HTML with print CSS.
 */
export function summaryHtml(s: QuarterSummary, opts: { departmentName: string; province: string }): string {
  const [y, mo, da] = s.generatedOn.split('-');
  const reported = s.counts.accepted + s.counts.submitted;
  const rows = s.measures
    .map(
      (m, i) =>
        `<tr><td>${i + 1}</td><td>${esc(m.name)}</td><td>${esc(m.unit)}</td><td class="n">${num(m.total)}</td></tr>`,
    )
    .join('');
  const targets = s.targets
    .map(
      (t) =>
        `<tr><td>${esc(t.unitName)}</td><td class="n">${num(t.baseValue)}</td><td class="n">${num(t.actual)}</td><td class="n">${t.percent.toLocaleString('vi-VN')}%</td><td>${t.met ? 'Đạt' : 'Chưa đạt'}</td></tr>`,
    )
    .join('');
  const missing = s.agencies.filter(
    (a) => a.state === 'missing' || a.state === 'not_started' || a.state === 'draft',
  );
  const late = s.agencies.filter((a) => a.late && a.state !== 'missing');
  const metCount = s.targets.filter((t) => t.met).length;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo ${esc(s.quarterLabel)} — ${esc(s.plan.number)}</title>
<style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.4; color: #000; max-width: 170mm; margin: 1em auto; }
.head { display: grid; grid-template-columns: 40% 60%; text-align: center; }
.head p { margin: 0; }
.motto { font-weight: bold; }
.motto2 { font-weight: bold; text-decoration: underline; }
.org { font-weight: bold; text-transform: uppercase; }
.date { font-style: italic; text-align: right; margin-top: .5em; }
h1 { font-size: 14pt; text-align: center; margin: 1em 0 0; }
.sub { text-align: center; font-weight: bold; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; margin: .5em 0 1em; }
th, td { border: 1px solid #000; padding: 2px 6px; vertical-align: top; }
td.n { text-align: right; }
.sign { display: grid; grid-template-columns: 50% 50%; margin-top: 2em; }
.recipients { font-size: 11pt; }
.recipients p { margin: 0; }
.signer { text-align: center; font-weight: bold; }
@media print { .noprint { display: none; } body { margin: 0; } }
</style></head><body>
<p class="noprint">Bấm Ctrl+P để in / Press Ctrl+P to print.</p>
<div class="head">
  <div><p>UBND ${esc(opts.province.toUpperCase())}</p><p class="org">${esc(opts.departmentName)}</p><p>Số: &nbsp;&nbsp;&nbsp;&nbsp;/BC-STTTT</p></div>
  <div><p class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p class="motto2">Độc lập - Tự do - Hạnh phúc</p>
  <p class="date">${esc(opts.province.replace(/^Tỉnh\s+/i, ''))}, ngày ${da} tháng ${mo} năm ${y}</p></div>
</div>
<h1>BÁO CÁO</h1>
<p class="sub">Kết quả triển khai tuyên truyền sử dụng các sản phẩm chuyển đổi số ${esc(s.quarterLabel)}<br>theo ${esc(s.plan.number)} — ${esc(s.plan.title)}</p>
<p>Kính gửi: Ban Chỉ đạo Chuyển đổi số tỉnh.</p>
<p><b>I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ</b></p>
<p>Tổng số cơ quan, đơn vị được giao nhiệm vụ: ${s.counts.expected}; đã báo cáo: ${reported} (Sở đã tiếp nhận ${s.counts.accepted}, đang xem xét ${s.counts.submitted}); đang bổ sung, chỉnh sửa: ${s.counts.correction}; báo cáo trễ hạn: ${late.length}; chưa báo cáo: ${missing.length}. Hạn báo cáo: ngày ${viDate(s.dueOn)}.</p>
${missing.length ? `<p>Các đơn vị chưa báo cáo: ${missing.map((a) => esc(a.agencyName)).join('; ')}.</p>` : ''}
<p><b>II. KẾT QUẢ THỰC HIỆN</b></p>
<table><thead><tr><th>STT</th><th>Nội dung</th><th>Đơn vị tính</th><th>Kết quả</th></tr></thead><tbody>${rows}</tbody></table>
<p><b>III. TIẾN ĐỘ THỰC HIỆN MỤC TIÊU</b></p>
<p>Số địa bàn đạt mục tiêu: ${metCount}/${s.targets.length}.</p>
<table><thead><tr><th>Địa bàn</th><th>Người dùng điện thoại thông minh</th><th>Đã cài đặt (lũy kế)</th><th>Tỷ lệ</th><th>Đánh giá</th></tr></thead><tbody>${targets}</tbody></table>
<p><b>IV. ĐỀ XUẤT, KIẾN NGHỊ</b></p>
<p>Đề nghị các cơ quan, đơn vị chưa báo cáo khẩn trương gửi báo cáo về Sở Thông tin và Truyền thông; các địa phương chưa đạt mục tiêu tăng cường chỉ đạo Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt, sử dụng ứng dụng.</p>
<div class="sign">
  <div class="recipients"><p><b><i>Nơi nhận:</i></b></p><p>- Ban Chỉ đạo Chuyển đổi số tỉnh;</p><p>- UBND tỉnh (báo cáo);</p><p>- Giám đốc, các PGĐ Sở;</p><p>- Lưu: VT, CNTT.</p></div>
  <div class="signer"><p>GIÁM ĐỐC</p><p style="height:5em"></p></div>
</div>
</body></html>`;
}

/** One agency's quarterly report as a printable document in the administrative layout. */
export function agencyReportHtml(
  r: {
    agencyName: string;
    planNumber: string;
    quarterLabel: string;
    statusLabel: string;
    narrative: string;
    submittedAt: string | null;
    tasks: { title: string; measures: { name: string; unit: string; value: number | null }[] }[];
  },
  opts: { province: string; today: string },
): string {
  const [y, mo, da] = opts.today.split('-');
  let i = 0;
  const rows = r.tasks
    .map(
      (task) =>
        `<tr><td colspan="4"><b>${esc(task.title)}</b></td></tr>` +
        task.measures
          .map(
            (m) =>
              `<tr><td>${++i}</td><td>${esc(m.name)}</td><td>${esc(m.unit)}</td><td class="n">${m.value === null ? '' : num(m.value)}</td></tr>`,
          )
          .join(''),
    )
    .join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo ${esc(r.quarterLabel)} — ${esc(r.agencyName)}</title>
<style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.4; max-width: 170mm; margin: 1em auto; }
.head { display: grid; grid-template-columns: 40% 60%; text-align: center; } .head p { margin: 0; }
.b { font-weight: bold; } .u { font-weight: bold; text-decoration: underline; }
.date { font-style: italic; text-align: right; } h1 { font-size: 14pt; text-align: center; margin: 1em 0 0; }
.sub { text-align: center; font-weight: bold; } table { border-collapse: collapse; width: 100%; font-size: 12pt; }
th, td { border: 1px solid #000; padding: 2px 6px; } td.n { text-align: right; }
.sign { display: grid; grid-template-columns: 50% 50%; margin-top: 2em; } .sign p { margin: 0; }
@media print { .noprint { display: none; } }
</style></head><body>
<p class="noprint">Bấm Ctrl+P để in / Press Ctrl+P to print. Tình trạng: ${esc(r.statusLabel)}.</p>
<div class="head"><div><p class="b">${esc(r.agencyName.toUpperCase())}</p><p>Số: &nbsp;&nbsp;&nbsp;&nbsp;/BC</p></div>
<div><p class="b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p class="u">Độc lập - Tự do - Hạnh phúc</p>
<p class="date">${esc(opts.province.replace(/^Tỉnh\s+/i, ''))}, ngày ${da} tháng ${mo} năm ${y}</p></div></div>
<h1>BÁO CÁO</h1>
<p class="sub">Kết quả triển khai tuyên truyền sử dụng các sản phẩm chuyển đổi số ${esc(r.quarterLabel)} (theo ${esc(r.planNumber)})</p>
<p>Kính gửi: Sở Thông tin và Truyền thông.</p>
<p><b>I. TÌNH HÌNH TRIỂN KHAI</b></p><p>${esc(r.narrative).replace(/\n/g, '<br>')}</p>
<p><b>II. KẾT QUẢ THỰC HIỆN</b></p>
<table><thead><tr><th>STT</th><th>Nội dung</th><th>Đơn vị tính</th><th>Kết quả</th></tr></thead><tbody>${rows}</tbody></table>
<div class="sign"><div><p><b><i>Nơi nhận:</i></b></p><p>- Sở Thông tin và Truyền thông;</p><p>- Lưu: VT.</p></div>
<div style="text-align:center"><p class="b">THỦ TRƯỞNG CƠ QUAN</p></div></div>
</body></html>`;
}
