import { describe, expect, it } from 'vitest';
import { DatabaseUnreachableError, openPostgres } from './database.js';

describe('openPostgres', () => {
  it('fails fast and clearly when the server cannot be reached, without printing the password', async () => {
    const err = await openPostgres('postgres://tinhso:secret@127.0.0.1:1/tinhso').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnreachableError);
    expect((err as Error).message).toMatch(/Không kết nối được cơ sở dữ liệu/);
    expect((err as Error).message).not.toContain('secret');
  });
});
