import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.js';
import type { Actor } from '../../../platform/audit/audit.js';
import { auditLog } from '../../../platform/audit/audit.schema.js';
import { verifyAuditChain } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { localFileStorage } from '../../../platform/storage/storage.js';
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from '../../../testing/test-database.js';
import type { Principal } from '../../identity/index.js';
import { reportAttachments, reports } from '../feedback.schema.js';
import type { AttachmentDeps } from './attachment-deps.js';
import { contentDisposition } from './attachments.routes.js';
import { claimAttachments } from './claim-attachments.js';
import { setAttachmentHidden } from './moderate-attachment.js';
import { readAttachment } from './serve-attachment.js';
import { sanitizeFileName, uploadAttachment } from './upload-attachment.js';

let testDb: TestDatabase;
let dir: string;
let deps: AttachmentDeps;

const actor: Actor = { id: null, label: 'test' };
const AGENCY_A = randomUUID();
const AGENCY_B = randomUUID();

function principal(kind: 'staff' | 'citizen', role: Role, agencyId?: string): Principal {
  return {
    userId: randomUUID(),
    kind,
    label: role,
    grants: [{ role, agencyId: agencyId ?? null, unitCode: null }],
    scopes: new Map(agencyId ? [[role, new Set([agencyId])]] : []),
    totpEnabled: false,
    mfaVerified: false,
    sessionId: 's',
    csrfToken: 'c',
  };
}

const citizen = principal('citizen', 'citizen');
const ioc = principal('staff', 'ioc_operator');
const handlerA = principal('staff', 'agency_handler', AGENCY_A);
const handlerB = principal('staff', 'agency_handler', AGENCY_B);
const callAgent = principal('staff', 'call_agent');

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'ok';
}

/** A phone-like JPEG: rotated by EXIF (orientation 6), with a camera make and GPS position. */
async function phoneJpeg(width = 640, height = 320): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneCo', Copyright: 'x' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '10/1 32/1 900/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 24/1 3852/100',
      },
    })
    .toBuffer();
}

