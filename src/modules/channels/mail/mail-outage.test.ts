import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dovecot, freePort } from '../../../testing/dovecot.js';
import { SmtpSink } from '../../../testing/smtp-sink.js';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { pollMailbox } from './poll-mailbox.js';
import { blindIndex } from '../../../platform/crypto/field-cipher.js';

// Reliability (issue 12): the mail servers are unreachable. Mail waits (on the IMAP server, unseen; in the
// job queue, retried with growing delays), nothing is lost, nothing is doubled when they come back, and
// staff see the failing channel in the console's API.
const FIXTURES = path.resolve(import.meta.dirname, '../../../../tests/fixtures/mail');
const SENDER = 'nguyen.van.binh@example.vn';

let t: TestApp;
let ioc: TestClient;
let smtpPort: number;
const dovecot = new Dovecot();
const sink = new SmtpSink();

interface Health {
  channel: string;
  ok: boolean;
  lastError: string | null;
  failingSince: string | null;
}
const health = async (channel: string) =>
  ((await ioc.get('/api/v1/mail/health')).json() as { items: Health[] }).items.find(
    (h) => h.channel === channel,
  );

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  await dovecot.start();
  // The app is told about an SMTP server that is not running yet.
  smtpPort = await freePort();
  t = await createTestApp({
    jobs: true,
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: '"Tổng đài 1022" <1022@longan.gov.vn>' },
  });
  // The demo seed's notices (SMS) are not what this file tests; the acknowledgement would wait behind them.
  await t.app.database.executeSql(
    `delete from pgboss.job where name = 'feedback.notify-reporter' and state = 'created'`,
  );
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await sink.stop().catch(() => undefined);
  await dovecot.stop();
});

describe(`mail with the IMAP and SMTP servers unreachable (${TEST_ENGINE})`, () => {
  it('keeps the mail waiting, retries with back-off, shows the channels failing, and sends once when back', async () => {
    await dovecot.append(readFileSync(path.join(FIXTURES, '01-qp-report.eml')));

    // IMAP unreachable: the poll fails, the mail stays unseen on the server; the console sees why.
    const closed = `imap://${dovecot.user}:${dovecot.password}@127.0.0.1:${await freePort()}`;
    await expect(pollMailbox(t.app.channels.deps, closed, 'INBOX')).rejects.toThrow();
    const imapDown = await health('imap');
    expect(imapDown).toMatchObject({ ok: false });
    expect(imapDown!.failingSince).not.toBeNull();
    expect(imapDown!.lastError).not.toContain(dovecot.password);

    // IMAP back: the mail becomes one report; polling again takes nothing twice.
    expect((await pollMailbox(t.app.channels.deps, dovecot.url, 'INBOX')).seen).toBe(1);
    expect((await pollMailbox(t.app.channels.deps, dovecot.url, 'INBOX')).seen).toBe(0);
    expect(await health('imap')).toMatchObject({ ok: true, failingSince: null, lastError: null });
    const reports = await t.app.database.query<{ id: string; tracking_code: string }>(
      // Contacts are encrypted: the sender is found by its keyed blind index, as the application does.
      `select id, tracking_code from reports where reporter_email_hash = $1`,
      [blindIndex(SENDER)],
    );
    expect(reports).toHaveLength(1);
    const report = reports[0]!;

    // SMTP unreachable: the acknowledgement's job fails and waits for a retry with back-off.
    const jobOf = () =>
      t.app.database.query<{ state: string; retry_count: number; retry_limit: number; wait_s: number }>(
        `select state, retry_count, retry_limit,
                extract(epoch from (start_after - now()))::int as wait_s
           from pgboss.job where name = 'feedback.notify-reporter' and data->>'reportId' = $1`,
        [report.id],
      );
    const waiting = await waitFor(jobOf, (jobs) => jobs[0]?.state === 'retry');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ state: 'retry', retry_limit: 14 });
    expect(waiting[0]!.wait_s).toBeGreaterThanOrEqual(3); // 10–20 s for the first retry, doubling after
    const smtpDown = await waitFor(
      () => health('smtp'),
      (h) => h?.ok === false,
    );
    expect(smtpDown!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(sink.received).toHaveLength(0);

    // SMTP back on the same port; the retry is brought forward instead of waiting out its delay.
    await sink.start(smtpPort);
    await t.app.database.query(
      `update pgboss.job set start_after = now() where name = 'feedback.notify-reporter' and data->>'reportId' = $1`,
      [report.id],
    );
    const ack = await sink.waitFor((m) => m.envelopeTo.includes(SENDER), 30_000);
    expect(ack.parsed.subject).toContain(report.tracking_code);
    await waitFor(jobOf, (jobs) => jobs[0]?.state === 'completed');
    await new Promise((r) => setTimeout(r, 2000));
    expect(sink.received.filter((m) => m.envelopeTo.includes(SENDER))).toHaveLength(1);
    expect(await health('smtp')).toMatchObject({ ok: true, failingSince: null });
  }, 120_000);
});
