import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config/config.js';
import type { Database, Executor } from '../db/database.js';
import { blindIndex, decryptText, encryptText, keyRing, sealedKeyId, type KeyRing } from './field-cipher.js';

export const KEY_FILE = 'data-encryption.key';

/** A data key that cannot read this database: the start stops with this message (Vietnamese, English). */
export class DataKeyError extends Error {
  constructor(unknown: string[]) {
    super(
      `Khoá mã hoá dữ liệu (DATA_ENCRYPTION_KEY) không khớp với CSDL: dữ liệu cá nhân được mã hoá bằng khoá ${unknown.join(', ')}, ` +
        `không có trong DATA_ENCRYPTION_KEY hay DATA_ENCRYPTION_PREVIOUS_KEYS.\n` +
        `The data encryption key (DATA_ENCRYPTION_KEY) does not match the database: personal data is encrypted ` +
        `with key ${unknown.join(', ')}, which is neither DATA_ENCRYPTION_KEY nor in DATA_ENCRYPTION_PREVIOUS_KEYS.`,
    );
    this.name = 'DataKeyError';
  }
}

/**
 * The process's key ring: DATA_ENCRYPTION_KEY, else a key generated once and kept in DATA_DIR (mode 0600)
 * — right for the embedded database, whose data lives in the same folder; a server deployment sets the
 * variable so that every process shares one key.
 */
export function resolveKeyRing(config: Pick<Config, 'dataKeys' | 'dataDir'>): KeyRing {
  if (config.dataKeys.current) return keyRing(config.dataKeys.current, config.dataKeys.previous);
  const file = path.join(config.dataDir, KEY_FILE);
  if (!existsSync(file)) {
    // Processes started together on one folder (web + worker) race here: the key is written whole to a
    // private file and linked into place, so exactly one key wins and nobody reads half a file.
    mkdirSync(config.dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new DataKeyError([`${file} (không phải 32 byte / not 32 bytes)`]);
  return keyRing(key, config.dataKeys.previous);
}

/** Refuses a key ring that lacks a key the database's values are sealed with. */
export async function checkDataKeys(db: Executor, ring: KeyRing): Promise<void> {
  const rows = ((await db.execute(sql`select id from data_keys`)) as unknown as { rows: { id: string }[] })
    .rows;
  const known = new Set([ring.current.id, ...ring.previous.map((k) => k.id)]);
  const unknown = rows.map((r) => r.id).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new DataKeyError(unknown);
}

/** One table's personal columns, for the start-up step that encrypts clear rows and re-encrypts old ones. */
export interface SealedColumns {
  table: string;
  columns: { column: string; hashColumn?: string; normalise?: (clear: string) => string }[];
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return sql.raw(`"${name}"`);
};

/**
 * Encrypts every value of the given columns that is still clear text (rows from before encryption) or
 * sealed with another key than the current one (after a rotation), and (re)computes its blind index.
 * Idempotent: a second run finds nothing to do. Batches of 500 rows. Returns how many rows changed.
 */
export async function resealColumns(database: Database, spec: SealedColumns, ring: KeyRing): Promise<number> {
  const prefix = `ts1.${ring.current.id}.%`;
  const stale = sql.join(
    spec.columns.map(
      (c) =>
        sql`(${ident(c.column)} is not null and ${ident(c.column)} not like ${prefix})${
          c.hashColumn ? sql` or (${ident(c.column)} is not null and ${ident(c.hashColumn)} is null)` : sql``
        }`,
    ),
    sql` or `,
  );
  const cols = sql.join(
    spec.columns.map((c) => ident(c.column)),
    sql`, `,
  );
  let changed = 0;
  for (;;) {
    const rows = (
      (await database.db.execute(
        sql`select id, ${cols} from ${ident(spec.table)} where ${stale} limit 500`,
      )) as unknown as { rows: Record<string, string | null>[] }
    ).rows;
    if (rows.length === 0) return changed;
    await database.db.transaction(async (tx) => {
      for (const row of rows) {
        const sets = [];
        for (const c of spec.columns) {
          const stored = row[c.column];
          if (stored === null || stored === undefined) continue;
          const clear = sealedKeyId(stored) === null ? stored : decryptText(stored, ring);
          sets.push(sql`${ident(c.column)} = ${encryptText(clear, ring)}`);
          if (c.hashColumn)
            sets.push(
              sql`${ident(c.hashColumn)} = ${blindIndex(c.normalise ? c.normalise(clear) : clear, ring)}`,
            );
        }
        await tx.execute(
          sql`update ${ident(spec.table)} set ${sql.join(sets, sql`, `)} where id = ${row.id}`,
        );
      }
    });
    changed += rows.length;
  }
}

/** Before anything is sealed with the current key: record its id (a later start with another key stops). */
export async function recordDataKey(db: Executor, ring: KeyRing): Promise<void> {
  await db.execute(sql`insert into data_keys (id) values (${ring.current.id}) on conflict (id) do nothing`);
}

/** After every table is resealed: nothing is sealed with an older key any more. */
export async function forgetOldDataKeys(db: Executor, ring: KeyRing): Promise<void> {
  await db.execute(sql`delete from data_keys where id <> ${ring.current.id}`);
}