async function newReport(over: Partial<typeof reports.$inferInsert> = {}): Promise<string> {
  const [row] = await testDb.database.db
    .insert(reports)
    .values({
      trackingCode: `T-${randomUUID().slice(0, 8)}`,
      channel: 'web',
      citizenCategoryCode: 'giao_thong_ha_tang',
      categoryCode: 'giao_thong_ha_tang',
      title: 'Ổ gà trên đường',
      body: 'Ổ gà lớn trước số nhà 45.',
      urgency: 'normal',
      ...over,
    })
    .returning({ id: reports.id });
  return row!.id;
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'tinhso-attachments-'));
  deps = {
    database: testDb.database,
    config: { publicUrl: 'http://localhost:3000', secureCookies: false },
    sms: { send: async () => {} },
    brandName: 'Test',
    now: () => new Date(),
    storage: localFileStorage(path.join(dir, 'files')),
  };
});
afterAll(async () => {
  await testDb?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`attachments (${TEST_ENGINE})`, () => {
  it('re-encodes a phone photo: upright, no EXIF/GPS left, with a thumbnail, a sha256 and an audit row', async () => {
    const input = await phoneJpeg(3200, 1600);
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.length).toBeGreaterThan(0);
    // The GPS IFD pointer (tag 0x8825) is there before.
    expect(
      before.exif!.includes(Buffer.from([0x88, 0x25])) || before.exif!.includes(Buffer.from([0x25, 0x88])),
    ).toBe(true);

    const res = await uploadAttachment(
      deps,
      null,
      { fileName: 'C:\\fakepath\\IMG_0001.JPG', data: input },
      actor,
    );
    expect(res).toMatchObject({ kind: 'photo', fileName: 'IMG_0001.jpg', mimeType: 'image/jpeg' });
    expect(res.uploadToken).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const [row] = await testDb.database.db
      .select()
      .from(reportAttachments)
      .where(eq(reportAttachments.id, res.id));
    expect(row).toMatchObject({
      reportId: null,
      uploadedBy: null,
      kind: 'photo',
      hidden: false,
      size: res.size,
    });
    expect(row!.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.jpg$/);
    const stored = (await deps.storage.get(row!.storageKey))!;
    expect(stored.length).toBe(res.size);
    const { createHash } = await import('node:crypto');
    expect(row!.sha256).toBe(createHash('sha256').update(stored).digest('hex'));

    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // Rotated upright (portrait) and no longer side than 2560 px.
    expect([after.width, after.height]).toEqual([1280, 2560]);
    expect(stored.includes('PhoneCo')).toBe(false);

    const thumb = await sharp((await deps.storage.get(row!.thumbnailKey!))!).metadata();
    expect(thumb.format).toBe('jpeg');
    expect(Math.max(thumb.width, thumb.height)).toBe(320);
    expect(thumb.exif).toBeUndefined();

    const audit = await testDb.database.db.select().from(auditLog).where(eq(auditLog.entityId, res.id));
    expect(audit.map((a) => a.action)).toEqual(['attachment.uploaded']);
    expect((await verifyAuditChain(testDb.database)).ok).toBe(true);
  });

  it('refuses a PDF named .jpg (mismatch), a text file, a zip, and an 11 MB photo; stores nothing', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    expect(await code(uploadAttachment(deps, null, { fileName: 'evil.jpg', data: pdf }, actor))).toBe(
      'file_type_mismatch',
    );
    expect(
      await code(
        uploadAttachment(deps, null, { fileName: 'anh.jpg', data: Buffer.from('chỉ là văn bản') }, actor),
      ),
    ).toBe('file_type_not_allowed');
    expect(
      await code(
        uploadAttachment(deps, null, { fileName: 'notes.txt', data: Buffer.from('hello world') }, actor),
      ),
    ).toBe('file_type_not_allowed');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expect(await code(uploadAttachment(deps, null, { fileName: 'a.zip', data: zip }, actor))).toBe(
      'file_type_not_allowed',
    );
    const huge = Buffer.concat([await phoneJpeg(), Buffer.alloc(11 * 1024 * 1024)]);
    expect(await code(uploadAttachment(deps, null, { fileName: 'big.jpg', data: huge }, actor))).toBe(
      'file_too_large',
    );
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200)]);
    expect(await code(uploadAttachment(deps, null, { fileName: 'broken.jpg', data: broken }, actor))).toBe(
      'image_unreadable',
    );
    expect(
      await code(uploadAttachment(deps, null, { fileName: 'empty.jpg', data: Buffer.alloc(0) }, actor)),
    ).toBe('validation');
  });

  it('keeps a PDF as sent, with a sanitised display name', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const res = await uploadAttachment(
      deps,
      citizen,
      { fileName: '../../Công văn\u202Egpj.exe\u0007 số 12.PDF', data: pdf },
      actor,
    );
    expect(res).toMatchObject({
      kind: 'document',
      mimeType: 'application/pdf',
      size: pdf.length,
      fileName: 'Công văngpj.exe số 12.pdf',
    });
  });

  it('claims only what the sender can prove; a wrong token claims nothing', async () => {
    const jpeg = await phoneJpeg();
    const a = await uploadAttachment(deps, null, { fileName: 'a.jpg', data: jpeg }, actor);
    const b = await uploadAttachment(deps, null, { fileName: 'b.jpg', data: jpeg }, actor);
    const mine = await uploadAttachment(deps, citizen, { fileName: 'c.jpg', data: jpeg }, actor);
    const reportId = await newReport();
    const db = testDb.database.db;

    // Token for a, but a wrong one for b: the whole transaction fails, a stays unclaimed.
    const wrong = db.transaction((tx) =>
      claimAttachments(
        tx,
        reportId,
        [a.id, b.id],
        { uploadTokens: [a.uploadToken, 'x'.repeat(32)] },
        'report',
      ),
    );
    expect(await code(wrong)).toBe('validation');
    expect(
      await code(
        db.transaction((tx) =>
          claimAttachments(tx, reportId, [randomUUID()], { uploadTokens: [] }, 'report'),
        ),
      ),
    ).toBe('validation');
    // Someone else's upload cannot be claimed by a signed-in person who did not upload it.
    expect(
      await code(
        db.transaction((tx) => claimAttachments(tx, reportId, [mine.id], { userId: ioc.userId }, 'report')),
      ),
    ).toBe('validation');
    const unclaimed = await db
      .select()
      .from(reportAttachments)
      .where(eq(reportAttachments.reportId, reportId));
    expect(unclaimed).toEqual([]);

    await db.transaction((tx) =>
      claimAttachments(
        tx,
        reportId,
        [a.id, b.id, mine.id],
        { uploadTokens: [a.uploadToken, b.uploadToken], userId: citizen.userId },
        'report',
      ),
    );
    const claimed = await db.select().from(reportAttachments).where(eq(reportAttachments.reportId, reportId));
    expect(claimed.map((r) => r.id).sort()).toEqual([a.id, b.id, mine.id].sort());
    expect(claimed.every((r) => r.uploadToken === null && r.purpose === 'report')).toBe(true);

    // Already claimed: refused, even with the right token.
    const other = await newReport();
    expect(
      await code(
        db.transaction((tx) =>
          claimAttachments(tx, other, [a.id], { uploadTokens: [a.uploadToken] }, 'report'),
        ),
      ),
    ).toBe('validation');
  });

  it('refuses more than 10 files per report', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const uploads = [];
    for (let i = 0; i < 11; i++)
      uploads.push(await uploadAttachment(deps, citizen, { fileName: `${i}.pdf`, data: pdf }, actor));
    const reportId = await newReport();
    const db = testDb.database.db;
    const all = uploads.map((u) => u.id);
    expect(
      await code(
        db.transaction((tx) => claimAttachments(tx, reportId, all, { userId: citizen.userId }, 'report')),
      ),
    ).toBe('validation');
    await db.transaction((tx) =>
      claimAttachments(tx, reportId, all.slice(0, 10), { userId: citizen.userId }, 'report'),
    );
    expect(
      await code(
        db.transaction((tx) =>
          claimAttachments(tx, reportId, all.slice(10), { userId: citizen.userId }, 'report'),
        ),
      ),
    ).toBe('validation');
  });

  it('serves by role and report state; a hidden file never publicly, only to staff who triage or handle', async () => {
    const jpeg = await phoneJpeg();
    const up = await uploadAttachment(deps, citizen, { fileName: 'o-ga.jpg', data: jpeg }, actor);
    const reportId = await newReport({ agencyId: AGENCY_A, reporterUserId: citizen.userId });
    const db = testDb.database.db;

    // Unclaimed: the uploader and IOC, not an agency, never the public.
    expect((await readAttachment(deps, citizen, up.id, { publicOnly: false })).mimeType).toBe('image/jpeg');
    expect(await code(readAttachment(deps, ioc, up.id, { publicOnly: false }))).toBe('ok');
    expect(await code(readAttachment(deps, handlerA, up.id, { publicOnly: false }))).toBe('upload_not_found');
    expect(await code(readAttachment(deps, null, up.id, { publicOnly: true }))).toBe('upload_not_found');

    await db.transaction((tx) =>
      claimAttachments(tx, reportId, [up.id], { uploadTokens: [up.uploadToken] }, 'report'),
    );
    expect(await code(readAttachment(deps, null, up.id, { publicOnly: true }))).toBe('upload_not_found');
    expect(await code(readAttachment(deps, null, up.id, { publicOnly: false }))).toBe('unauthenticated');
    expect(await code(readAttachment(deps, handlerA, up.id, { publicOnly: false }))).toBe('ok');
    expect(await code(readAttachment(deps, handlerB, up.id, { publicOnly: false }))).toBe('upload_not_found');
    expect(
      await code(readAttachment(deps, handlerB, up.id, { publicOnly: false, canSee: async () => true })),
    ).toBe('ok');
    expect(
      await code(readAttachment(deps, principal('citizen', 'citizen'), up.id, { publicOnly: false })),
    ).toBe('upload_not_found');

    await db.update(reports).set({ status: 'published' }).where(eq(reports.id, reportId));
    const pub = await readAttachment(deps, null, up.id, { publicOnly: true, thumbnail: true });
    expect(pub.mimeType).toBe('image/jpeg');
    expect((await sharp(pub.data).metadata()).width).toBeLessThanOrEqual(320);

    // Moderation: only IOC (reports.triage) hides; then not public, not the reporter, not the call centre.
    expect(await code(setAttachmentHidden(deps, handlerA, up.id, true, 'Lộ mặt người đi đường', actor))).toBe(
      'forbidden',
    );
    expect(await setAttachmentHidden(deps, ioc, up.id, true, 'Lộ mặt người đi đường', actor)).toEqual({
      id: up.id,
      reportId,
      hidden: true,
    });
    expect(await code(readAttachment(deps, null, up.id, { publicOnly: true }))).toBe('upload_not_found');
    expect(await code(readAttachment(deps, citizen, up.id, { publicOnly: false }))).toBe('upload_not_found');
    expect(await code(readAttachment(deps, callAgent, up.id, { publicOnly: false }))).toBe(
      'upload_not_found',
    );
    expect(await code(readAttachment(deps, ioc, up.id, { publicOnly: false }))).toBe('ok');
    expect(await code(readAttachment(deps, handlerA, up.id, { publicOnly: false }))).toBe('ok');
    expect(await code(readAttachment(deps, handlerB, up.id, { publicOnly: false }))).toBe('upload_not_found');
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, up.id));
    expect(audit.map((a) => a.action)).toEqual(['attachment.uploaded', 'attachment.hidden']);

    await setAttachmentHidden(deps, ioc, up.id, false, 'Đã kiểm tra lại', actor);
    expect(await code(readAttachment(deps, null, up.id, { publicOnly: true }))).toBe('ok');
    expect(await code(setAttachmentHidden(deps, ioc, randomUUID(), true, 'không có', actor))).toBe(
      'upload_not_found',
    );
  });

  it('makes display names and Content-Disposition safe', () => {
    expect(sanitizeFileName('/etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('...')).toBe('tep-dinh-kem');
    expect(sanitizeFileName(`${'a'.repeat(300)}.pdf`)).toBe(`${'a'.repeat(116)}.pdf`);
    expect(sanitizeFileName('ảnh.heic', 'jpg')).toBe('ảnh.jpg');
    expect(contentDisposition('attachment', 'Công văn "số 1".pdf')).toBe(
      `attachment; filename="Cong van _so 1_.pdf"; filename*=UTF-8''C%C3%B4ng%20v%C4%83n%20%22s%E1%BB%91%201%22.pdf`,
    );
    expect(contentDisposition('inline', 'Đường (1).jpg')).toBe(
      `inline; filename="Duong (1).jpg"; filename*=UTF-8''%C4%90%C6%B0%E1%BB%9Dng%20%281%29.jpg`,
    );
  });
});
