import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../../../contracts/report-lifecycle.js';
import { eq } from 'drizzle-orm';
import { createTestApp, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { SmtpSink } from '../../../testing/smtp-sink.js';
import { mailMessages } from '../channels.schema.js';
import * as repo from '../channels.repository.js';
import { blindIndex } from '../../../platform/crypto/field-cipher.js';

let t: TestApp;
const sink = new SmtpSink();

beforeAll(async () => {
  const url = await sink.start();
  t = await createTestApp({
    jobs: true,
    env: {
      SEED: 'base',
      SMTP_URL: url,
      MAIL_FROM: '"Tổng đài 1022" <1022@longan.gov.vn>',
      MAIL_AUTO_CAP_PER_HOUR: '2',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await sink.stop();
});

const submit = (email: string, title = 'Đèn đường hỏng cả dãy') =>
  new TestClient(t.app).post('/api/v1/reports', {
    categoryCode: 'chieu_sang',
    title,
    body: 'Cả dãy đèn đường trên đường Nguyễn Huệ không sáng ba đêm nay, rất nguy hiểm cho người đi đường.',
    reporter: { email },
    consent: true,
  });

describe(`reporter mail over SMTP (${TEST_ENGINE})`, () => {
  it('sends the acknowledgement in Vietnamese, text and HTML, with our stored Message-ID and Auto-Submitted', async () => {
    const res = await submit('Chi.Lan@Example.VN');
    expect(res.statusCode).toBe(201);
    const { id, trackingCode } = res.json();
    const mail = await sink.waitFor((m) => m.parsed.subject?.includes(trackingCode) ?? false);
    expect(mail.envelopeTo).toEqual(['chi.lan@example.vn']);
    expect(mail.parsed.from?.value[0]?.address).toBe('1022@longan.gov.vn');
    expect(mail.parsed.subject).toBe(`[${trackingCode}] ${STATUS_LABELS.received.vi}`);
    expect(mail.parsed.text).toContain('Chúng tôi đã tiếp nhận phản ánh "Đèn đường hỏng cả dãy"');
    expect(mail.parsed.html).toContain(`/tra-cuu?ma=${trackingCode}</a>`);
    // The reporter's footer: keep the code when replying (a reply joins the report).
    expect(mail.parsed.text).toContain(
      `-- \nTổng đài 1022 — thư tự động. Khi trả lời, xin giữ nguyên mã ${trackingCode} trong tiêu đề.`,
    );
    expect(mail.parsed.text).not.toContain('/console/thong-bao');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@longan\.gov\.vn>$/);
    const [stored] = await t.app.database.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.messageId, mail.parsed.messageId!));
    expect(stored).toMatchObject({ direction: 'out', reportId: id, kind: 'ack', automatic: true });
  });

  it('caps automatic mail per address and records the notice as suppressed', async () => {
    const address = 'bom@example.vn';
    const codes: string[] = [];
    for (let i = 0; i < 3; i++)
      codes.push((await submit(address, `Phản ánh số ${i + 1} về đèn`)).json().trackingCode);
    const deadline = Date.now() + 20_000;
    let suppressed = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const { rows } = (await t.app.database.executeSql(
        `select e.data from report_events e join reports r on r.id = e.report_id
          where r.reporter_email_hash = $1 and e.action = 'reporter_notified'`,
        [blindIndex(address.toLowerCase())],
      )) as { rows: { data: { suppressed?: string } }[] };
      suppressed = rows.filter((r) => r.data.suppressed === 'cap').length;
      if (rows.length === 3) break;
    }
    expect(suppressed).toBe(1);
    expect(sink.received.filter((m) => m.envelopeTo.includes(address))).toHaveLength(2);
    expect(await repo.automaticMailsSince(t.app.database.db, address, new Date(Date.now() - 3600_000))).toBe(
      2,
    );
  });

  it('sends nothing to an address that bounced', async () => {
    await repo.markUndeliverable(t.app.database.db, 'gone@example.vn', new Date(), 'test');
    const { id } = (await submit('gone@example.vn')).json();
    const deadline = Date.now() + 20_000;
    let data: { suppressed?: string } | undefined;
    while (!data && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const { eventsOf } = await import('../../feedback/feedback.repository.js');
      data = (await eventsOf(t.app.database.db, id, false)).find((e) => e.action === 'reporter_notified')
        ?.data as { suppressed?: string } | undefined;
    }
    expect(data?.suppressed).toBe('undeliverable');
    expect(sink.received.some((m) => m.envelopeTo.includes('gone@example.vn'))).toBe(false);
  });
});
