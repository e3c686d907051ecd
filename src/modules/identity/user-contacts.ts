import { normalizeEmail, normalizePhone } from '../../contracts/identity.js';
import { blindIndex, Sealed } from '../../platform/crypto/field-cipher.js';
import { sql } from 'drizzle-orm';
import type { SealedColumns } from '../../platform/crypto/data-keys.js';
import type { Executor } from '../../platform/db/database.js';

/**
 * Accounts' phone and email as stored: encrypted, with a keyed blind index for sign-in, uniqueness and
 * look-ups (the +84 form of the phone; the trimmed lower-case address, as the old citext column compared).
 */

/** The blind index of a phone number in any accepted form (0912…, +84912…, with spaces). */
export function phoneIndex(phone: string): string {
  return blindIndex(normalizePhone(phone));
}

/** The blind index of an email address, case-insensitive. */
export function emailIndex(email: string): string {
  return blindIndex(normalizeEmail(email));
}

/** The users columns for a phone (normalised to +84…); null clears both. */
export function sealedPhone(phone: string | null): { phone: Sealed | null; phoneHash: string | null } {
  if (phone === null) return { phone: null, phoneHash: null };
  const normalised = normalizePhone(phone);
  return { phone: Sealed.of(normalised), phoneHash: blindIndex(normalised) };
}

/** The users columns for an email (kept as written, trimmed; indexed lower-case); null clears both. */
export function sealedEmail(email: string | null): { email: Sealed | null; emailHash: string | null } {
  if (email === null) return { email: null, emailHash: null };
  const trimmed = email.trim();
  return { email: Sealed.of(trimmed), emailHash: blindIndex(normalizeEmail(trimmed)) };
}

/** The identity module's encrypted columns, for the start-up step (see FEEDBACK_SEALED_COLUMNS). */
export const IDENTITY_SEALED_COLUMNS: SealedColumns[] = [
  {
    table: 'users',
    columns: [
      { column: 'phone', hashColumn: 'phone_hash', normalise: normalizePhone },
      { column: 'email', hashColumn: 'email_hash', normalise: normalizeEmail },
    ],
  },
];

/**
 * The migration added the CHECKs on the blind indexes NOT VALID (rows from before had none yet); once the
 * start-up step has indexed every row, they are validated, once.
 */
export async function validateUserContactChecks(db: Executor): Promise<void> {
  const { rows } = (await db.execute(
    sql`select conname from pg_constraint
         where conrelid = 'users'::regclass and not convalidated
           and conname in ('users_citizen_phone_hash_ck', 'users_email_hash_ck')`,
  )) as unknown as { rows: { conname: string }[] };
  for (const r of rows) await db.execute(sql.raw(`alter table users validate constraint "${r.conname}"`));
}
