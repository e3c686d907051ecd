import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  AlertContactView,
  alertEmailContactRequest,
  alertSmsContactRequest,
} from '../../../contracts/alerts.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { citizenAccount, type Principal } from '../../identity/index.js';
import type { AlertsDeps } from '../alerts-deps.js';
import * as repo from '../alerts.repository.js';
import { maskAddress } from '../contact-messages.js';
import { Sealed } from '../../../platform/crypto/field-cipher.js';

/** A confirmation link works this long. */
const CONFIRM_VALID_MS = 48 * 3600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function citizen(p: Principal | null): Principal {
  if (!p) throw new AppError('unauthenticated');
  if (p.kind !== 'citizen') throw new AppError('forbidden'); // staff accounts have no verified phone of their own
  return p;
}

function units(deps: AlertsDeps, codes: string[]): string[] {
  for (const code of codes)
    if (!deps.units.byCode.has(code)) throw new AppError('alert_unknown_unit', { code });
  return deps.units.normalise(codes);
}

export function contactView(row: repo.ContactRow): AlertContactView {
  return {
    channel: row.channel as 'sms' | 'email',
    address: maskAddress(row.channel as 'sms' | 'email', row.address.open()),
    unitCodes: row.unitCodes,
    lang: row.lang as 'vi' | 'en',
    drills: row.drills,
    confirmed: row.confirmedAt !== null,
  };
}

export async function myContacts(deps: AlertsDeps, p: Principal | null) {
  const me = citizen(p);
  return { items: (await repo.contactsOf(deps.database.db, me.userId)).map(contactView) };
}

/** SMS to the account's phone (verified: citizens sign in by an OTP sent to it), confirmed at once. */
export async function chooseSms(
  deps: AlertsDeps,
  p: Principal | null,
  input: z.infer<typeof alertSmsContactRequest>,
  actor: Actor,
) {
  const me = citizen(p);
  const account = await citizenAccount(deps.database.db, me.userId);
  if (!account?.phone) throw new AppError('alert_contact_no_phone');
  const unitCodes = units(deps, input.unitCodes);
  return deps.database.db.transaction(async (tx) => {
    const existing = await repo.findContact(tx, me.userId, 'sms');
    const row = await repo.upsertContact(tx, {
      userId: me.userId,
      channel: 'sms',
      address: Sealed.of(account.phone!),
      unitCodes,
      lang: input.lang,
      drills: input.drills,
      confirmedAt: deps.now(),
      unsubscribeToken: existing?.unsubscribeToken ?? randomBytes(24).toString('base64url'),
    });
    await appendAudit(tx, actor, {
      action: 'alert_contact.chosen',
      entityType: 'alert_contact',
      entityId: row.id,
      summary: { channel: 'sms', units: unitCodes, drills: input.drills },
    });
    return contactView(row);
  });
}

/**
 * Email: stored unconfirmed, and a mail with a confirmation link (and the same token as a code) goes to
 * the address; alerts go only after it is used (double opt-in). Changing the address asks again.
 */
export async function chooseEmail(
  deps: AlertsDeps,
  p: Principal | null,
  input: z.infer<typeof alertEmailContactRequest>,
  actor: Actor,
) {
  const me = citizen(p);
  if (!deps.mail) throw new AppError('alert_contact_mail_off');
  const unitCodes = units(deps, input.unitCodes);
  const address = input.email.toLowerCase();
  const token = randomBytes(9).toString('base64url'); // 12 characters
  const now = deps.now();
  const { row, needsConfirm } = await deps.database.db.transaction(async (tx) => {
    const existing = await repo.findContact(tx, me.userId, 'email');
    const keep = existing?.confirmedAt && existing.address.open() === address;
    const row = await repo.upsertContact(tx, {
      userId: me.userId,
      channel: 'email',
      address: Sealed.of(address),
      unitCodes,
      lang: input.lang,
      drills: input.drills,
      confirmedAt: keep ? existing.confirmedAt : null,
      confirmTokenHash: keep ? null : sha256(token),
      confirmExpires: keep ? null : new Date(now.getTime() + CONFIRM_VALID_MS),
      unsubscribeToken: existing?.unsubscribeToken ?? randomBytes(24).toString('base64url'),
    });
    await appendAudit(tx, actor, {
      action: 'alert_contact.chosen',
      entityType: 'alert_contact',
      entityId: row.id,
      summary: { channel: 'email', units: unitCodes, drills: input.drills, confirmationSent: !keep },
    });
    return { row, needsConfirm: !keep };
  });
  if (needsConfirm) {
    const vi = input.lang === 'vi';
    const link = `${deps.config.publicUrl}/app/canh-bao?xac-nhan-email=${token}`;
    await deps.mail.transport.sendMail({
      from: deps.mail.from,
      to: address,
      subject: vi
        ? `Xác nhận nhận cảnh báo qua email – ${deps.profile.brand.appName}`
        : `Confirm alerts by email – ${deps.profile.brand.appName}`,
      text: vi
        ? `Bạn (hoặc ai đó) vừa đăng ký nhận cảnh báo của ${deps.profile.brand.appName} tại địa chỉ này.\n\nXác nhận: ${link}\nHoặc nhập mã: ${token}\n\nLiên kết có hiệu lực 48 giờ. Nếu không phải bạn, hãy bỏ qua thư này: sẽ không có thư nào khác.`
        : `You (or someone) asked for ${deps.profile.brand.appName} alerts at this address.\n\nConfirm: ${link}\nOr enter the code: ${token}\n\nThe link works for 48 hours. If it was not you, ignore this mail: no other mail will follow.`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }
  return contactView(row);
}

/** The confirmation link or code (public: the token is the proof of owning the mailbox). */
export async function confirmEmail(deps: AlertsDeps, token: string, actor: Actor) {
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.confirmContact(tx, sha256(token), deps.now());
    if (!row) throw new AppError('alert_contact_token_invalid');
    await appendAudit(tx, actor, {
      action: 'alert_contact.confirmed',
      entityType: 'alert_contact',
      entityId: row.id,
      summary: { channel: row.channel },
    });
    return contactView(row);
  });
}

/** Stops a channel: by the signed-in citizen, or by the unsubscribe link in a mail (token). */
export async function stopContact(
  deps: AlertsDeps,
  by: { p: Principal | null; channel: 'sms' | 'email' } | { token: string },
  actor: Actor,
) {
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.deleteContact(
      tx,
      'token' in by ? { token: by.token } : { userId: citizen(by.p).userId, channel: by.channel },
    );
    if (!row) throw new AppError('token' in by ? 'alert_contact_token_invalid' : 'alert_contact_not_found');
    await appendAudit(tx, actor, {
      action: 'alert_contact.stopped',
      entityType: 'alert_contact',
      entityId: row.id,
      summary: { channel: row.channel, byLink: 'token' in by },
    });
  });
}
