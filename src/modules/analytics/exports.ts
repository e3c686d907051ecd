import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export interface Sheet {
  title: string;
  headers: string[];
  rows: Cell[][];
  /** Columns holding fractions (0–1) shown as percentages in Excel. */
  percentColumns?: number[];
}

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Formula injection: a cell starting with = + - @ is neutralised for spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads Vietnamese correctly). */
export function toCsv(sheet: Sheet): string {
  const lines = [sheet.headers, ...sheet.rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An Excel workbook with one sheet: bold header, numbers as numbers, rates as percentages. */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tỉnh Số';
  const ws = wb.addWorksheet(sheet.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  ws.addRow(sheet.headers).font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r.map((v) => (v === null ? null : v)));
  for (const c of sheet.percentColumns ?? []) ws.getColumn(c + 1).numFmt = '0.0%';
  ws.columns.forEach((col, i) => {
    col.width = Math.min(50, Math.max(10, sheet.headers[i]?.length ?? 10));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
