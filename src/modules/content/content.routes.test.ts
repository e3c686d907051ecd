import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { pdfToText } from '../../testing/pdf-text.js';

let t: TestApp;
let editor: TestClient;
let approver: TestClient;
let community: TestClient;
let ioc: TestClient;
// The application's clock, moved forward by tests of scheduled publishing.
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);

beforeAll(async () => {
  t = await createTestApp({ now });
  editor = new TestClient(t.app);
  await editor.signIn('bientap', TEST_DEMO_PASSWORD);
  approver = new TestClient(t.app);
  await approver.signIn('so', TEST_DEMO_PASSWORD);
  community = new TestClient(t.app);
  await community.signIn('tocongnghe', TEST_DEMO_PASSWORD);
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
  // The machine is shared: a fresh seeded app can take a minute under load.
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const article = (over: Record<string, unknown> = {}) => ({
  type: 'article',
  title: 'Triển khai sổ sức khỏe điện tử tại Bệnh viện Đa khoa Long An',
  summary: 'Người dân có thể xem kết quả khám chữa bệnh trên ứng dụng VNeID.',
  body: '## Lợi ích\n\nNgười dân **không cần** mang theo sổ giấy.\n\n- Tra cứu lịch sử khám\n- Nhận kết quả xét nghiệm',
  category: 'kinh-te-xa-hoi',
  ...over,
});

async function act(client: TestClient, id: string, action: string, note?: string) {
  const current = (await editor.get(`/api/v1/content/items/${id}`)).json().item;
  return client.post(`/api/v1/content/items/${id}/transitions`, {
    action,
    version: current.version,
    ...(note ? { note } : {}),
  });
}

describe(`content workflow over HTTP (${TEST_ENGINE})`, () => {
  it('takes an article from draft to published: submit, approve (not by the submitter), publish', async () => {
    const created = await editor.post('/api/v1/content/items', article());
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      status: 'draft',
      version: 1,
      slug: 'trien-khai-so-suc-khoe-dien-tu-tai-benh-vien-da-khoa-long-an',
    });
    expect(item.availableActions).toEqual(expect.arrayContaining(['submit', 'archive']));

    // Not public yet.
    expect((await new TestClient(t.app).get(`/api/v1/content/public/article/${item.slug}`)).statusCode).toBe(
      404,
    );

    expect((await act(editor, item.id, 'submit')).json().status).toBe('submitted');
    // Four eyes: the submitter may not approve.
    const own = await act(editor, item.id, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('content_own_approval');
    // Someone without the permission may not either.
    expect((await act(ioc, item.id, 'approve')).statusCode).toBe(403);

    const approved = await act(approver, item.id, 'approve');
    expect(approved.json().status).toBe('approved');
    // The approver (department staff) may not publish: that is the editor's.
    expect((await act(approver, item.id, 'publish')).statusCode).toBe(403);
    const published = await act(editor, item.id, 'publish');
    expect(published.json()).toMatchObject({ status: 'published', live: true });

    const pub = await new TestClient(t.app).get(`/api/v1/content/public/article/${item.slug}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ title: article().title, category: 'kinh-te-xa-hoi' });
    expect(pub.json()).not.toHaveProperty('authorId');

    const page = await new TestClient(t.app).get(`/chuyen-doi-so/tin-tuc/${item.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<strong>không cần</strong>');
    expect(page.body).toContain(
      `<link rel="canonical" href="${t.config.publicUrl.replace(/\/$/, '')}/chuyen-doi-so/tin-tuc/${item.slug}"/>`,
    );
    expect(page.body).toContain('property="og:type" content="article"');
    expect(page.body).not.toMatch(/<script/i);

    // Every step is in the audit log.
    const rows = await t.app.database.query<{ action: string }>(
      `select action from audit_log where entity_id = $1 order by id`,
      [item.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'content.created',
      'content.submit',
      'content.approve',
      'content.publish',
    ]);
  });

  it('publishes at the scheduled time and unpublishes at the end of the schedule, without a job', async () => {
    const start = now();
    const publishAt = new Date(start.getTime() + 2 * 3600_000).toISOString();
    const unpublishAt = new Date(start.getTime() + 5 * 3600_000).toISOString();
    const created = await editor.post(
      '/api/v1/content/items',
      article({
        title: 'Lịch cắt điện khu vực Tân An cuối tuần',
        category: 'thong-bao',
        publishAt,
        unpublishAt,
      }),
    );
    expect(created.statusCode).toBe(201);
    const { id, slug } = created.json();
    await act(editor, id, 'submit');
    // Approval of a scheduled item schedules it: published, but not live before its time.
    const approved = (await act(approver, id, 'approve')).json();
    expect(approved).toMatchObject({ status: 'published', live: false, publishAt });
    const anon = new TestClient(t.app);
    expect((await anon.get(`/api/v1/content/public/article/${slug}`)).statusCode).toBe(404);
    expect((await anon.get('/rss.xml')).body).not.toContain(slug);
    // The portal pages are cached (30 s on the application's clock): not there yet…
    expect((await anon.get('/chuyen-doi-so')).body).not.toContain('Lịch cắt điện khu vực Tân An');
    const search = () => anon.get(`/api/v1/content/search?q=${encodeURIComponent('lich cat dien tan an')}`);
    expect((await search()).json().total).toBe(0);

    offsetMs = 3 * 3600_000;
    // …and there at the scheduled time: the public site, the RSS feed, the app's API, the search
    // (typed without diacritics by a citizen).
    expect((await anon.get(`/api/v1/content/public/article/${slug}`)).statusCode).toBe(200);
    expect((await anon.get('/rss.xml')).body).toContain(`/chuyen-doi-so/tin-tuc/${slug}`);
    expect((await anon.get('/chuyen-doi-so')).body).toContain('Lịch cắt điện khu vực Tân An cuối tuần');
    expect((await anon.get(`/chuyen-doi-so/tin-tuc/${slug}`)).statusCode).toBe(200);
    const list = (await anon.get('/api/v1/content/public?type=article&category=thong-bao')).json();
    expect(list.items.map((i: { slug: string }) => i.slug)).toContain(slug);
    const found = (await search()).json();
    expect(found.items[0]).toMatchObject({ slug, title: 'Lịch cắt điện khu vực Tân An cuối tuần' });
    expect(found.items[0].snippet.some((part: { hit: boolean }) => part.hit)).toBe(true);

    offsetMs = 6 * 3600_000;
    expect((await anon.get(`/api/v1/content/public/article/${slug}`)).statusCode).toBe(404);
    offsetMs = 0;
  });

  it('sends a correction of a published item through approval while the published text stays live', async () => {
    const { id, slug } = (
      await editor.post('/api/v1/content/items', article({ title: 'Lịch tiếp công dân tháng 12' }))
    ).json();
    await act(editor, id, 'submit');
    await act(approver, id, 'approve');
    const published = (await act(editor, id, 'publish')).json();
    const anon = new TestClient(t.app);
    const livePage = () => anon.get(`/chuyen-doi-so/tin-tuc/${slug}`);
    expect((await livePage()).body).toContain('Lịch tiếp công dân tháng 12');

    // The editor corrects the title and body: a pending correction, the public page unchanged.
    const edited = await editor.request('PUT', `/api/v1/content/items/${id}`, {
      ...article({ title: 'Lịch tiếp công dân tháng 12 (đã sửa giờ)', body: 'Từ 7 giờ 30 sáng thứ Năm.' }),
      type: undefined,
      version: published.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      status: 'published',
      live: true,
      title: 'Lịch tiếp công dân tháng 12',
      revision: { status: 'draft', title: 'Lịch tiếp công dân tháng 12 (đã sửa giờ)' },
    });
    expect(edited.json().availableActions).toEqual(expect.arrayContaining(['submit', 'unpublish']));
    expect((await livePage()).body).not.toContain('đã sửa giờ');
    const pub = await anon.get(`/api/v1/content/public/article/${slug}`);
    expect(pub.json().title).toBe('Lịch tiếp công dân tháng 12');
    // The correction cannot be approved before it is submitted, nor by who submitted it.
    expect((await act(approver, id, 'approve')).json().code).toBe('content_action_not_allowed');
    expect((await act(editor, id, 'submit')).json().revision.status).toBe('submitted');
    expect((await act(editor, id, 'approve')).json().code).toBe('content_own_approval');
    // The approver finds it among the items waiting for approval.
    const waiting = (await approver.get('/api/v1/content/items?status=submitted&limit=100')).json();
    expect(waiting.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'published',
      revision: { status: 'submitted' },
    });
    // Returned, resubmitted, approved: the corrected text is live at once (the page cache dropped).
    expect((await act(approver, id, 'return', 'Ghi rõ ngày')).json().revision.status).toBe('draft');
    await act(editor, id, 'submit');
    const approved = (await act(approver, id, 'approve')).json();
    expect(approved).toMatchObject({
      status: 'published',
      live: true,
      revision: null,
      title: 'Lịch tiếp công dân tháng 12 (đã sửa giờ)',
      body: 'Từ 7 giờ 30 sáng thứ Năm.',
      publishAt: published.publishAt,
    });
    await expect.poll(async () => (await livePage()).body).toContain('đã sửa giờ');
    const found = (await anon.get('/api/v1/content/search?q=da%20sua%20gio')).json();
    expect(found.items.map((i: { slug: string }) => i.slug)).toContain(slug);

    // History keeps every step; restoring the first text proposes it as a new correction.
    const detail = (await editor.get(`/api/v1/content/items/${id}`)).json();
    expect(detail.versions[0].note).toBe('correction: approve');
    const restored = await editor.post(`/api/v1/content/items/${id}/restore`, {
      version: 1,
      currentVersion: approved.version,
    });
    expect(restored.json()).toMatchObject({
      title: 'Lịch tiếp công dân tháng 12 (đã sửa giờ)',
      revision: { status: 'draft', title: 'Lịch tiếp công dân tháng 12' },
    });
    expect((await livePage()).body).toContain('đã sửa giờ');
    // The preview link shows the correction.
    const link = (await editor.post(`/api/v1/content/items/${id}/preview-link`)).json();
    const preview = await anon.get(new URL(link.url).pathname);
    expect(preview.body).toContain('<h1');
    expect(preview.body).not.toContain('đã sửa giờ');

    const actions = await t.app.database.query<{ action: string }>(
      `select action from audit_log where entity_id = $1 order by id`,
      [id],
    );
    expect(actions.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'content.revision_saved',
        'content.revision_submit',
        'content.revision_return',
        'content.revision_approve',
      ]),
    );
  });

  it('serves portal pages from a cache that a committed change empties at once', async () => {
    const { id, slug } = (
      await editor.post('/api/v1/content/items', article({ title: 'Thông báo bộ nhớ đệm trang' }))
    ).json();
    await act(editor, id, 'submit');
    await act(approver, id, 'approve');
    await act(editor, id, 'publish');
    const anon = new TestClient(t.app);
    const first = await anon.get(`/chuyen-doi-so/tin-tuc/${slug}`);
    expect(first.statusCode).toBe(200);
    const again = await anon.get(`/chuyen-doi-so/tin-tuc/${slug}`);
    expect(again.headers.etag).toBe(first.headers.etag);
    const revalidated = await t.app.http.inject({
      method: 'GET',
      url: `/chuyen-doi-so/tin-tuc/${slug}`,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(revalidated.statusCode).toBe(304);
    expect((await anon.get('/chuyen-doi-so')).body).toContain('Thông báo bộ nhớ đệm trang');
    await act(editor, id, 'unpublish');
    // The NOTIFY arrives after the commit (on another connection on PostgreSQL): within moments.
    await expect.poll(async () => (await anon.get(`/chuyen-doi-so/tin-tuc/${slug}`)).statusCode).toBe(404);
    expect((await anon.get('/chuyen-doi-so')).body).not.toContain('Thông báo bộ nhớ đệm trang');
  });

  it('refuses a schedule in the past, a category of another type and a document without its fields', async () => {
    const past = new Date(now().getTime() - 3600_000).toISOString();
    const cases: [Record<string, unknown>, string][] = [
      [article({ publishAt: past }), 'content_schedule_in_past'],
      [article({ category: 'y-te' }), 'content_bad_category'],
      [{ ...article({ category: 'ke-hoach' }), type: 'document' }, 'content_fields_required'],
      [
        article({
          publishAt: new Date(now().getTime() + 7200_000).toISOString(),
          unpublishAt: new Date(now().getTime() + 3600_000).toISOString(),
        }),
        'content_schedule_order',
      ],
      [article({ mediaIds: ['3f1c0d9e-4a8b-4c8e-9a57-1b2c3d4e5f60'] }), 'content_unknown_media'],
    ];
    for (const [body, code] of cases) {
      const res = await editor.post('/api/v1/content/items', body);
      expect(res.json().code, code).toBe(code);
    }
    expect((await ioc.post('/api/v1/content/items', article())).statusCode).toBe(403);
    expect((await new TestClient(t.app).post('/api/v1/content/items', article())).statusCode).toBe(401);
  });

  it('detects two editors saving the same page (409, no lost edit) and restores an earlier version', async () => {
    const { id, version } = (
      await editor.post('/api/v1/content/items', article({ title: 'Bản tin chuyển đổi số tháng 11' }))
    ).json();
    const base = { title: 'Bản tin chuyển đổi số tháng 11', summary: '', category: 'chuyen-doi-so', version };
    const first = await editor.request('PUT', `/api/v1/content/items/${id}`, {
      ...base,
      body: 'Nội dung của người thứ nhất.',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await editor.request('PUT', `/api/v1/content/items/${id}`, {
      ...base,
      body: 'Nội dung của người thứ hai.',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('content_conflict');
    const detail = (await editor.get(`/api/v1/content/items/${id}`)).json();
    expect(detail.item.body).toBe('Nội dung của người thứ nhất.');
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const restored = await editor.post(`/api/v1/content/items/${id}/restore`, {
      version: 1,
      currentVersion: 2,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ version: 3, body: article().body });
    const stale = await editor.post(`/api/v1/content/items/${id}/restore`, { version: 1, currentVersion: 2 });
    expect(stale.json().code).toBe('content_conflict');
  });

  it('stores a script in the title or body as text and shows it harmlessly', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const created = await editor.post(
      '/api/v1/content/items',
      article({
        title: `Cảnh báo ${evil}`,
        body: `${evil}\n\n[bấm vào](javascript:alert(3)) và [trang tỉnh](https://longan.gov.vn)`,
      }),
    );
    const item = created.json();
    expect(item.title).toContain('<script>');
    await act(editor, item.id, 'submit');
    await act(approver, item.id, 'approve');
    await act(editor, item.id, 'publish');
    const page = await new TestClient(t.app).get(`/chuyen-doi-so/tin-tuc/${item.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).not.toMatch(/<img src=x/i);
    expect(page.body).not.toContain('javascript:');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).toContain('href="https://longan.gov.vn"');
  });

  it('gives a draft an unguessable preview link that is not indexed and stops when replaced', async () => {
    const { id, title } = (
      await editor.post('/api/v1/content/items', article({ title: 'Bản nháp xem trước' }))
    ).json();
    const link = (await editor.post(`/api/v1/content/items/${id}/preview-link`)).json();
    const token = new URL(link.url).pathname.split('/').pop()!;
    expect(token.length).toBeGreaterThanOrEqual(43);
    const anon = new TestClient(t.app);
    const page = await anon.get(`/chuyen-doi-so/xem-truoc/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(title);
    expect(page.body).toContain('noindex');
    expect(page.headers['cache-control']).toBe('private, no-store');
    await editor.post(`/api/v1/content/items/${id}/preview-link`);
    expect((await anon.get(`/chuyen-doi-so/xem-truoc/${token}`)).statusCode).toBe(404);
    expect((await anon.get(`/chuyen-doi-so/xem-truoc/${'a'.repeat(43)}`)).statusCode).toBe(404);
  });
});

/** Parses XML with xmllint (a real parser): throws on a document that is not well-formed. */
function xmllint(xml: string, ...args: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'content-xml-')), 'doc.xml');
  writeFileSync(file, xml);
  return execFileSync('xmllint', [...args, file], { encoding: 'utf8' });
}

describe(`the demo content, search and feeds (${TEST_ENGINE})`, () => {
  const anon = () => new TestClient(t.app);

  it('seeds the letter, both plans, seven materials and the services directory (idempotently)', async () => {
    const docs = (await anon().get('/api/v1/content/public?type=document')).json();
    const numbers = docs.items.map(
      (i: { fields: { document: { number: string } } }) => i.fields.document.number,
    );
    expect(numbers).toEqual(expect.arrayContaining(['310/KH-UBND', '881/KH-UBND']));
    expect(docs.items).toHaveLength(3);
    expect(docs.more).toBe(false);
    expect((await anon().get('/api/v1/content/public?type=material')).json().items).toHaveLength(7);
    const services = (await anon().get('/api/v1/content/services')).json();
    expect(services.sectors.map((s: { code: string }) => s.code)).toEqual(
      expect.arrayContaining(['y-te', 'giao-duc', 'giao-thong', 'hanh-chinh']),
    );
    const { seedDemoContent } = await import('./content-seed.js');
    const again = await seedDemoContent({ ...t.app.feedbackDeps, storage: null as never });
    expect(again).toBe(0);
  });

  it('offers each seeded material and plan as a printable PDF to download', async () => {
    const materials = (await anon().get('/api/v1/content/public?type=material')).json().items as {
      slug: string;
      title: string;
    }[];
    const leaflet = materials.find((m) => m.title.startsWith('(1) Tờ gấp'))!;
    const item = (await anon().get(`/api/v1/content/public/material/${leaflet.slug}`)).json();
    const files = item.media.filter((m: { kind: string }) => m.kind === 'document');
    expect(files).toHaveLength(1);
    expect(files[0].mimeType).toBe('application/pdf');
    const res = await anon().get(`/api/v1/content/media/${files[0].id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment/);
    const text = await pdfToText(res.rawPayload);
    expect(text).toContain('Tờ gấp hướng dẫn cài đặt');
    expect(text).toContain('Ba bước cài đặt');
    const plans = (await anon().get('/api/v1/content/public?type=document')).json().items;
    const plan = (await anon().get(`/api/v1/content/public/document/${plans[0].slug}`)).json();
    expect(plan.media.map((m: { mimeType: string }) => m.mimeType)).toEqual(['application/pdf']);
  });

  it('pages the public list by `more` (one row past the page, no total) and counts only up to a limit', async () => {
    const page = async (n: number) =>
      (await anon().get(`/api/v1/content/public?type=material&limit=3&page=${n}`)).json();
    const pages = [await page(1), await page(2), await page(3)];
    expect(pages.map((p) => [p.page, p.items.length, p.more])).toEqual([
      [1, 3, true],
      [2, 3, true],
      [3, 1, false],
    ]);
    expect(pages[0]).not.toHaveProperty('total');
    const slugs = pages.flatMap((p) => p.items.map((i: { slug: string }) => i.slug));
    expect(new Set(slugs).size).toBe(7);
    expect((await page(4)).items).toEqual([]);
    // A list of exactly one page says no more.
    const exact = (await anon().get('/api/v1/content/public?type=material&limit=7')).json();
    expect([exact.items.length, exact.more]).toEqual([7, false]);

    const { countLiveUpTo } = await import('./content.repository.js');
    const db = t.testDb.database.db;
    expect(await countLiveUpTo(db, now(), { type: 'material' }, 3)).toBe(4);
    expect(await countLiveUpTo(db, now(), { type: 'material' }, 50)).toBe(7);
    expect(await countLiveUpTo(db, now(), { type: 'material', category: 'to-gap' }, 50)).toBeLessThan(7);

    // The portal's list: one page of 12, no pager; a page past the end is not found.
    const portal = await anon().get('/chuyen-doi-so/tai-lieu-tuyen-truyen');
    expect(portal.statusCode).toBe(200);
    expect(portal.body).not.toContain('rel="next"');
    expect((await anon().get('/chuyen-doi-so/tai-lieu-tuyen-truyen?trang=2')).statusCode).toBe(404);
  });

  it('finds Vietnamese text with or without diacritics and case, and documents by number', async () => {
    const withoutMarks = (await anon().get('/api/v1/content/search?q=ngap%20nuoc')).json();
    const withMarks = (
      await anon().get(`/api/v1/content/search?q=${encodeURIComponent('NGẬP NƯỚC')}`)
    ).json();
    expect(withoutMarks.total).toBeGreaterThan(0);
    expect(withoutMarks.items[0].title).toContain('ngập nước');
    expect(withMarks.items.map((i: { id: string }) => i.id)).toEqual(
      withoutMarks.items.map((i: { id: string }) => i.id),
    );
    // The snippet marks the words as written, with their diacritics.
    const marked = withoutMarks.items[0].snippet
      .filter((p: { hit: boolean }) => p.hit)
      .map((p: { text: string }) => p.text);
    expect(marked.join(' ').toLowerCase()).toMatch(/ngập|nước/);

    const plan = (await anon().get(`/api/v1/content/search?q=${encodeURIComponent('310/KH')}`)).json();
    expect(plan.items[0].fields.document.number).toBe('310/KH-UBND');
    const typed = (await anon().get('/api/v1/content/search?q=dich%20vu%20cong&type=service')).json();
    expect(typed.total).toBeGreaterThan(0);
    expect(typed.items.every((i: { type: string }) => i.type === 'service')).toBe(true);
    // Operators typed by a person are just text.
    expect(
      (await anon().get(`/api/v1/content/search?q=${encodeURIComponent("a & | ! ' :*")}`)).statusCode,
    ).toBe(200);

    const page = await anon().get('/chuyen-doi-so/tim-kiem?q=ngap+nuoc');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<mark>[^<]*(ngập|nước)/i);
    expect(page.body).not.toMatch(/<script/i);
  });

  it('serves a valid sitemap and RSS feeds (parsed as XML), with caching validators', async () => {
    const sitemap = await anon().get('/sitemap.xml');
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toContain('application/xml');
    xmllint(sitemap.body, '--noout');
    const locs = xmllint(sitemap.body, '--xpath', "//*[local-name()='loc']/text()");
    expect(locs).toContain('/chuyen-doi-so/van-ban/');
    expect(locs).toContain('/chuyen-doi-so/dich-vu-so/');

    const rss = await anon().get('/rss.xml');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    xmllint(rss.body, '--noout');
    const titles = xmllint(rss.body, '--xpath', '//item/title/text()');
    expect(titles).toContain('ngập nước');
    const perCategory = await anon().get('/rss/an-ninh-trat-tu.xml');
    xmllint(perCategory.body, '--noout');
    expect(xmllint(perCategory.body, '--xpath', 'count(//item)').trim()).toBe('1');
    expect((await anon().get('/rss/khong-co.xml')).statusCode).toBe(404);

    const etag = rss.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await anon().request('GET', '/rss.xml', undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
  });

  it('renders every public page as HTML with title, description, Open Graph and canonical link', async () => {
    const plan = (await anon().get(`/api/v1/content/search?q=${encodeURIComponent('310/KH')}`)).json()
      .items[0];
    const paths = [
      '/chuyen-doi-so',
      '/chuyen-doi-so/tin-tuc',
      '/chuyen-doi-so/tin-tuc/chuyen-muc/chuyen-doi-so',
      '/chuyen-doi-so/van-ban?nam=2022',
      '/chuyen-doi-so/tai-lieu-tuyen-truyen',
      '/chuyen-doi-so/dich-vu-so',
      '/chuyen-doi-so/tim-kiem',
      plan.url,
    ];
    for (const p of paths) {
      const res = await anon().get(p);
      expect(res.statusCode, p).toBe(200);
      expect(res.body, p).toMatch(/<title>[^<]+<\/title>/);
      expect(res.body, p).toContain('<meta name="description" content="');
      expect(res.body, p).toContain('<meta property="og:title"');
      expect(res.body, p).toContain('<link rel="canonical" href="http');
      expect(res.body, p).not.toMatch(/<script/i);
    }
    const docPage = (await anon().get(plan.url)).body;
    expect(docPage).toContain('310/KH-UBND');
    expect(docPage).toContain('27/01/2022');
    const services = (await anon().get('/chuyen-doi-so/dich-vu-so')).body;
    expect(services).toContain('Y tế');
    expect(services).toContain('Sổ sức khỏe điện tử');
    const filtered = (await anon().get('/chuyen-doi-so/van-ban?nam=2021')).body;
    expect(filtered).not.toContain('310/KH-UBND');
    expect((await anon().get('/chuyen-doi-so/tin-tuc/khong-ton-tai')).statusCode).toBe(404);
    expect((await anon().get('/chuyen-doi-so/khong-co')).statusCode).toBe(404);
    expect((await anon().get('/chuyen-doi-so/tin-tuc?trang=abc')).statusCode).toBe(400);
    const en = await anon().get('/chuyen-doi-so?lang=en');
    expect(en.body).toContain('<html lang="en">');
  });
});

describe(`media library (${TEST_ENGINE})`, () => {
  it('re-encodes photos without metadata, refuses files that are not what they claim, reuses media', async () => {
    const withExif = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-camera' } } })
      .toBuffer();
    expect(withExif.includes('secret-camera')).toBe(true);
    const upload = (name: string, data: Buffer, client = editor) => {
      const boundary = '----content-test';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nẢnh minh họa\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.http.inject({
        method: 'POST',
        url: '/api/v1/content/media',
        headers: {
          cookie: client.cookie,
          'x-csrf-token': client.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
    };
    const photo = await upload('anh.jpg', withExif);
    expect(photo.statusCode).toBe(201);
    const media = photo.json();
    expect(media).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg' });

    const fakePdf = await upload('ke-hoach.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(fakePdf.json().code).toBe('file_type_not_allowed');
    const mismatch = await upload('tai-lieu.pdf', withExif);
    expect(mismatch.json().code).toBe('file_type_mismatch');
    expect((await upload('anh.jpg', withExif, ioc)).statusCode).toBe(403);

    // Not public until a live item uses it; then anyone may download it, without the EXIF data.
    const anon = new TestClient(t.app);
    expect((await anon.get(media.url)).statusCode).toBe(404);
    const staffCopy = await editor.get(media.url);
    expect(staffCopy.statusCode).toBe(200);
    expect(staffCopy.rawPayload.includes('secret-camera')).toBe(false);

    for (const title of ['Ảnh dùng lần một', 'Ảnh dùng lần hai']) {
      const item = (
        await editor.post(
          '/api/v1/content/items',
          article({ title, coverMediaId: media.id, mediaIds: [media.id] }),
        )
      ).json();
      await act(editor, item.id, 'submit');
      await act(approver, item.id, 'approve');
      await act(editor, item.id, 'publish');
    }
    const open = await anon.get(media.url);
    expect(open.statusCode).toBe(200);
    expect(open.headers['cache-control']).toBe('public, max-age=86400');
    expect(open.headers['x-content-type-options']).toBe('nosniff');
    const library = (await editor.get('/api/v1/content/media?kind=photo')).json();
    expect(library.items.map((m: { id: string }) => m.id)).toContain(media.id);
  });
});

describe(`agency scoping (${TEST_ENGINE})`, () => {
  it('lets the community team write for its own agency only and see only its items', async () => {
    const own = await community.post(
      '/api/v1/content/items',
      article({ title: 'Tổ công nghệ số xã ra quân' }),
    );
    expect(own.statusCode).toBe(201);
    expect(own.json().agencyId).toBeTruthy();
    expect(own.json().availableActions).toEqual(['submit']);
    const listed = (await community.get('/api/v1/content/items')).json();
    expect(listed.items.every((i: { agencyId: string }) => i.agencyId === own.json().agencyId)).toBe(true);
    const agencies = (await ioc.get('/api/v1/agencies')).json().items as { id: string }[];
    const other = agencies.find((a) => a.id !== own.json().agencyId)!;
    const foreign = await community.post(
      '/api/v1/content/items',
      article({ title: 'Bài của đơn vị khác', agencyId: other.id }),
    );
    expect(foreign.statusCode).toBe(403);
    const editorsItem = (
      await editor.post('/api/v1/content/items', article({ title: 'Bài của biên tập viên' }))
    ).json();
    expect((await community.get(`/api/v1/content/items/${editorsItem.id}`)).statusCode).toBe(404);
  });
});
