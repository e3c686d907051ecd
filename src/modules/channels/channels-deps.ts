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
