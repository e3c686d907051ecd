import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('starts with sensible defaults on the embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      profile: 'long-an-2022',
      seed: 'demo',
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
    });
    expect(c.secureCookies).toBe(false);
  });

  it('names every bad value in one bilingual message, hiding secrets', () => {
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        PROFILE: 'no-such-province',
        ADMIN_PASSWORD: 'short',
        PUBLIC_URL: 'not a url',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      expect(e.problems.map((p) => p.split('=')[0])).toEqual(
        expect.arrayContaining(['PORT', 'DATABASE_URL', 'PROFILE', 'ADMIN_PASSWORD', 'PUBLIC_URL']),
      );
      expect(e.message).toContain('Cấu hình không hợp lệ');
      expect(e.message).toContain('ADMIN_PASSWORD=***');
      expect(e.message).not.toContain('short');
    }
  });

  it('keeps the CTI webhook off without CTI_SECRET and refuses a short one without showing it', () => {
    expect(loadConfig({}).cti.secret).toBeUndefined();
    const secret = 'x'.repeat(32);
    expect(loadConfig({ CTI_SECRET: secret }).cti.secret).toBe(secret);
    expect(() => loadConfig({ CTI_SECRET: 'too-short-secret' })).toThrow(/CTI_SECRET=\*\*\*/);
    try {
      loadConfig({ CTI_SECRET: 'too-short-secret' });
    } catch (err) {
      expect((err as Error).message).not.toContain('too-short-secret');
    }
  });

  it('switches to a server, secure cookies on https, and the second profile', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      PUBLIC_URL: 'https://1022.example.vn/',
      PROFILE: 'tay-ninh-2025',
    });
    expect(c.databaseUrl).toBe('postgres://u@h/db');
    expect(c.publicUrl).toBe('https://1022.example.vn');
    expect(c.secureCookies).toBe(true);
    expect(c.profile).toBe('tay-ninh-2025');
  });

  it('requires a gateway URL for the HTTP SMS adapter', () => {
    expect(() => loadConfig({ SMS_ADAPTER: 'http' })).toThrow(/SMS_HTTP_URL/);
  });
});
