import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, DataDirUnusableError, lockDataDir } from './data-dir-lock.js';

describe('lockDataDir', () => {
  it('refuses a second opener while the first holds the folder, then allows it after release', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tinhso-lock-'));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dir)();
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tinhso-lock-'));
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    writeFileSync(path.join(dir, 'tinhso.lock'), String(pid));
    const release = lockDataDir(dir);
    release();
  });

  it('refuses when a live process holds it, naming that process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tinhso-lock-'));
    writeFileSync(path.join(dir, 'tinhso.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`process ${process.ppid}`));
  });
});

describe('an unusable data folder', () => {
  it('is refused with a clear message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tinhso-lock-'));
    writeFileSync(path.join(dir, 'a-file'), 'x');
    expect(() => lockDataDir(path.join(dir, 'a-file', 'data'))).toThrow(DataDirUnusableError);
    expect(() => lockDataDir(path.join(dir, 'a-file', 'data'))).toThrow(/set DATA_DIR to a writable folder/);
  });
});
