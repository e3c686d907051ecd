import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the installable citizen app', () => {
  it('serves a manifest named from the profile, scoped to /app/, with any and maskable icons', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/app/manifest.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = res.json();
    expect(manifest).toMatchObject({
      name: 'Long An Số',
      lang: 'vi',
      start_url: '/app/',
      scope: '/app/',
      display: 'standalone',
    });
    const purposes = manifest.icons.map((i: { purpose: string; sizes: string }) => `${i.purpose} ${i.sizes}`);
    expect(purposes).toEqual(expect.arrayContaining(['any 192x192', 'any 512x512', 'maskable 512x512']));
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const png = await t.app.http.inject({ method: 'GET', url: icon.src });
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      const meta = await sharp(png.rawPayload).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
      expect(meta.format).toBe('png');
    }
  });

  it('serves the apple touch icon and refuses unknown icon names', async () => {
    const apple = await t.app.http.inject({ method: 'GET', url: '/app/icons/apple-touch-icon.png' });
    expect((await sharp(apple.rawPayload).metadata()).width).toBe(180);
    const unknown = await t.app.http.inject({ method: 'GET', url: '/app/icons/..%2F..%2Fpackage.json' });
    expect(unknown.statusCode).toBe(404);
  });

  it('serves the service worker with a version, never cached, allowed on /app/', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/app/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['service-worker-allowed']).toBe('/app/');
    expect(res.body).not.toContain('__VERSION__');
    expect(res.body).toMatch(/const VERSION = '([0-9a-f]{12}|dev)';/);
    expect(res.body).toContain("addEventListener('push'");
  });
});

describe('the installation guide /cai-dat', () => {
  it('has a QR code to the app and the steps for Android and iPhone, in Vietnamese', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/cai-dat' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toMatch(/<svg role="img" aria-label="QR"[^>]*>/);
    expect(res.body).toContain(`${t.config.publicUrl.replace(/\/+$/, '')}/app/`);
    expect(res.body).toContain('Thêm vào MH chính');
    expect(res.body).toContain('Android');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('is in English on request', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/cai-dat?lang=en' });
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Add to Home Screen');
  });
});
