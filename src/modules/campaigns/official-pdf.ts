import { openPdf } from '../../platform/pdf/pdf-document.js';
import type { QuarterSummary } from './use-cases/quarter-summary.js';
import { viDate } from './quarters.js';

/** DejaVu Sans (regular and bold) of the analytics module: one copy of the fonts in the repository. */

const num = (n: number) => n.toLocaleString('vi-VN');

/** The parts of an administrative document (Nghị định 30/2020/NĐ-CP) that both reports share. */
export interface OfficialDocument {
  title: string;
  /** Line above the issuing body, e.g. "UBND TỈNH LONG AN"; empty for a body without a superior line. */
  superior: string;
  issuingBody: string;
  /** Number and symbol, e.g. "/BC-STTTT" (the number is written by the clerk when it is registered). */
  symbol: string;
  place: string;
  /** yyyy-mm-dd */
  date: string;
  subject: string;
  recipient: string;
  recipients: string[];
  signerTitle: string;
}

type Doc = PDFKit.PDFDocument;

function open(meta: OfficialDocument): { doc: Doc; done: Promise<Buffer> } {
  const { doc, done } = openPdf({
    size: 'A4',
    // Top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (the decree's margins).
    margins: { top: 57, bottom: 57, left: 85, right: 43 },
    info: { Title: meta.title, Author: meta.issuingBody, Subject: meta.subject },
    lang: 'vi-VN',
  });
  return { doc, done };
}

/** Header: issuing body (left) and national motto (right), number, place-and-date line, title, addressee. */
function header(doc: Doc, meta: OfficialDocument) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const leftW = width * 0.45;
  const rightX = left + leftW;
  const rightW = width - leftW;
  const top = doc.y;
  doc.font('body').fontSize(10);
  if (meta.superior) doc.text(meta.superior.toUpperCase(), left, top, { width: leftW, align: 'center' });
  // A People's Committee writes its name on two lines: "ỦY BAN NHÂN DÂN" / "THỊ XÃ KIẾN TƯỜNG".
  const pc = /^(Ủy ban nhân dân)\s+(.+)$/i.exec(meta.issuingBody);
  const bodyLines = pc ? [pc[1]!, pc[2]!] : [meta.issuingBody];
  doc.font('bold');
  for (const line of bodyLines) doc.text(line.toUpperCase(), left, doc.y, { width: leftW, align: 'center' });
  const ruleY = doc.y + 2;
  doc
    .moveTo(left + leftW / 2 - 30, ruleY)
    .lineTo(left + leftW / 2 + 30, ruleY)
    .stroke();
  doc.font('body').text(`Số:        ${meta.symbol}`, left, ruleY + 6, { width: leftW, align: 'center' });
  const leftBottom = doc.y;

  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, {
    width: rightW,
    align: 'center',
  });
  doc.fontSize(11).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightW, align: 'center' });
  const mottoRule = doc.y + 2;
  doc
    .moveTo(rightX + rightW / 2 - 75, mottoRule)
    .lineTo(rightX + rightW / 2 + 75, mottoRule)
    .stroke();
  const [y, m, d] = meta.date.split('-');
  doc
    .font('body')
    .fontSize(11)
    .text(`${meta.place}, ngày ${d} tháng ${m} năm ${y}`, rightX, mottoRule + 6, {
      width: rightW,
      align: 'center',
    });
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.font('bold').fontSize(13).text('BÁO CÁO', { align: 'center' });
  doc.font('bold').fontSize(11.5).text(meta.subject, { align: 'center' });
  doc.moveDown(0.8);
  doc.font('body').fontSize(11.5).text(`Kính gửi: ${meta.recipient}.`, { align: 'center' });
  doc.moveDown(0.8);
}

function heading(doc: Doc, text: string) {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.4).font('bold').fontSize(11.5).text(text);
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string) {
  doc.font('body').fontSize(11.5).text(text, { align: 'justify', indent: 28 });
  doc.moveDown(0.3);
}

/** A ruled table; a row that does not fit goes to the next page with the header repeated. */
function table(doc: Doc, head: string[], rows: (string[] | { group: string })[], widths: number[]) {
  const x0 = doc.page.margins.left;
  const total = widths.reduce((a, b) => a + b, 0);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(10);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 8 }))) + 6;
  };
  const draw = (
    cells: string[],
    font: 'body' | 'bold',
    align: (i: number) => 'left' | 'right' | 'center',
  ) => {
    const h = rowHeight(cells, font);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (font === 'body') drawRow(head, 'bold', () => 'center');
    }
    drawRow(cells, font, align);
  };
  const drawRow = (
    cells: string[],
    font: 'body' | 'bold',
    align: (i: number) => 'left' | 'right' | 'center',
  ) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      doc.rect(x, y, w, h).stroke();
      doc
        .font(font)
        .fontSize(10)
        .text(c, x + 4, y + 3, { width: w - 8, align: align(i) });
      x += w;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  draw(head, 'bold', () => 'center');
  for (const r of rows) {
    if ('group' in r) {
      doc.font('bold').fontSize(10);
      const h = doc.heightOfString(r.group, { width: total - 8 }) + 6;
      if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      doc.rect(x0, y, total, h).stroke();
      doc
        .font('bold')
        .fontSize(10)
        .text(r.group, x0 + 4, y + 3, { width: total - 8 });
      doc.x = x0;
      doc.y = y + h;
    } else {
      draw(r, 'body', (i) => (i === 0 ? 'center' : i === r.length - 1 ? 'right' : 'left'));
    }
  }
  doc.moveDown(0.6);
}

