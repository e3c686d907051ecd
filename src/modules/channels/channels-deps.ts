import { normalizeEmail, normalizePhone } from '../../contracts/identity.js';
import type { SealedColumns } from '../../platform/crypto/data-keys.js';
import type { Config } from '../../platform/config/config.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import type { FeedbackDeps } from '../feedback/feedback-deps.js';

/** What the channels module needs: the feedback core's deps, file storage, mail settings, a logger. */
export interface ChannelsDeps extends FeedbackDeps {
  storage: FileStorage;
  mail: Config['mail'];
  cti: Config['cti'];
  log: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

/** Jobs of the channels module. */
export const CHANNELS_JOBS = {
  pollMailbox: 'channels.poll-mailbox',
} as const;

/** The channels module's encrypted columns (see FEEDBACK_SEALED_COLUMNS). */
export const CHANNELS_SEALED_COLUMNS: SealedColumns[] = [
  {
    table: 'calls',
    columns: [{ column: 'caller_phone', hashColumn: 'caller_phone_hash', normalise: normalizePhone }],
  },
  { table: 'mail_quarantine', columns: [{ column: 'from_address' }] },
  {
    table: 'mail_messages',
    columns: [{ column: 'address', hashColumn: 'address_hash', normalise: normalizeEmail }],
  },
  {
    table: 'mail_addresses',
    columns: [{ column: 'address', hashColumn: 'address_hash', normalise: normalizeEmail }],
  },
];
