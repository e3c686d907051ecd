import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The text of a DOCX: its main part (word/document.xml, unpacked with `unzip`) with one line per paragraph
 * or table row, cells separated by " | ", entities decoded. Enough to check what Word would show.
 */
export async function docxToText(docx: Buffer | Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tinhso-docx-'));
  try {
    const file = path.join(dir, 'doc.docx');
    await writeFile(file, docx);
    const { stdout } = await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 20 * 1024 * 1024 });
    return stdout
      .replace(/<\/w:p>\s*<\/w:tc>/g, '</w:tc>')
      .replace(/<\/w:tc>/g, ' | ')
      .replace(/<\/w:tr>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