/** Recipients ("Nơi nhận:") on the left, the signer's title on the right, space for the signature. */
function signature(doc: Doc, meta: OfficialDocument) {
  if (doc.y > doc.page.height - 200) doc.addPage();
  doc.moveDown(0.8);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y;
  doc
    .font('bold')
    .fontSize(10.5)
    .text('Nơi nhận:', left, top, { width: width / 2 });
  doc.font('body').fontSize(9.5);
  for (const r of meta.recipients) doc.text(`- ${r}`, left, doc.y, { width: width / 2 });
  const recipientsBottom = doc.y;
  doc
    .font('bold')
    .fontSize(11.5)
    .text(meta.signerTitle, left + width / 2, top, { width: width / 2, align: 'center' });
  doc
    .font('body')
    .fontSize(9.5)
    .text('(Ký, ghi rõ họ tên, đóng dấu)', left + width / 2, doc.y, { width: width / 2, align: 'center' });
  doc.x = left;
  doc.y = Math.max(recipientsBottom, doc.y + 60);
}

/** One block of an official document's body. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; head: string[]; rows: (string[] | { group: string })[]; widths: number[] };

/** An official document: its administrative parts and its body, rendered as PDF or DOCX. */
export interface OfficialModel {
  meta: OfficialDocument;
  blocks: Block[];
}

/**
 * The Department's quarterly report to the provincial steering committee: reporting status, totals per
 * measure, targets, app adoption, proposals; recipients and signature block.
 */
