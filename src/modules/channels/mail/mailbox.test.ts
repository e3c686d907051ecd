import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { Dovecot } from '../../../testing/dovecot.js';
import { SmtpSink } from '../../../testing/smtp-sink.js';
import * as feedbackRepo from '../../feedback/feedback.repository.js';
import { invalidateRoutingSnapshot } from '../../routing/index.js';
import { mailAddresses, mailMessages } from '../channels.schema.js';
import { pollMailbox } from './poll-mailbox.js';
import { blindIndex, decryptText } from '../../../platform/crypto/field-cipher.js';
import { addressIndex } from '../channels.repository.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../tests/fixtures/mail');
const fixture = (name: string, fill: Record<string, string> = {}) => {
  let text = readFileSync(path.join(FIXTURES, name), 'latin1');
  for (const [k, v] of Object.entries(fill)) text = text.replaceAll(`{{${k}}}`, v);
  return Buffer.from(text, 'latin1');
};

let t: TestApp;
let ioc: TestClient;
const dovecot = new Dovecot();
const sink = new SmtpSink();
const poll = () => pollMailbox(t.app.channels.deps, dovecot.url, 'INBOX');
const reportsFrom = async (email: string) =>
  (
    (await t.app.database.executeSql(
      'select id, tracking_code, channel, title, body, reporter_name, status from reports where reporter_email_hash = $1 order by received_at',
      [blindIndex(email.toLowerCase())],
    )) as {
      rows: {
        id: string;
        tracking_code: string;
        channel: string;
        title: string;
        body: string;
        reporter_name: string | null;
      }[];
    }
  ).rows;
const events = (id: string) => feedbackRepo.eventsOf(t.app.database.db, id, false);

async function ackTo(address: string) {
  return sink.waitFor((m) => m.envelopeTo.includes(address));
}

beforeAll(async () => {
  await dovecot.start();
  const smtpUrl = await sink.start();
  t = await createTestApp({
    jobs: true,
    env: { SMTP_URL: smtpUrl, MAIL_FROM: '"Tổng đài 1022" <1022@longan.gov.vn>' },
  });
  // The demo seed queues ~130 notices (SMS) that the queue works through one per second; they are not
  // what this file tests, and the acknowledgements below would wait behind them.
  await t.app.database.executeSql(
    `delete from pgboss.job where name = 'feedback.notify-reporter' and state = 'created'`,
  );
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await sink.stop();
  await dovecot.stop();
});

