import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The OASIS CAP 1.2 schema shipped with the module (see cap-schema/SOURCES.md). */
export const CAP_XSD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cap-schema', 'cap12.xsd');

/** Validates a CAP document with xmllint against the OASIS schema; returns xmllint's complaints ('' if valid). */
export function xmllintCap(xml: string): { valid: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cap-'));
  const file = path.join(dir, 'alert.xml');
  writeFileSync(file, xml, 'utf8');
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', CAP_XSD, file], { stdio: 'pipe' });
    return { valid: true, output: '' };
  } catch (err) {
    const e = err as { stderr?: Buffer };
    return { valid: false, output: e.stderr?.toString('utf8') ?? String(err) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
