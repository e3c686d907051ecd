import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSafeKey, localFileStorage, newStorageKey, type FileStorage } from './storage.js';

let root: string;
let storage: FileStorage;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tinhso-storage-'));
  storage = localFileStorage(path.join(root, 'files'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

describe('local file storage', () => {
  it('generates yyyy/mm/<uuid>.<ext> keys', () => {
    const key = newStorageKey('JPG', new Date('2026-03-05T10:00:00Z'));
    expect(key).toMatch(/^2026\/03\/[0-9a-f-]{36}\.jpg$/);
    expect(
      newStorageKey(
        'jpg',
        new Date('2026-12-31T23:00:00Z'),
        '3f1c0d9e-4a8b-4c8e-9a57-1b2c3d4e5f60',
        '-thumb',
      ),
    ).toBe('2026/12/3f1c0d9e-4a8b-4c8e-9a57-1b2c3d4e5f60-thumb.jpg');
  });

  it('writes (creating folders), reads, streams, replaces and deletes, leaving no temporary file', async () => {
    const key = newStorageKey('pdf', new Date('2026-11-29T00:00:00Z'));
    await storage.put(key, Buffer.from('%PDF-1.4 first'));
    await storage.put(key, Buffer.from('%PDF-1.4 second'));
    expect((await storage.get(key))?.toString()).toBe('%PDF-1.4 second');
    expect((await readAll((await storage.stream(key))!)).toString()).toBe('%PDF-1.4 second');
    const dir = path.join(root, 'files', '2026', '11');
    expect((await readdir(dir)).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stream(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('refuses keys that could escape the root or that we never generate', async () => {
    for (const bad of [
      '../etc/passwd',
      '2026/../../x.jpg',
      '/etc/passwd',
      'C:\\x.jpg',
      'a\\..\\b',
      '',
      'a//b.jpg',
      '.hidden',
      'a/b c.jpg',
      'x\0.jpg',
    ]) {
      expect(() => assertSafeKey(bad), bad).toThrow(/Invalid storage key/);
      await expect(storage.put(bad, Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(bad)).rejects.toThrow(/Invalid storage key/);
    }
  });
});
