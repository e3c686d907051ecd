import path from 'node:path';
import PDFDocument from 'pdfkit';

// DejaVu Sans, one copy in the repository (see fonts/SOURCES.md), so Vietnamese prints everywhere.
const FONTS = path.join(import.meta.dirname, 'fonts');

/**
 * A new PDF with the fonts 'body' and 'bold' (DejaVu Sans) registered, and the finished file: `done`
 * resolves with the bytes once the caller has drawn and called `doc.end()`.
 */
export function openPdf(options: PDFKit.PDFDocumentOptions): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument(options);
  doc.registerFont('body', path.join(FONTS, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONTS, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
