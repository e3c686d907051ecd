import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    public readonly dir: string,
    public readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng; hãy dừng tiến trình đó hoặc dùng DATA_DIR khác.\n` +
        `The data folder ${dir} is in use by process ${pid}; stop it or use another DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on the embedded database folder (PGlite takes none of its own, and two
 * openers corrupt it). A lock left by a dead process is taken over. Returns the release function.
 */
export class DataDirUnusableError extends Error {
  constructor(dir: string, cause: unknown) {
    const reason = (cause as Error).message;
    super(
      `Không dùng được thư mục dữ liệu ${dir} (${reason}); hãy đặt DATA_DIR là một thư mục ghi được.\n` +
        `The data folder ${dir} cannot be used (${reason}); set DATA_DIR to a writable folder.`,
    );
    this.name = 'DataDirUnusableError';
  }
}

export function lockDataDir(dir: string): () => void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new DataDirUnusableError(dir, err);
  }
  const file = path.join(dir, 'tinhso.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      if (pid === process.pid) throw new DataDirLockedError(dir, pid);
      unlinkSync(file); // stale lock of a dead process
    }
  }
  throw new Error(`cannot lock ${dir}`);
}
