import { createHash } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { z } from 'zod';
import type { CreateReportRequest } from '../../../contracts/feedback.js';
import type { Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { maskPhone } from '../../../platform/sms/sms.js';
import { uploadAttachment } from '../../feedback/attachments/upload-attachment.js';
import { claimAttachments } from '../../feedback/attachments/claim-attachments.js';
import { MAX_ATTACHMENTS_PER_REPORT } from '../../feedback/attachments/attachment-deps.js';
import * as feedbackRepo from '../../feedback/feedback.repository.js';
import { recordReportEvent } from '../../feedback/record-report-event.js';
import { mailReporterLanguage } from '../../feedback/reporter-language.js';
import { submitReport } from '../../feedback/use-cases/submit-report.js';
import type { ChannelsDeps } from '../channels-deps.js';
import * as repo from '../channels.repository.js';
import { mailDomain } from './smtp-notifier.js';
import {
  bodyText,
  bounceInfo,
  codeInSubject,
  loopReason,
  senderOf,
  stripQuoted,
  threadIds,
  type LoopReason,
} from './mail-rules.js';
import { blindIndex, Sealed } from '../../../platform/crypto/field-cipher.js';
import { normalizeEmail } from '../../../contracts/identity.js';

export const MAILBOX_ACTOR: Actor = { id: null, label: 'mailbox' };

export type MailOutcome =
  | { outcome: 'report'; reportId: string; trackingCode: string; loop: LoopReason | null }
  | { outcome: 'follow_up'; reportId: string; loop: LoopReason | null; rateCapped?: boolean }
  | { outcome: 'bounce'; reportId: string | null }
  | { outcome: 'duplicate'; reportId: string | null }
  | { outcome: 'quarantined'; quarantineId: string; reason: string };

const TITLE_MAX = 200;
const BODY_MAX = 5000;
const NOTE_MAX = 4000;
const HOUR = 3600_000;

/** Addresses that are ourselves (the sender of our mail, the profile's mailbox). */
export function ownAddresses(deps: ChannelsDeps): string[] {
  const from = deps.mail.from ? /<?([^<>\s]+@[^<>\s]+)>?\s*$/.exec(deps.mail.from)?.[1] : undefined;
  return [
    ...new Set(
      [deps.profile.brand.mailbox, from].filter((a): a is string => !!a).map((a) => a.toLowerCase()),
    ),
  ];
}

/** The key that makes taking in the same mail twice harmless: its Message-ID, else its bytes. */
function mailKey(mail: ParsedMail | null, raw: Buffer): string {
  return (
    mail?.messageId?.trim() || `<sha256-${createHash('sha256').update(raw).digest('hex')}@no-message-id>`
  );
}

function maskEmail(address: string): string {
  return address.replace(/^(.).*(@.*)$/, '$1***$2');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 20).trimEnd()}\n…(đã cắt bớt / cut)`;
}

/** The category a mail starts in: the profile's "other" category until the IOC triages it. */
function intakeCategory(deps: ChannelsDeps): string {
  return (deps.profile.categories.find((c) => c.code === 'khac') ?? deps.profile.categories.at(-1)!).code;
}

interface StoredFiles {
  ids: string[];
  tokens: string[];
  refused: string[];
}

/** Each attachment through the same checks as an upload (type by content, size, photos re-encoded). */
async function storeAttachments(deps: ChannelsDeps, mail: ParsedMail, room: number): Promise<StoredFiles> {
  const out: StoredFiles = { ids: [], tokens: [], refused: [] };
  const files = mail.attachments.filter(
    (a) => !a.related && !a.contentType.startsWith('message/') && a.contentType !== 'text/rfc822-headers',
  );
  for (const a of files) {
    const name = a.filename ?? `tep-${out.ids.length + out.refused.length + 1}`;
    if (out.ids.length >= room) {
      out.refused.push(`${name}: quá ${MAX_ATTACHMENTS_PER_REPORT} tệp / too many files`);
      continue;
    }
    try {
      const up = await uploadAttachment(deps, null, { fileName: name, data: a.content }, MAILBOX_ACTOR);
      out.ids.push(up.id);
      out.tokens.push(up.uploadToken);
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'error';
      out.refused.push(`${name}: ${code}`);
    }
  }
  return out;
}

/** Forwarded messages (message/rfc822 parts): their sender, subject and text belong to the report. */
async function forwardedTexts(mail: ParsedMail): Promise<string[]> {
  const out: string[] = [];
  for (const a of mail.attachments.filter((x) => x.contentType === 'message/rfc822').slice(0, 5)) {
    try {
      const inner = await simpleParser(a.content, { skipImageLinks: true });
      out.push(
        [
          '---------- Thư chuyển tiếp / Forwarded message ----------',
          `Từ / From: ${inner.from?.text ?? ''}`,
          `Tiêu đề / Subject: ${inner.subject ?? ''}`,
          '',
          bodyText(inner),
        ].join('\n'),
      );
    } catch {
      // An unreadable forwarded part: the outer text still stands.
    }
  }
  return out;
}

async function toQuarantine(
  deps: ChannelsDeps,
  raw: Buffer,
  reason: string,
  mail: ParsedMail | null,
): Promise<MailOutcome> {
  const row = await repo.quarantine(deps.database.db, {
    raw,
    size: raw.length,
    sha256: createHash('sha256').update(raw).digest('hex'),
    reason: reason.slice(0, 500),
    fromAddress: Sealed.of(mail ? senderOf(mail) : null),
    subject: mail?.subject?.slice(0, 300) ?? null,
    receivedAt: deps.now(),
  });
  deps.log.warn({ quarantineId: row.id, reason }, 'mail quarantined');
  return { outcome: 'quarantined', quarantineId: row.id, reason };
}

/** The report a reply belongs to: by the Message-IDs it answers, then by a code in the subject; merged → target. */
async function threadTarget(
  deps: ChannelsDeps,
  mail: ParsedMail,
): Promise<feedbackRepo.ReportRow | undefined> {
  const db = deps.database.db;
  let report: feedbackRepo.ReportRow | undefined;
  const ids = threadIds(mail);
  const known = await repo.mailsByIds(db, ids);
  for (const id of ids) {
    const hit = known.find((k) => k.messageId === id && k.reportId);
    if (hit) {
      report = await feedbackRepo.findReport(db, hit.reportId!);
      if (report) break;
    }
  }
  if (!report) {
    const code = codeInSubject(mail.subject, deps.profile.brand.trackingPrefix);
    if (code) report = await feedbackRepo.findReportByCode(db, code);
  }
  for (let hops = 0; report?.mergedIntoId && hops < 10; hops++) {
    report = await feedbackRepo.findReport(db, report.mergedIntoId);
  }
  return report;
}

/**
 * Takes in one mail from the 1022 mailbox, as its raw bytes:
 * a bounce attaches to the report whose mail bounced and marks the address undeliverable; a reply
 * (In-Reply-To/References to our Message-IDs, or the tracking code in the subject) becomes a follow-up
 * on its report (the merge target for a merged report); any other mail from a person becomes a report on
 * the email channel, acknowledged with its tracking code unless it was automatic mail. What cannot be
 * understood is kept whole in the quarantine. Idempotent by Message-ID: taking in a mail again (a crash
 * before the server-side flag) creates nothing new.
 */
export async function takeInMail(deps: ChannelsDeps, raw: Buffer): Promise<MailOutcome> {
  const db = deps.database.db;
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch (err) {
    return toQuarantine(deps, raw, `unparseable: ${(err as Error).message}`, null);
  }
  const messageId = mailKey(mail, raw);
  const seen = await repo.inboundMail(db, messageId);
  if (seen) return { outcome: 'duplicate', reportId: seen.reportId };

  const sender = senderOf(mail);
  const bounce = bounceInfo(mail);
  if (bounce) return takeInBounce(deps, mail, messageId, bounce);
  if (!sender || !z.email().safeParse(sender).success) return toQuarantine(deps, raw, 'no_sender', mail);
  const loop = loopReason(mail, ownAddresses(deps));
  if (loop === 'own_address' || loop === 'machine_sender') return toQuarantine(deps, raw, loop, mail);

  try {
    const target = await threadTarget(deps, mail);
    if (target) return await takeInFollowUp(deps, mail, messageId, sender, target, loop);
    // A mail bomb: past the per-sender cap, new mail joins the sender's latest report (no new report,
    // no acknowledgement), so nothing is lost and the IOC queue is not flooded.
    const since = new Date(deps.now().getTime() - HOUR);
    if ((await repo.reportsOpenedByMailSince(db, sender, since)) >= deps.mail.reportCapPerHour) {
      const latestId = await repo.latestReportOfSender(db, sender);
      let latest = latestId ? await feedbackRepo.findReport(db, latestId) : undefined;
      for (let hops = 0; latest?.mergedIntoId && hops < 10; hops++)
        latest = await feedbackRepo.findReport(db, latest.mergedIntoId);
      if (!latest) return toQuarantine(deps, raw, 'rate', mail);
      return await takeInFollowUp(deps, mail, messageId, sender, latest, loop, true);
    }
    return await takeInReport(deps, mail, messageId, sender, loop);
  } catch (err) {
    const reason = err instanceof AppError ? err.code : `error: ${(err as Error).message}`;
    return toQuarantine(deps, raw, reason, mail);
  }
}

/** The sender's language: their own words (subject and text, not what they forward), else their Content-Language. */
function mailLanguage(mail: ParsedMail, subject: string) {
  const header = mail.headers.get('content-language');
  return mailReporterLanguage(
    typeof header === 'string' ? header : null,
    `${subject}\n${bodyText(mail).slice(0, 4000)}`,
  );
}

async function takeInReport(
  deps: ChannelsDeps,
  mail: ParsedMail,
  messageId: string,
  sender: string,
  loop: LoopReason | null,
): Promise<MailOutcome> {
  const text = [bodyText(mail), ...(await forwardedTexts(mail))].filter(Boolean).join('\n\n');
  const files = await storeAttachments(deps, mail, MAX_ATTACHMENTS_PER_REPORT);
  const subject = (mail.subject ?? '').replace(/\s+/g, ' ').trim();
  const title =
    subject.length >= 5
      ? subject.slice(0, TITLE_MAX)
      : `Thư gửi ${deps.profile.brand.hotlineName}${subject ? `: ${subject}` : ''}`;
  let body = text || '(Thư không có nội dung / The mail has no text)';
  if (files.refused.length) body += `\n\n[Tệp không nhận / Files refused: ${files.refused.join('; ')}]`;
  if (body.length < 10) body = body.padEnd(10, '.');
  const name = mail.from?.value
    .find((a) => a.address)
    ?.name?.trim()
    .slice(0, 120);
  const input: CreateReportRequest = {
    categoryCode: intakeCategory(deps),
    title,
    body: clip(body, BODY_MAX),
    attachmentIds: files.ids,
    uploadTokens: files.tokens,
    reporter: { email: sender, ...(name ? { name } : {}) },
    displayPublicly: 'anonymous',
    consent: true,
  };
  const key = `mail:${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`;
  const result = await submitReport(deps, null, input, {
    idempotencyKey: key,
    actor: MAILBOX_ACTOR,
    intakeChannel: 'email',
    noAutoReply: loop !== null,
    lang: mailLanguage(mail, subject),
  });
  // After the report's commit: the record that makes the Message-ID known (threading, idempotency).
  await repo.recordMail(deps.database.db, {
    direction: 'in',
    messageId,
    reportId: result.id,
    address: sender,
    kind: loop ? 'auto_reply' : 'report',
    automatic: loop !== null,
    subject: subject.slice(0, 300) || null,
    at: deps.now(),
  });
  await repo.clearUndeliverable(deps.database.db, sender);
  return { outcome: 'report', reportId: result.id, trackingCode: result.trackingCode, loop };
}

async function takeInFollowUp(
  deps: ChannelsDeps,
  mail: ParsedMail,
  messageId: string,
  sender: string,
  target: feedbackRepo.ReportRow,
  loop: LoopReason | null,
  rateCapped = false,
): Promise<MailOutcome> {
  const text = stripQuoted(bodyText(mail));
  const already = (await feedbackRepo.attachmentsOf(deps.database.db, [target.id])).filter(
    (a) => a.purpose === 'report',
  ).length;
  const files = await storeAttachments(deps, mail, Math.max(0, MAX_ATTACHMENTS_PER_REPORT - already));
  let note = text || '(Thư không có nội dung / The mail has no text)';
  if (rateCapped && mail.subject) note = `${mail.subject.slice(0, 200)}\n\n${note}`;
  if (files.refused.length) note += `\n\n[Tệp không nhận / Files refused: ${files.refused.join('; ')}]`;
  await deps.database.db.transaction(async (tx) => {
    const report = (await feedbackRepo.findReport(tx, target.id))!;
    if (files.ids.length)
      await claimAttachments(tx, report.id, files.ids, { uploadTokens: files.tokens }, 'report');
    await recordReportEvent(
      tx,
      { jobs: deps.jobs, now: deps.now },
      report,
      {
        action: loop ? 'mail_auto_reply' : 'mail_follow_up',
        fromStatus: report.status,
        toStatus: report.status,
        isPublic: false,
        note: clip(note, NOTE_MAX),
        data: {
          from: maskEmail(sender),
          sameSender:
            !!report.reporterEmailHash && blindIndex(normalizeEmail(sender)) === report.reporterEmailHash,
          attachments: files.ids.length,
          ...(loop ? { loop } : {}),
          ...(rateCapped ? { rateCapped: true } : {}),
        },
      },
      MAILBOX_ACTOR,
    );
    await repo.recordMail(tx, {
      direction: 'in',
      messageId,
      reportId: report.id,
      address: sender,
      kind: loop ? 'auto_reply' : 'follow_up',
      automatic: loop !== null,
      subject: mail.subject?.slice(0, 300) ?? null,
      at: deps.now(),
    });
  });
  if (!loop) await repo.clearUndeliverable(deps.database.db, sender);
  return { outcome: 'follow_up', reportId: target.id, loop, ...(rateCapped ? { rateCapped } : {}) };
}

async function takeInBounce(
  deps: ChannelsDeps,
  mail: ParsedMail,
  messageId: string,
  bounce: NonNullable<ReturnType<typeof bounceInfo>>,
): Promise<MailOutcome> {
  const db = deps.database.db;
  const original = bounce.originalMessageId
    ? (await repo.mailsByIds(db, [bounce.originalMessageId]))[0]
    : undefined;
  const recipient = bounce.recipient ?? original?.address.open() ?? null;
  const reportId = original?.reportId ?? null;
  await db.transaction(async (tx) => {
    const report = reportId ? await feedbackRepo.findReport(tx, reportId) : undefined;
    if (report) {
      await recordReportEvent(
        tx,
        { jobs: deps.jobs, now: deps.now },
        report,
        {
          action: 'mail_bounced',
          fromStatus: report.status,
          toStatus: report.status,
          isPublic: false,
          note: bounce.status
            ? `Thư không đến được người nhận (${bounce.status}) / Mail not delivered`
            : null,
          data: {
            to: recipient ? maskEmail(recipient) : null,
            permanent: bounce.permanent,
            status: bounce.status,
            phone: report.reporterPhone ? maskPhone(report.reporterPhone.open()) : null,
          },
        },
        MAILBOX_ACTOR,
      );
    }
    if (recipient && bounce.permanent)
      await repo.markUndeliverable(tx, recipient, deps.now(), bounce.status ?? 'bounce');
    await repo.recordMail(tx, {
      direction: 'in',
      messageId,
      reportId: report?.id ?? null,
      address: senderOf(mail) ?? `mailer-daemon@${mailDomain(deps.profile.brand.mailbox)}`,
      kind: 'bounce',
      automatic: true,
      subject: mail.subject?.slice(0, 300) ?? null,
      at: deps.now(),
    });
  });
  return { outcome: 'bounce', reportId: reportId };
}
