import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { OfficialModel } from './official-pdf.js';

const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 13 pt header, 12 pt tables, 11 pt recipients (Nghị định 30/2020 sizes). */
const SIZE = { body: 28, head: 26, table: 24, small: 22 };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const run = (
  text: string,
  o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {},
) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? SIZE.body,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
  });

const para = (
  children: TextRun[],
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number } = {},
) =>
  new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 120 },
    ...(o.indent ? { indent: { firstLine: 567 } } : {}),
  });

const cell = (children: Paragraph[], widthPct: number) =>
  new TableCell({ children, width: { size: widthPct, type: WidthType.PERCENTAGE } });

/**
 * Renders an official document as DOCX (Word) in the administrative layout: a borderless two-column
 * header (issuing body, number / national motto, place and date), title, addressee, body with ruled
 * tables, and a borderless recipients / signer block. Times New Roman, as the decree prescribes.
 */
export function renderDocx(model: OfficialModel): Promise<Buffer> {
  const m = model.meta;
  const [y, mo, d] = m.date.split('-');
  const center = AlignmentType.CENTER;
  const pc = /^(Ủy ban nhân dân)\s+(.+)$/i.exec(m.issuingBody);
  const bodyLines = pc ? [pc[1]!, pc[2]!] : [m.issuingBody];
  const left = [
    ...(m.superior
      ? [para([run(m.superior.toUpperCase(), { size: SIZE.head })], { align: center, after: 0 })]
      : []),
    ...bodyLines.map((l) =>
      para([run(l.toUpperCase(), { bold: true, size: SIZE.head })], { align: center, after: 0 }),
    ),
    para([run(`Số:        ${m.symbol}`, { size: SIZE.head })], { align: center }),
  ];
  const right = [
    para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE.head })], {
      align: center,
      after: 0,
    }),
    para([run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true })], { align: center }),
    para([run(`${m.place}, ngày ${d} tháng ${mo} năm ${y}`, { italics: true })], { align: center }),
  ];
  const children: (Paragraph | Table)[] = [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })],
    }),
    para([run('BÁO CÁO', { bold: true })], { align: center, after: 0 }),
    para([run(m.subject, { bold: true })], { align: center }),
    para([run(`Kính gửi: ${m.recipient}.`)], { align: center }),
  ];
  for (const b of model.blocks) {
    if (b.kind === 'heading')
      children.push(para([run(b.text, { bold: true })], { align: AlignmentType.LEFT }));
    else if (b.kind === 'paragraph') children.push(para([run(b.text)], { indent: true }));
    else {
      const total = b.widths.reduce((a, x) => a + x, 0);
      const pct = b.widths.map((w) => Math.round((w / total) * 100));
      const line = (cells: string[], bold: boolean) =>
        new TableRow({
          tableHeader: bold,
          children: cells.map((c, i) =>
            cell(
              [
                para([run(c, { bold, size: SIZE.table })], {
                  align:
                    bold || i === 0
                      ? center
                      : i === cells.length - 1
                        ? AlignmentType.RIGHT
                        : AlignmentType.LEFT,
                  after: 0,
                }),
              ],
              pct[i]!,
            ),
          ),
        });
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            line(b.head, true),
            ...b.rows.map((r) =>
              'group' in r
                ? new TableRow({
                    children: [
                      new TableCell({
                        columnSpan: b.head.length,
                        children: [para([run(r.group, { bold: true, size: SIZE.table })], { after: 0 })],
                      }),
                    ],
                  })
                : line(r, false),
            ),
          ],
        }),
        para([]),
      );
    }
  }
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            cell(
              [
                para([run('Nơi nhận:', { bold: true, italics: true, size: SIZE.small })], { after: 0 }),
                ...m.recipients.map((r) => para([run(`- ${r}`, { size: SIZE.small })], { after: 0 })),
              ],
              50,
            ),
            cell(
              [
                para([run(m.signerTitle, { bold: true })], { align: center, after: 0 }),
                para([run('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: SIZE.small })], {
                  align: center,
                }),
              ],
              50,
            ),
          ],
        }),
      ],
    }),
  );
  const doc = new Document({
    creator: m.issuingBody,
    title: m.title,
    description: m.subject,
    sections: [
      {
        properties: {
          // A4; margins: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (in twips).
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