describe(`the 1022 mailbox against a real Dovecot (${TEST_ENGINE})`, () => {
  it('turns new mail into email reports, acknowledges people only, quarantines the broken one, flags all \\Seen', async () => {
    for (const f of [
      '01-qp-report.eml',
      '02-b64-photo.eml',
      '03-html-only.eml',
      '05-auto-reply.eml',
      '07-malformed.eml',
      '08-list.eml',
      '09-forwarded.eml',
    ])
      await dovecot.append(fixture(f));
    const result = await poll();
    expect(result.outcomes).toEqual([
      'report',
      'report',
      'report',
      'report',
      'quarantined',
      'report',
      'report',
    ]);
    expect([...(await dovecot.flags()).values()].every((f) => f.has('\\Seen'))).toBe(true);

    const [binh] = await reportsFrom('nguyen.van.binh@example.vn');
    expect(binh).toMatchObject({
      channel: 'email',
      title: 'Cống thoát nước bị tắc gây ngập',
    });
    // Stored encrypted (the sender's display name becomes the reporter's name).
    expect(decryptText(binh!.reporter_name!)).toBe('Nguyễn Văn Bình');
    expect(binh!.body).toContain('đường Trương Định, phường 1');
    const ack = await ackTo('nguyen.van.binh@example.vn');
    expect(ack.parsed.subject).toContain(binh!.tracking_code);
    expect(ack.parsed.inReplyTo).toBe('<CAF3b2x9-qp-0001@mail.example.vn>');
    expect(ack.parsed.headers.get('auto-submitted')).toBe('auto-replied');

    const [hoa] = await reportsFrom('hoa.le@example.vn');
    expect(hoa!.title).toBe('Ổ gà lớn trên Quốc lộ 1A đoạn qua phường 5');
    expect(hoa!.body).toContain('Em gửi kèm ảnh chụp sáng nay');
    expect(hoa!.body).toMatch(/Tệp không nhận.*hinh\.jpg\.exe: file_type_not_allowed/);
    const files = await feedbackRepo.attachmentsOf(t.app.database.db, [hoa!.id]);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', fileName: 'ổ gà.jpg' });

    const [minh] = await reportsFrom('tran.minh@example.vn');
    expect(minh!.body).toContain('Rác thải tồn đọng');
    expect(minh!.body).not.toContain('<p>');
    expect(minh!.body).not.toContain('color:red');

    const [fwd] = await reportsFrom('pham.duc@example.vn');
    expect(fwd!.body).toContain('Den duong o ap 3 hong mot tuan roi');

    // People got their acknowledgement; the out-of-office and the newsletter did not.
    await ackTo('hoa.le@example.vn');
    await ackTo('tran.minh@example.vn');
    await ackTo('pham.duc@example.vn');
    const [ooo] = await reportsFrom('vang.mat@example.vn');
    const [news] = await reportsFrom('ban-tin@news.example.vn');
    for (const r of [ooo!, news!]) {
      const received = (await events(r.id)).find((e) => e.action === 'received')!;
      expect(received.data).toMatchObject({ noAutoReply: true });
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.received.some((m) => m.envelopeTo.includes('vang.mat@example.vn'))).toBe(false);
    expect(sink.received.some((m) => m.envelopeTo.includes('ban-tin@news.example.vn'))).toBe(false);

    const q = (await ioc.get('/api/v1/mail/quarantine?status=held')).json().items;
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ reason: 'no_sender', fromAddress: null });
  });

  it('never takes the same mail in twice (unflagged after a crash between commit and flag)', async () => {
    expect((await poll()).seen).toBe(0);
    const c = await dovecot.client();
    await c.mailboxOpen('INBOX');
    await c.messageFlagsRemove('1', ['\\Seen'], { uid: true });
    await c.logout();
    const again = await poll();
    expect(again.outcomes).toEqual(['duplicate']);
    expect(await reportsFrom('nguyen.van.binh@example.vn')).toHaveLength(1);
  });

  it('threads a reply into its report by In-Reply-To, without the quoted text and without an answer', async () => {
    const [binh] = await reportsFrom('nguyen.van.binh@example.vn');
    const ack = await ackTo('nguyen.van.binh@example.vn');
    const before = sink.received.length;
    await dovecot.append(fixture('04-reply.eml', { IN_REPLY_TO: ack.parsed.messageId!, CODE: 'XX' }));
    expect((await poll()).outcomes).toEqual(['follow_up']);
    const followUp = (await events(binh!.id)).find((e) => e.action === 'mail_follow_up')!;
    expect(followUp.note).toBe('Bổ sung: sáng nay nước đã tràn lên vỉa hè.');
    expect(followUp.data).toMatchObject({ sameSender: true, from: 'n***@example.vn' });
    expect(await reportsFrom('nguyen.van.binh@example.vn')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.received.length).toBe(before);
  });

  it('sends a follow-up by tracking code to the report a merged report went into', async () => {
    const [fwd] = await reportsFrom('pham.duc@example.vn');
    const [minh] = await reportsFrom('tran.minh@example.vn');
    const current = (await ioc.get(`/api/v1/reports/${fwd!.id}`)).json().report;
    const merged = await ioc.post(`/api/v1/reports/${fwd!.id}/transitions`, {
      action: 'merge',
      version: current.version,
      mergeInto: minh!.tracking_code,
    });
    expect(merged.statusCode).toBe(200);
    const reply = fixture('04-reply.eml', { IN_REPLY_TO: '<unknown@elsewhere>', CODE: fwd!.tracking_code })
      .toString('latin1')
      .replace('<CAF3b2x9-reply-0004@mail.example.vn>', '<by-code-0010@example.vn>')
      .replace('<CAF3b2x9-qp-0001@mail.example.vn>', '');
    await dovecot.append(Buffer.from(reply, 'latin1'));
    expect((await poll()).outcomes).toEqual(['follow_up']);
    expect((await events(minh!.id)).some((e) => e.action === 'mail_follow_up')).toBe(true);
    expect((await events(fwd!.id)).some((e) => e.action === 'mail_follow_up')).toBe(false);
  });

  it('attaches a bounce to the report whose mail bounced and stops mailing that address', async () => {
    const [hoa] = await reportsFrom('hoa.le@example.vn');
    const ack = await ackTo('hoa.le@example.vn');
    await dovecot.append(
      fixture('06-bounce.eml', {
        ORIGINAL_MESSAGE_ID: ack.parsed.messageId!,
        RECIPIENT: 'hoa.le@example.vn',
      }),
    );
    expect((await poll()).outcomes).toEqual(['bounce']);
    const bounced = (await events(hoa!.id)).find((e) => e.action === 'mail_bounced')!;
    expect(bounced.data).toMatchObject({ permanent: true, status: '5.1.1', to: 'h***@example.vn' });
    const [addr] = await t.app.database.db
      .select()
      .from(mailAddresses)
      .where(eq(mailAddresses.addressHash, addressIndex('Hoa.Le@example.vn')));
    expect(addr?.undeliverableAt).toBeInstanceOf(Date);
    // The caps' and the bounce list's addresses are encrypted: no clear address in either table.
    const raw = await t.app.database.query<Record<string, unknown>>(
      `select address, address_hash from mail_messages union all select address, address_hash from mail_addresses`,
    );
    expect(raw.length).toBeGreaterThan(1);
    expect(JSON.stringify(raw).toLowerCase()).not.toContain('hoa.le');
    expect(
      raw.every((r) => String(r.address).startsWith('ts1.') && /^[0-9a-f]{64}$/.test(String(r.address_hash))),
    ).toBe(true);
    // No report for the bounce itself, and never an answer to the mailer daemon.
    expect(await reportsFrom('mailer-daemon@mx.longan.gov.vn')).toHaveLength(0);
  });

  it("answers in the sender's language: Content-Language, else the words of the mail", async () => {
    const langOf = async (email: string) =>
      (
        await t.app.database.query<{ lang: string }>(
          'select lang from reports where reporter_email_hash = $1 order by received_at',
          [blindIndex(email)],
        )
      ).map((r) => r.lang);
    // Written in Vietnamese, with and without its marks (the forwarded light report): Vietnamese.
    expect(await langOf('nguyen.van.binh@example.vn')).toEqual(['vi']);
    expect(await langOf('pham.duc@example.vn')).toEqual(['vi']);

    await dovecot.append(
      fixture('10-english.eml', {
        MESSAGE_ID: 'english-0012',
        CONTENT_LANGUAGE: '',
        BODY: 'The street light by the market gate has been out for three nights and the road is very dark.',
      }),
    );
    // Words that could be Vietnamese without marks, but the mail program says English.
    const tagged = fixture('10-english.eml', {
      MESSAGE_ID: 'english-0013',
      CONTENT_LANGUAGE: 'Content-Language: en-GB\r\n',
      BODY: 'Cho Tan An, den duong hong',
    })
      .toString('latin1')
      .replace('Subject: Street light out near the market', 'Subject: Cho Tan An')
      .replace('Sam Taylor <sam.taylor@example.com>', 'Jo Lee <jo.lee@example.com>')
      .replace('Hello,', '')
      .replace('Thank you,\r\nSam', '');
    await dovecot.append(Buffer.from(tagged, 'latin1'));
    expect((await poll()).outcomes).toEqual(['report', 'report']);

    for (const address of ['sam.taylor@example.com', 'jo.lee@example.com']) {
      expect(await langOf(address)).toEqual(['en']);
      const [report] = await reportsFrom(address);
      const ack = await ackTo(address);
      expect(ack.parsed.subject).toContain(`[${report!.tracking_code}] Received`);
      expect(ack.parsed.text).toContain('We have received your report');
      expect(ack.parsed.text).toContain('&lang=en');
      expect(ack.parsed.text).not.toContain('Chúng tôi đã tiếp nhận');
    }
  });

  it('keeps mail it cannot take in for staff, who re-process it once the cause is fixed', async () => {
    await t.app.database.executeSql(`update categories set active = false where code = 'khac'`);
    invalidateRoutingSnapshot(t.app.database);
    const mail = fixture('01-qp-report.eml')
      .toString('latin1')
      .replace('<CAF3b2x9-qp-0001@mail.example.vn>', '<second-0011@mail.example.vn>')
      .replace('Nguyen.Van.Binh@example.vn', 'le.van.c@example.vn');
    await dovecot.append(Buffer.from(mail, 'latin1'));
    expect((await poll()).outcomes).toEqual(['quarantined']);
    const held = (await ioc.get('/api/v1/mail/quarantine?status=held')).json().items;
    const item = held.find((i: { reason: string }) => i.reason === 'unknown_category');
    expect(item).toMatchObject({ fromAddress: 'le.van.c@example.vn' });
    const raw = await ioc.get(`/api/v1/mail/quarantine/${item.id}/raw`);
    expect(raw.headers['content-type']).toContain('message/rfc822');
    expect(raw.body).toContain('<second-0011@mail.example.vn>');

    const agent = new TestClient(t.app);
    await agent.signIn('canbo', TEST_DEMO_PASSWORD);
    expect((await agent.post(`/api/v1/mail/quarantine/${item.id}/reprocess`)).statusCode).toBe(403);

    await t.app.database.executeSql(`update categories set active = true where code = 'khac'`);
    invalidateRoutingSnapshot(t.app.database);
    const res = await ioc.post(`/api/v1/mail/quarantine/${item.id}/reprocess`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'report' });
    expect(await reportsFrom('le.van.c@example.vn')).toHaveLength(1);
    const processed = (await ioc.get('/api/v1/mail/quarantine?status=processed')).json().items;
    expect(processed.map((i: { id: string }) => i.id)).toContain(item.id);
    expect((await ioc.post(`/api/v1/mail/quarantine/${item.id}/reprocess`)).statusCode).toBe(409);
    const [stored] = await t.app.database.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.messageId, '<second-0011@mail.example.vn>'));
    expect(stored).toMatchObject({ direction: 'in', kind: 'report' });
  });
});
