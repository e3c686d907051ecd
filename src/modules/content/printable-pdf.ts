import { openPdf } from '../../platform/pdf/pdf-document.js';
import { parseMarkdown, type Inline } from '../../web/shared/markdown.js';

const plain = (c: Inline[]): string =>
  c.map((n) => (n.t === 'text' ? n.v : n.t === 'br' ? '\n' : 'c' in n ? plain(n.c) : '')).join('');

/**
 * A printable A4 PDF of an item's text: the title, the Markdown body (headings in bold, lists with bullets
 * or numbers) and a source line at the foot. Used for the demo's promotion materials and plans, so the
 * materials library offers files to download and print as an editor's upload would.
 */
export function printablePdf(input: { title: string; body: string; source: string }): Promise<Buffer> {
  const { doc, done } = openPdf({
    size: 'A4',
    margin: 56,
    info: { Title: input.title, Author: input.source },
  });
  doc.font('bold').fontSize(16).text(input.title, { align: 'center' });
  doc.moveDown();
  for (const block of parseMarkdown(input.body)) {
    if (block.t === 'h')
      doc
        .font('bold')
        .fontSize(block.level === 2 ? 13 : 12)
        .text(plain(block.c));
    else if ('items' in block)
      block.items.forEach((item, i) =>
        doc
          .font('body')
          .fontSize(11)
          .text(`${block.t === 'ol' ? `${i + 1}.` : '•'} ${plain(item)}`, { indent: 14 }),
      );
    else doc.font('body').fontSize(11).text(plain(block.c), { align: 'justify' });
    doc.moveDown(0.5);
  }
  doc.moveDown().font('body').fontSize(9).fillColor('#444444').text(input.source, { align: 'center' });
  doc.end();
  return done;
}
