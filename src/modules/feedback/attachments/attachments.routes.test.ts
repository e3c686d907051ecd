import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFileStorage } from '../../../platform/storage/storage.js';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { registerAttachmentRoutes } from './attachments.routes.js';

let t: TestApp;
let dir: string;
let ioc: TestClient;
let jpeg: Buffer;

function multipart(fileName: string, data: Buffer, field = 'file', type = 'application/octet-stream') {
  const boundary = `----tinhso${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(fileName: string, data: Buffer, client?: TestClient, field = 'file') {
  const body = multipart(fileName, data, field);
  return t.app.http.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: {
      'content-type': body.contentType,
      ...(client?.cookie ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}),
    },
    payload: body.payload,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(path.join(tmpdir(), 'tinhso-attachment-routes-'));
  // Until the composition root registers the routes itself.
  if (!t.app.http.hasRoute({ method: 'GET', url: '/api/v1/public/attachments/:id' })) {
    await registerAttachmentRoutes(t.app.http, {
      database: t.testDb.database,
      config: t.config,
      sms: t.sms,
      brandName: 'Test',
      now: () => new Date(),
      storage: localFileStorage(path.join(dir, 'files')),
    });
  }
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
  jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#246' } })
    .jpeg()
    .withExifMerge({
      IFD0: { Make: 'PhoneCo' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 32/1 900/100' },
    })
    .toBuffer();
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`attachments over HTTP (${TEST_ENGINE})`, () => {
  let photoId: string;

  it('takes an anonymous photo upload, then the report claims it with the upload token', async () => {
    const res = await upload('o-ga.jpg', jpeg);
    expect(res.statusCode).toBe(201);
    const up = res.json();
    expect(up).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', fileName: 'o-ga.jpg' });
    photoId = up.id;

    const citizen = new TestClient(t.app);
    const report = await citizen.post('/api/v1/reports', {
      categoryCode: 'giao_thong_ha_tang',
      title: 'Ổ gà lớn trên đường Hùng Vương',
      body: 'Trước số nhà 45 đường Hùng Vương có ổ gà sâu khoảng 15cm, xe máy dễ té ngã vào ban đêm.',
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { name: 'Nguyễn Văn An', phone: '0909123456' },
      consent: true,
      attachmentIds: [up.id],
      uploadTokens: [up.uploadToken],
    });
    expect(report.statusCode).toBe(201);

    const file = await ioc.get(`/api/v1/attachments/${photoId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `inline; filename="o-ga.jpg"; filename*=UTF-8''o-ga.jpg`,
    );
    expect((await sharp(file.rawPayload).metadata()).exif).toBeUndefined();
    const thumb = await ioc.get(`/api/v1/attachments/${photoId}?thumb=1`);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);

    const part = await ioc.request('GET', `/api/v1/attachments/${photoId}`, undefined, {
      range: 'bytes=0-9',
    });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.length).toBe(10);
    expect(part.headers['content-range']).toBe(`bytes 0-9/${file.rawPayload.length}`);

    // Not public until the answer is published; anonymous people cannot use the staff route.
    expect((await new TestClient(t.app).get(`/api/v1/public/attachments/${photoId}`)).json().code).toBe(
      'upload_not_found',
    );
    expect((await new TestClient(t.app).get(`/api/v1/attachments/${photoId}`)).statusCode).toBe(401);
  });

  it('refuses files by content, size and shape with catalogue problems', async () => {
    const mismatch = await upload('evil.jpg', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(mismatch.statusCode).toBe(415);
    expect(mismatch.json()).toMatchObject({ code: 'file_type_mismatch' });
    expect((await upload('a.jpg', Buffer.from('plain text'))).json().code).toBe('file_type_not_allowed');
    const big = await upload('big.jpg', Buffer.concat([jpeg, Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'file_too_large', title: 'Tệp quá lớn (tối đa 10 MB).' });
    const huge = await upload('huge.mp4', Buffer.alloc(51 * 1024 * 1024));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('file_too_large');
    expect((await upload('a.jpg', jpeg, undefined, 'other')).json().code).toBe('validation');
    const json = await new TestClient(t.app).post('/api/v1/uploads', { file: 'x' });
    expect(json.json().code).toBe('unsupported_media_type');
  });

  it('serves documents as downloads', async () => {
    const res = await upload('Công văn số 12.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), ioc);
    expect(res.statusCode).toBe(201);
    const file = await ioc.get(`/api/v1/attachments/${res.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="Cong van so 12.pdf"; filename\*=UTF-8''C%C3%B4ng/,
    );
  });

  it('serves files of published reports publicly with an hour of caching, until IOC hides one', async () => {
    await t.testDb.database.query(
      "update reports set status = 'published' where id = (select report_id from report_attachments where id = $1)",
      [photoId],
    );
    const pub = await new TestClient(t.app).get(`/api/v1/public/attachments/${photoId}?thumb=1`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['cache-control']).toBe('public, max-age=3600');
    expect(pub.headers['content-type']).toBe('image/jpeg');

    const anon = await new TestClient(t.app).post(`/api/v1/attachments/${photoId}/visibility`, {
      hidden: true,
      reason: 'Lộ biển số xe',
    });
    expect(anon.statusCode).toBe(401);
    const handler = new TestClient(t.app);
    await handler.signIn('canbo', TEST_DEMO_PASSWORD);
    expect(
      (
        await handler.post(`/api/v1/attachments/${photoId}/visibility`, {
          hidden: true,
          reason: 'Lộ biển số xe',
        })
      ).statusCode,
    ).toBe(403);
    const res = await ioc.post(`/api/v1/attachments/${photoId}/visibility`, {
      hidden: true,
      reason: 'Lộ biển số xe',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: photoId, hidden: true });
    expect((await ioc.get(`/api/v1/attachments/${photoId}`)).statusCode).toBe(200);
    expect((await new TestClient(t.app).get(`/api/v1/public/attachments/${photoId}`)).statusCode).toBe(404);
  });

  it('masks regions of a photo for the public while staff keep the original (moderation)', async () => {
    // Noise, so that a masked region is told apart from the original by its detail.
    const noisy = await sharp({
      create: {
        width: 600,
        height: 400,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    const up = (await upload('bien-so.jpg', noisy)).json();
    const citizen = new TestClient(t.app);
    const created = await citizen.post('/api/v1/reports', {
      categoryCode: 'giao_thong_ha_tang',
      title: 'Xe đậu chắn lối đi trước trường học',
      body: 'Xe ô tô đậu chắn lối đi trước cổng trường tiểu học mỗi sáng, học sinh phải đi xuống lòng đường.',
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { name: 'Trần Thị Bình', phone: '0909123457' },
      consent: true,
      attachmentIds: [up.id],
      uploadTokens: [up.uploadToken],
    });
    expect(created.statusCode).toBe(201);
    const { id: reportId, trackingCode } = created.json();
    await t.testDb.database.query(
      "update reports set status = 'published', answer = 'Đã nhắc nhở chủ xe.' where id = $1",
      [reportId],
    );
    const original = (await ioc.get(`/api/v1/attachments/${up.id}`)).rawPayload;
    const region = { x: 0.25, y: 0.25, width: 0.5, height: 0.5 };
    const url = `/api/v1/attachments/${up.id}/redaction`;

    // Who may: the IOC's moderators, not an agency's handler, not anonymous people.
    const handler = new TestClient(t.app);
    await handler.signIn('canbo', TEST_DEMO_PASSWORD);
    expect((await handler.put(url, { regions: [region], reason: 'Lộ biển số xe' })).statusCode).toBe(403);
    expect(
      (await new TestClient(t.app).put(url, { regions: [region], reason: 'Lộ biển số xe' })).statusCode,
    ).toBe(401);
    // Bad input: a region outside the photo, no reason, a document, an unknown file — nothing changes.
    const outside = await ioc.put(url, { regions: [{ ...region, x: 0.8 }], reason: 'Lộ biển số xe' });
    expect(outside.statusCode).toBe(400);
    expect(outside.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await ioc.put(url, { regions: [region], reason: '' })).statusCode).toBe(400);
    const pdf = (await upload('cv.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), ioc)).json();
    const notPhoto = await ioc.put(`/api/v1/attachments/${pdf.id}/redaction`, {
      regions: [region],
      reason: 'Lộ số điện thoại',
    });
    expect(notPhoto.statusCode).toBe(422);
    expect(notPhoto.json().code).toBe('attachment_not_photo');
    expect(
      (
        await ioc.put('/api/v1/attachments/00000000-0000-4000-8000-000000000000/redaction', {
          regions: [region],
          reason: 'Lộ biển số xe',
        })
      ).statusCode,
    ).toBe(404);
    const before = await new TestClient(t.app).get(`/api/v1/public/attachments/${up.id}`);
    expect(before.rawPayload.equals(original)).toBe(true);

    const res = await ioc.put(url, { regions: [region], reason: 'Lộ biển số xe' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: up.id, reportId, redactions: [region] });

    const pub = await new TestClient(t.app).get(`/api/v1/public/attachments/${up.id}`);
    expect(pub.statusCode).toBe(200);
    const a = await sharp(original).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(pub.rawPayload).raw().toBuffer({ resolveWithObject: true });
    expect(b.info).toMatchObject({ width: 600, height: 400 });
    // Mean change per channel and spread of values, over a box of the photo.
    const box = (img: Buffer, x0: number, y0: number, x1: number, y1: number) => {
      let n = 0;
      let diff = 0;
      let sum = 0;
      let sq = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++)
          for (let c = 0; c < 3; c++) {
            const i = (y * 600 + x) * 3 + c;
            diff += Math.abs(img[i]! - a.data[i]!);
            sum += img[i]!;
            sq += img[i]! * img[i]!;
            n++;
          }
      return { diff: diff / n, spread: Math.sqrt(sq / n - (sum / n) ** 2) };
    };
    const inside = box(b.data, 170, 120, 430, 280);
    const kept = box(b.data, 0, 0, 140, 90);
    expect(inside.diff).toBeGreaterThan(25);
    expect(inside.spread).toBeLessThan(box(a.data, 170, 120, 430, 280).spread / 3);
    expect(kept.diff).toBeLessThan(12);
    const pubThumb = await new TestClient(t.app).get(`/api/v1/public/attachments/${up.id}?thumb=1`);
    const staffThumb = await ioc.get(`/api/v1/attachments/${up.id}?thumb=1`);
    expect(pubThumb.rawPayload.equals(staffThumb.rawPayload)).toBe(false);

    // Staff and the reporter keep the original; staff can check the public copy.
    expect((await ioc.get(`/api/v1/attachments/${up.id}`)).rawPayload.equals(original)).toBe(true);
    expect(
      (await ioc.get(`/api/v1/attachments/${up.id}?view=public`)).rawPayload.equals(pub.rawPayload),
    ).toBe(true);
    const view = (await ioc.get(`/api/v1/reports/${reportId}`)).json();
    expect(view.report.attachments[0]).toMatchObject({ id: up.id, redactions: [region] });
    const publicView = (await new TestClient(t.app).get(`/api/v1/public/reports/${trackingCode}`)).json();
    expect(publicView.attachments[0].url).toMatch(
      new RegExp(`^/api/v1/public/attachments/${up.id}\\?v=[0-9a-f]{10}$`),
    );
    const audit = await t.testDb.database.query<{ action: string }>(
      "select action from audit_log where entity_id = $1 and action like 'attachment.%redacted'",
      [up.id],
    );
    expect(audit.map((r) => r.action)).toEqual(['attachment.redacted']);

    // An empty list removes the mask: the public sees the original again, under its plain address.
    const cleared = await ioc.put(url, { regions: [], reason: 'Ảnh không lộ thông tin' });
    expect(cleared.statusCode).toBe(200);
    const after = await new TestClient(t.app).get(`/api/v1/public/attachments/${up.id}`);
    expect(after.rawPayload.equals(original)).toBe(true);
    const row = await t.testDb.database.query<{ redacted_key: string | null; redactions: unknown }>(
      'select redacted_key, redactions from report_attachments where id = $1',
      [up.id],
    );
    expect(row[0]).toEqual({ redacted_key: null, redactions: null });
    expect(
      (await new TestClient(t.app).get(`/api/v1/public/reports/${trackingCode}`)).json().attachments[0].url,
    ).toBe(`/api/v1/public/attachments/${up.id}`);
  });
});
