import type { CapMsgType, CapSeverity, CapStatus } from '../../../contracts/alerts.js';
import { alertMail, smsText } from '../contact-messages.js';
import {
  isDrill,
  pushPayload,
  targetedUnits,
  pushTopic,
  pushTtlSeconds,
  pushUrgency,
} from '../alert-rules.js';
import {
  ALERTS_JOBS,
  CONTACT_BATCH_SIZE,
  CONTACT_CONCURRENCY,
  CONTACT_MAX_ATTEMPTS,
  type ContactBatchJob,
  PUSH_BATCH_EXPIRE_SECONDS,
  PUSH_BATCH_SIZE,
  type AlertsDeps,
  type FanOutJob,
  type PushBatchJob,
} from '../alerts-deps.js';
import * as repo from '../alerts.repository.js';
import { pointInShape, shapeBox } from '../area-geometry.js';
import type { Executor } from '../../../platform/db/database.js';
import { mapBounded } from '../../../platform/jobs/map-bounded.js';
import type { PushOutcome, PushSender } from '../push/push-sender.js';

/** Concurrent requests per batch job (bounded so one alert cannot exhaust sockets or memory). */
export const PUSH_CONCURRENCY = 64;
/**
 * Push batch jobs a worker process runs at once: while one batch claims or records in the database, the
 * other encrypts and sends (one at a time leaves the core idle during those round trips).
 */
export const PUSH_PARALLEL_BATCHES = 2;

export class RetryLaterError extends Error {
  constructor(public readonly count: number) {
    super(`${count} push deliveries to retry`);
    this.name = 'RetryLaterError';
  }
}

/**
 * Subscriptions outside the alert's units whose own location ("my current location") lies inside the
 * drawn polygon or circle: a bounding-box query, then point-in-shape here.
 */
export async function locatedInShape(
  db: Executor,
  row: repo.AlertRow,
  reach: string[],
  drillsOnly: boolean,
): Promise<{ id: string; userId: string | null }[]> {
  const box = shapeBox(row);
  if (!box) return [];
  const candidates = await repo.locatedOutsideReach(db, reach, box, drillsOnly);
  return candidates.filter((c) => pointInShape([c.lon, c.lat], row));
}

function deliverable(row: repo.AlertRow, now: Date): boolean {
  return row.state === 'published' && row.expires > now;
}

/**
 * Splits a published alert's audience into batch jobs: subscriptions whose units intersect the alert's
 * area, the chosen units plus those its drawn polygon or circle touches, and then subscriptions whose own
 * location lies inside the drawn shape (exercise and test messages: only subscriptions that opted in to drills). Batches are enqueued in
 * one transaction per page, so a retried fan-out re-enqueues pages whose deliveries are then skipped.
 */
export async function fanOutAlert(deps: AlertsDeps, job: FanOutJob): Promise<'done' | 'skipped'> {
  const { db } = deps.database;
  const row = await repo.findAlert(db, job.alertId);
  if (!row || !deliverable(row, deps.now()) || !deps.jobs) return 'skipped';
  const reach = deps.units.reachCodes(targetedUnits(row));
  const drillsOnly = isDrill(row.status as CapStatus);
  let afterId: string | null = null;
  for (;;) {
    const page = await repo.reachPage(db, reach, drillsOnly, afterId, PUSH_BATCH_SIZE * 20);
    if (page.length === 0) break;
    const batches: PushBatchJob[] = [];
    for (let i = 0; i < page.length; i += PUSH_BATCH_SIZE)
      batches.push({ alertId: row.id, subscriptionIds: page.slice(i, i + PUSH_BATCH_SIZE) });
    await db.transaction((tx) =>
      deps.jobs!.sendMany<PushBatchJob>(ALERTS_JOBS.pushBatch, batches, {
        tx,
        expireInSeconds: PUSH_BATCH_EXPIRE_SECONDS,
      }),
    );
    afterId = page.at(-1)!;
  }
  await fanOutContacts(deps, row, reach, drillsOnly);
  const located = (await locatedInShape(db, row, reach, drillsOnly)).map((s) => s.id);
  for (let i = 0; i < located.length; i += PUSH_BATCH_SIZE * 20) {
    const page = located.slice(i, i + PUSH_BATCH_SIZE * 20);
    const batches: PushBatchJob[] = [];
    for (let j = 0; j < page.length; j += PUSH_BATCH_SIZE)
      batches.push({ alertId: row.id, subscriptionIds: page.slice(j, j + PUSH_BATCH_SIZE) });
    await db.transaction((tx) =>
      deps.jobs!.sendMany<PushBatchJob>(ALERTS_JOBS.pushBatch, batches, {
        tx,
        expireInSeconds: PUSH_BATCH_EXPIRE_SECONDS,
      }),
    );
  }
  return 'done';
}

/**
 * Delivers one batch: claims each (alert, subscription) delivery first (a unique row), so a job run twice
 * sends nothing twice; sends with bounded concurrency; records outcomes and removes gone subscriptions in
 * one transaction. When some deliveries should be retried (429, 5xx, timeout) it throws after recording,
 * and the queue retries the job with back-off; the retry claims only those.
 */
