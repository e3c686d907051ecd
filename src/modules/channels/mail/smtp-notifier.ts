import { randomUUID } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Database } from '../../../platform/db/database.js';
import type { SmsSender } from '../../../platform/sms/sms.js';
import { isSmtpServerFailure, recordChannelHealth } from './channel-health.js';
import type { ReporterMessage, ReporterNotifier } from '../../feedback/jobs/notify-reporter.js';
import * as repo from '../channels.repository.js';
import { mailFooter, type MailSender } from './mail-footer.js';

/** The part of a mail transport we use: nodemailer's `sendMail`. */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<unknown>;
  close?(): void;
}

export interface SmtpNotifierOptions {
  database: Database;
  transport: MailTransport;
  /** `"Tổng đài 1022" <1022@longan.gov.vn>` or a bare address. */
  from: string;
  sms: SmsSender;
  /** Most automatic mails to one address in one hour (loop and mail-bomb brake). */
  autoCapPerHour: number;
  /** Names and the console's address for the footers (see mail-footer.ts). */
  sender: MailSender;
  now: () => Date;
}

/** The domain of an address (`1022@longan.gov.vn` → `longan.gov.vn`), for our Message-IDs. */
export function mailDomain(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return (m?.[1] ?? 'localhost').toLowerCase();
}

/** A Message-ID on our own domain: replies carrying it thread back to the report. */
export function newMessageId(domain: string): string {
  return `<${randomUUID()}@${domain}>`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Links made clickable; a full stop or comma after an address ends the sentence, not the link. */
const linkify = (html: string) =>
  html.replace(/(https?:\/\/[^\s<]*[^\s<.,;:)])/g, (url) => `<a href="${url}">${url}</a>`);

/** The HTML part: the same lines as the text, links made clickable, with a short footer. */
export function renderHtml(text: string, footer: string, lang: 'vi' | 'en' = 'vi'): string {
  const body = text
    .split('\n')
    .map((line) => linkify(escapeHtml(line)))
    .map((line) => `<p style="margin:0 0 8px">${line}</p>`)
    .join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:15px;color:#1a1a1a">
${body}
<hr style="border:0;border-top:1px solid #ccc;margin:16px 0">
<p style="font-size:13px;color:#555">${linkify(escapeHtml(footer))}</p>
</body></html>`;
}

/**
 * Reporter notices by email over SMTP (nodemailer), SMS otherwise. Each mail carries our own Message-ID
 * (stored, so a reply threads into the report), `Auto-Submitted` (RFC 3834: `auto-replied` for the
 * acknowledgement, `auto-generated` for later notices) and asks Exchange not to auto-answer it. An address
 * that bounced, or that already got `autoCapPerHour` automatic mails this hour, gets none: the notice is
 * recorded as suppressed (and goes by SMS when there is a phone number for an undeliverable address).
 */
export function smtpNotifier(o: SmtpNotifierOptions): ReporterNotifier {
  const db = o.database.db;
  const domain = mailDomain(o.from);
  return {
    async deliver(m: ReporterMessage) {
      if (!m.to.email) {
        await o.sms.send(m.to.phone!, m.text);
        return { channel: 'sms', recipient: m.to.phone! };
      }
      const address = m.to.email.toLowerCase();
      if (await repo.isUndeliverable(db, address)) {
        if (m.to.phone) {
          await o.sms.send(m.to.phone, m.text);
          return { channel: 'sms', recipient: m.to.phone };
        }
        return { channel: 'email', recipient: address, suppressed: 'undeliverable' };
      }
      const now = o.now();
      const sent = await repo.automaticMailsSince(db, address, new Date(now.getTime() - 3600_000));
      if (sent >= o.autoCapPerHour) return { channel: 'email', recipient: address, suppressed: 'cap' };

      const messageId = newMessageId(domain);
      const opening = m.reportId ? await repo.openingMail(db, m.reportId) : undefined;
      const isAck = m.action === 'received';
      const footer = mailFooter(m.audience ?? 'reporter', o.sender, m);
      const subject = opening?.subject && isAck ? `${m.subject} — Re: ${opening.subject}` : m.subject;
      // SMTP down or refusing us: the error fails the job and pg-boss retries it with growing delays (the
      // queue keeps trying for two to four days); nothing was sent, so the retry cannot duplicate it.
      const sending = o.transport.sendMail({
        from: o.from,
        to: address,
        subject,
        text: `${m.text}\n\n-- \n${footer}`,
        html: renderHtml(m.text, footer, m.lang),
        messageId,
        ...(opening ? { inReplyTo: opening.messageId, references: [opening.messageId] } : {}),
        headers: {
          'Auto-Submitted': isAck ? 'auto-replied' : 'auto-generated',
          'X-Auto-Response-Suppress': 'All',
          ...(m.trackingCode ? { 'X-Tinhso-Report': m.trackingCode } : {}),
        },
      });
      try {
        await sending;
      } catch (err) {
        if (isSmtpServerFailure(err)) await recordChannelHealth(db, 'smtp', err, now);
        throw err;
      }
      await recordChannelHealth(db, 'smtp', null, now);
      await repo.recordMail(db, {
        direction: 'out',
        messageId,
        reportId: m.reportId ?? null,
        address,
        kind: isAck ? 'ack' : 'notice',
        automatic: true,
        subject: subject.slice(0, 300),
        at: now,
      });
      return { channel: 'email', recipient: address };
    },
  };
}

/** A nodemailer transport from SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`). */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}
