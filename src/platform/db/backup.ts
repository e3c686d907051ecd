import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../lock/data-dir-lock.js';
import { PGLITE_EXTENSIONS } from './database.js';

// Backups of either size of the program. The embedded database (PGlite in DATA_DIR/db) is saved as
// PGlite's own data-folder archive (.tar.gz) while no server holds the folder (the lockfile says so); a
// PostgreSQL server is saved with its own tools, pg_dump's custom format, and restored with pg_restore.

/** Saves the embedded database of `dataDir` to `file` (the server must be stopped: the folder is locked). */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  const release = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'db'), extensions: PGLITE_EXTENSIONS });
    try {
      const archive = await pglite.dumpDataDir('gzip');
      const bytes = Buffer.from(await archive.arrayBuffer());
      await writeFile(file, bytes);
      return bytes.length;
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

/** Restores an embedded backup into `dataDir` (which must hold no database yet). */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  const dbDir = path.join(dataDir, 'db');
  if (existsSync(dbDir) && readdirSync(dbDir).length > 0)
    throw new Error(
      `${dbDir} đã có dữ liệu; hãy khôi phục vào một thư mục trống / already holds a database; restore into an empty folder`,
    );
  mkdirSync(dbDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const archive = new Blob([await readFile(file)]);
    const pglite = await PGlite.create({
      dataDir: dbDir,
      loadDataDir: archive,
      extensions: PGLITE_EXTENSIONS,
    });
    await pglite.query('select 1');
    await pglite.close();
  } finally {
    release();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${err.trim()}`)),
    );
  });
}

/** Saves a PostgreSQL database with pg_dump (custom format: compressed, restorable table by table). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url]);
}

/** Restores a pg_dump backup into a PostgreSQL database (an empty one: a fresh `createdb`). */
export async function restorePostgres(file: string, url: string): Promise<void> {
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, file]);
}
