import type { FileStorage } from '../../platform/storage/storage.js';
import type { IdentityDeps } from '../identity/index.js';

/** What content use cases need: identity's deps plus the file storage for the media library. */
export type ContentDeps = IdentityDeps & { storage: FileStorage };

const MB = 1024 * 1024;

/** The largest file of each kind the media library takes (checked on what was sent). */
export const MEDIA_MAX_BYTES = { photo: 15 * MB, video: 200 * MB, document: 30 * MB } as const;
export const MEDIA_UPLOAD_MAX_BYTES = Math.max(...Object.values(MEDIA_MAX_BYTES));

/** How long a draft preview link works. */
export const PREVIEW_TTL_MS = 7 * 24 * 3600_000;

/** The portal's path prefix. */
export const PORTAL = '/chuyen-doi-so';

/** Channel on which committed content changes are announced (NOTIFY), so page caches drop their copies. */
export const CONTENT_CHANNEL = 'content_changes';
