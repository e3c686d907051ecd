import type { FileStorage } from '../../../platform/storage/storage.js';
import type { IdentityDeps } from '../../identity/index.js';

/** What attachment use cases need: identity's deps plus somewhere to keep the files. */
export type AttachmentDeps = IdentityDeps & { storage: FileStorage };

const MB = 1024 * 1024;

/** The largest file accepted for each kind, checked on what was sent (before re-encoding). */
export const ATTACHMENT_MAX_BYTES = { photo: 10 * MB, video: 50 * MB, document: 10 * MB } as const;

/** The largest upload of any kind: the multipart limit. */
export const UPLOAD_MAX_BYTES = Math.max(...Object.values(ATTACHMENT_MAX_BYTES));

/** Most attachments one report may carry for each purpose (the citizen's report, the agency's answer). */
export const MAX_ATTACHMENTS_PER_REPORT = 10;

/** Report statuses whose attachments anyone may see (with the published answer). */
export const PUBLIC_REPORT_STATUSES = ['published', 'closed'] as const;