export async function deliverBatch(
  deps: AlertsDeps,
  sender: PushSender,
  job: PushBatchJob,
): Promise<{ sent: number; removed: number; failed: number; retry: number }> {
  const { db } = deps.database;
  const counts = { sent: 0, removed: 0, failed: 0, retry: 0 };
  const row = await repo.findAlert(db, job.alertId);
  const now = deps.now();
  if (!row || !deliverable(row, now)) return counts;
  const targets = await db.transaction((tx) => repo.claimDeliveries(tx, row.id, job.subscriptionIds));
  if (targets.length === 0) return counts;
  const options = {
    ttl: pushTtlSeconds(row.expires, now),
    urgency: pushUrgency(row.severity as CapSeverity),
    topic: pushTopic(row.rootId),
  };
  const payloads = {
    vi: Buffer.from(JSON.stringify(pushPayload(toPayloadInput(row), 'vi', deps.config.publicUrl))),
    en: Buffer.from(JSON.stringify(pushPayload(toPayloadInput(row), 'en', deps.config.publicUrl))),
  };
  const outcomes = await mapBounded(targets, PUSH_CONCURRENCY, async (s) => {
    const outcome: PushOutcome = await sender.send(s, s.lang === 'en' ? payloads.en : payloads.vi, options);
    counts[outcome.status]++;
    return { subscriptionId: s.id, ...outcome };
  });
  await db.transaction((tx) => repo.settleDeliveries(tx, row.id, outcomes));
  if (counts.retry > 0) throw new RetryLaterError(counts.retry);
  return counts;
}

function toPayloadInput(row: repo.AlertRow) {
  return {
    id: row.id,
    rootId: row.rootId,
    status: row.status as CapStatus,
    msgType: row.msgType,
    severity: row.severity as CapSeverity,
    textsVi: row.textsVi,
    textsEn: row.textsEn ?? null,
  };
}

/** Enqueues contact-batch jobs for the confirmed SMS and email contacts in the alert's reach. */
export async function fanOutContacts(
  deps: AlertsDeps,
  row: repo.AlertRow,
  reach: string[],
  drillsOnly: boolean,
): Promise<void> {
  const { db } = deps.database;
  let afterId: string | null = null;
  for (;;) {
    const page = await repo.contactPage(db, reach, drillsOnly, afterId, CONTACT_BATCH_SIZE * 20);
    if (page.length === 0) break;
    const batches: ContactBatchJob[] = [];
    for (let i = 0; i < page.length; i += CONTACT_BATCH_SIZE)
      batches.push({ alertId: row.id, contactIds: page.slice(i, i + CONTACT_BATCH_SIZE) });
    await db.transaction((tx) =>
      deps.jobs!.sendMany<ContactBatchJob>(ALERTS_JOBS.contactBatch, batches, {
        tx,
        expireInSeconds: PUSH_BATCH_EXPIRE_SECONDS,
      }),
    );
    afterId = page.at(-1)!;
  }
}

/**
 * Sends one SMS or one mail per claimed (alert, contact) — claimed first like push rows, so a re-run
 * sends nothing twice. A gateway or SMTP error marks the row `retry` (the job is retried with back-off)
 * until CONTACT_MAX_ATTEMPTS, then `failed`; an email contact without SMTP configured is `failed`.
 */
export async function deliverContactBatch(
  deps: AlertsDeps,
  job: ContactBatchJob,
): Promise<{ sent: number; removed: number; failed: number; retry: number }> {
  const { db } = deps.database;
  const counts = { sent: 0, removed: 0, failed: 0, retry: 0 };
  const row = await repo.findAlert(db, job.alertId);
  if (!row || !deliverable(row, deps.now())) return counts;
  const contacts = await db.transaction((tx) => repo.claimContactDeliveries(tx, row.id, job.contactIds));
  if (contacts.length === 0) return counts;
  const input = { ...toPayloadInput(row), msgType: row.msgType as CapMsgType };
  const publicUrl = deps.config.publicUrl;
  const outcomes = await mapBounded(contacts, CONTACT_CONCURRENCY, async (c) => {
    const lang = c.lang === 'en' ? 'en' : 'vi';
    let status: 'sent' | 'retry' | 'failed';
    try {
      if (c.channel === 'sms') {
        await deps.sms.send(c.address.open(), smsText(input, lang, publicUrl));
      } else {
        if (!deps.mail) throw new Error('no SMTP');
        const unsubscribe = `${publicUrl}/app/canh-bao?ngung-email=${c.unsubscribeToken}`;
        const mail = alertMail(input, lang, publicUrl, unsubscribe, deps.profile.brand.appName);
        await deps.mail.transport.sendMail({
          from: deps.mail.from,
          to: c.address.open(),
          subject: mail.subject,
          text: mail.text,
          headers: {
            'Auto-Submitted': 'auto-generated',
            'List-Unsubscribe': `<${unsubscribe}>`,
          },
        });
      }
      status = 'sent';
    } catch {
      status =
        c.attempts >= CONTACT_MAX_ATTEMPTS || (c.channel === 'email' && !deps.mail) ? 'failed' : 'retry';
    }
    counts[status]++;
    return { contactId: c.id, status };
  });
  await db.transaction((tx) => repo.settleContactDeliveries(tx, row.id, outcomes));
  if (counts.retry > 0) throw new RetryLaterError(counts.retry);
  return counts;
}
