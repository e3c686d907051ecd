import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { Dovecot } from '../../../testing/dovecot.js';
import * as feedbackRepo from '../../feedback/feedback.repository.js';
import { pollMailbox } from './poll-mailbox.js';
import { blindIndex } from '../../../platform/crypto/field-cipher.js';

const BOMBER = 'bom.thu@example.vn';
const CAP = 5;
const MAILS = 200;

const mailNo = (i: number, from = BOMBER) =>
  [
    `From: Người gửi nhiều <${from}>`,
    'To: 1022@longan.gov.vn',
    `Subject: =?UTF-8?B?${Buffer.from(`Phản ánh số ${i} về rác thải`).toString('base64')}?=`,
    `Date: Sun, 29 Nov 2026 08:${String(i % 60).padStart(2, '0')}:00 +0700`,
    `Message-ID: <bomb-${i}-${from}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Thư thứ ${i}: rác thải đổ bừa bãi ở đầu hẻm 12, phường 3.`,
    '',
  ].join('\r\n');

let t: TestApp;
const dovecot = new Dovecot();

beforeAll(async () => {
  await dovecot.start();
  t = await createTestApp({ env: { MAIL_REPORT_CAP_PER_HOUR: String(CAP) } });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await dovecot.stop();
});

describe(`a mail bomb against a real Dovecot (${TEST_ENGINE})`, () => {
  it(`opens at most ${CAP} reports per sender and hour; the other mails join the latest report, none lost`, async () => {
    const c = await dovecot.client();
    try {
      for (let i = 1; i <= MAILS; i++) await c.append('INBOX', mailNo(i));
      // Another person writing in the same minutes is not held back by the bomber's cap.
      await c.append('INBOX', mailNo(1, 'nguoi.khac@example.vn'));
    } finally {
      await c.logout();
    }
    const result = await pollMailbox(t.app.channels.deps, dovecot.url, 'INBOX');
    expect(result.seen).toBe(MAILS + 1);
    expect(result.outcomes.filter((o) => o === 'report')).toHaveLength(CAP + 1);
    expect(result.outcomes.filter((o) => o === 'follow_up')).toHaveLength(MAILS - CAP);
    expect(result.outcomes).not.toContain('quarantined');
    expect([...(await dovecot.flags()).values()].every((f) => f.has('\\Seen'))).toBe(true);

    const { rows } = (await t.app.database.executeSql(
      `select id, channel from reports where reporter_email_hash = $1 order by received_at, tracking_code`,
      [blindIndex(BOMBER.toLowerCase())],
    )) as { rows: { id: string; channel: string }[] };
    expect(rows).toHaveLength(CAP);
    expect(rows.every((r) => r.channel === 'email')).toBe(true);
    // Every mail past the cap is kept, as a follow-up on one of the sender's reports (the latest).
    let followUps: { note: string | null; data: unknown }[] = [];
    for (const r of rows) {
      const events = await feedbackRepo.eventsOf(t.app.database.db, r.id, false);
      followUps = followUps.concat(events.filter((e) => e.action === 'mail_follow_up'));
    }
    expect(followUps).toHaveLength(MAILS - CAP);
    expect(followUps.every((e) => (e.data as { rateCapped?: boolean }).rateCapped === true)).toBe(true);
    expect(followUps.some((e) => e.note?.includes(`Thư thứ ${MAILS}:`))).toBe(true);
    const { rows: other } = await t.app.database.executeSql(
      'select 1 from reports where reporter_email_hash = $1',
      [blindIndex('nguoi.khac@example.vn')],
    );
    expect(other).toHaveLength(1);
    // The bomber got no acknowledgement for the capped mails: only CAP reports asked for one.
    const { rows: known } = (await t.app.database.executeSql(
      `select kind, count(*)::int as n from mail_messages where address_hash = $1 and direction = 'in' group by kind order by kind`,
      [blindIndex(BOMBER)],
    )) as { rows: { kind: string; n: number }[] };
    expect(known).toEqual([
      { kind: 'follow_up', n: MAILS - CAP },
      { kind: 'report', n: CAP },
    ]);

    // Taking the same mailbox in again (a crash before the flags) creates nothing.
    const c2 = await dovecot.client();
    await c2.mailboxOpen('INBOX');
    await c2.messageFlagsRemove('1:*', ['\\Seen'], { uid: true });
    await c2.logout();
    const again = await pollMailbox(t.app.channels.deps, dovecot.url, 'INBOX');
    expect(new Set(again.outcomes)).toEqual(new Set(['duplicate']));
  }, 300_000);
});