export function summaryModel(
  s: QuarterSummary,
  opts: { departmentName: string; province: string },
): OfficialModel {
  const place = opts.province.replace(/^Tỉnh\s+/i, '');
  const meta: OfficialDocument = {
    title: `Báo cáo ${s.quarterLabel} — ${s.plan.number}`,
    superior: `UBND ${opts.province}`,
    issuingBody: opts.departmentName,
    symbol: '/BC-STTTT',
    place,
    date: s.generatedOn,
    subject: `Kết quả triển khai tuyên truyền sử dụng các sản phẩm chuyển đổi số ${s.quarterLabel} theo ${s.plan.number}`,
    recipient: 'Ban Chỉ đạo Chuyển đổi số tỉnh',
    recipients: [
      'Ban Chỉ đạo Chuyển đổi số tỉnh;',
      'UBND tỉnh (báo cáo);',
      'Giám đốc, các PGĐ Sở;',
      'Lưu: VT, CNTT.',
    ],
    signerTitle: 'GIÁM ĐỐC',
  };
  const reported = s.counts.accepted + s.counts.submitted;
  const missing = s.agencies.filter((a) => ['missing', 'not_started', 'draft'].includes(a.state));
  const late = s.agencies.filter((a) => a.late && a.state !== 'missing');
  const met = s.targets.filter((t) => t.met).length;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện ${s.plan.number} — ${s.plan.title}, ${opts.departmentName} báo cáo kết quả ${s.quarterLabel} như sau:`,
    },
    { kind: 'heading', text: 'I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ' },
    {
      kind: 'paragraph',
      text: `Tổng số cơ quan, đơn vị được giao nhiệm vụ: ${s.counts.expected}; đã báo cáo: ${reported} (Sở đã tiếp nhận ${s.counts.accepted}, đang xem xét ${s.counts.submitted}); đang bổ sung, chỉnh sửa: ${s.counts.correction}; báo cáo trễ hạn: ${late.length}; chưa báo cáo: ${missing.length}. Hạn báo cáo: ngày ${viDate(s.dueOn)}.`,
    },
  ];
  if (late.length)
    blocks.push({
      kind: 'paragraph',
      text: `Các đơn vị báo cáo trễ hạn: ${late.map((a) => a.agencyName).join('; ')}.`,
    });
  if (missing.length)
    blocks.push({
      kind: 'paragraph',
      text: `Các đơn vị chưa báo cáo: ${missing.map((a) => a.agencyName).join('; ')}.`,
    });
  blocks.push(
    { kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN' },
    {
      kind: 'table',
      head: ['STT', 'Nội dung', 'Đơn vị tính', 'Kết quả'],
      rows: s.measures.map((m, i) => [String(i + 1), m.name, m.unit, num(m.total)]),
      widths: [32, 268, 80, 87],
    },
    { kind: 'heading', text: 'III. TIẾN ĐỘ THỰC HIỆN MỤC TIÊU' },
    {
      kind: 'paragraph',
      text: `Số địa bàn đạt mục tiêu: ${met}/${s.targets.length} (lũy kế đến hết ${s.quarterLabel}).`,
    },
    {
      kind: 'table',
      head: ['STT', 'Địa bàn', 'Người dùng điện thoại thông minh', 'Đã cài đặt (lũy kế)', 'Tỷ lệ / Mục tiêu'],
      rows: s.targets.map((t, i) => [
        String(i + 1),
        t.unitName,
        num(t.baseValue),
        num(t.actual),
        `${t.percent.toLocaleString('vi-VN')}% / ${t.targetPercent}%${t.met ? ' (đạt)' : ''}`,
      ]),
      widths: [32, 150, 100, 90, 95],
    },
    { kind: 'heading', text: 'IV. NGƯỜI DÙNG ỨNG DỤNG' },
    {
      kind: 'paragraph',
      text: `Số liệu đến ngày ${viDate(s.adoption.asOf)}: lượt cài đặt theo kho ứng dụng và số thiết bị đã chọn địa bàn trên ứng dụng (ẩn danh), so với số người dùng điện thoại thông minh ước tính.`,
    },
    {
      kind: 'table',
      head: ['STT', 'Địa bàn', 'Người dùng ĐTTM', 'Cài đặt (kho / ứng dụng)', 'Hoạt động 30 ngày', 'Tỷ lệ'],
      rows: s.adoption.rows.map((a, i) => [
        String(i + 1),
        a.unitName,
        a.smartphoneUsers === null ? '' : num(a.smartphoneUsers),
        `${num(a.storeInstalls)} / ${num(a.appInstalls)}`,
        num(a.appActive30),
        a.percent === null ? '' : `${a.percent.toLocaleString('vi-VN')}%`,
      ]),
      widths: [32, 130, 75, 95, 70, 65],
    },
    { kind: 'heading', text: 'V. ĐỀ XUẤT, KIẾN NGHỊ' },
    {
      kind: 'paragraph',
      text: 'Đề nghị các cơ quan, đơn vị chưa báo cáo khẩn trương gửi báo cáo về Sở Thông tin và Truyền thông; các địa phương chưa đạt mục tiêu tăng cường chỉ đạo Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt, sử dụng ứng dụng.',
    },
  );
  return { meta, blocks };
}

export interface AgencyReportInput {
  agencyName: string;
  planNumber: string;
  quarterLabel: string;
  narrative: string;
  tasks: { title: string; measures: { name: string; unit: string; value: number | null }[] }[];
}

/** One agency's quarterly report: narrative and figures per task and measure. */
export function agencyReportModel(
  r: AgencyReportInput,
  opts: { province: string; today: string },
): OfficialModel {
  const meta: OfficialDocument = {
    title: `Báo cáo ${r.quarterLabel} — ${r.agencyName}`,
    superior: '',
    issuingBody: r.agencyName,
    symbol: '/BC',
    place: opts.province.replace(/^Tỉnh\s+/i, ''),
    date: opts.today,
    subject: `Kết quả triển khai tuyên truyền sử dụng các sản phẩm chuyển đổi số ${r.quarterLabel} (theo ${r.planNumber})`,
    recipient: 'Sở Thông tin và Truyền thông',
    recipients: ['Sở Thông tin và Truyền thông;', 'Lưu: VT.'],
    signerTitle: 'THỦ TRƯỞNG CƠ QUAN',
  };
  let i = 0;
  return {
    meta,
    blocks: [
      { kind: 'heading', text: 'I. TÌNH HÌNH TRIỂN KHAI' },
      { kind: 'paragraph', text: r.narrative.trim() || '(Không có nội dung.)' },
      { kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN' },
      {
        kind: 'table',
        head: ['STT', 'Nội dung', 'Đơn vị tính', 'Kết quả'],
        rows: r.tasks.flatMap((task) => [
          { group: task.title },
          ...task.measures.map((m) => [String(++i), m.name, m.unit, m.value === null ? '' : num(m.value)]),
        ]),
        widths: [32, 268, 80, 87],
      },
    ],
  };
}

/** Renders an official document as a PDF (A4, DejaVu Sans embedded so the diacritics print everywhere). */
export function renderPdf(model: OfficialModel): Promise<Buffer> {
  const { doc, done } = open(model.meta);
  header(doc, model.meta);
  for (const b of model.blocks) {
    if (b.kind === 'heading') heading(doc, b.text);
    else if (b.kind === 'paragraph') paragraph(doc, b.text);
    else table(doc, b.head, b.rows, b.widths);
  }
  signature(doc, model.meta);
  doc.end();
  return done;
}

/** The Department's quarterly report to the steering committee as a PDF. */
export function summaryPdf(s: QuarterSummary, opts: { departmentName: string; province: string }) {
  return renderPdf(summaryModel(s, opts));
}

/** One agency's quarterly report as a PDF. */
export function agencyReportPdf(r: AgencyReportInput, opts: { province: string; today: string }) {
  return renderPdf(agencyReportModel(r, opts));
}
