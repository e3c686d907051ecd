import { z } from 'zod';
import type { Permission } from './roles.js';
import { CONTENT_TYPES, ONLINE_LEVELS, type ContentType } from './content-labels.js';

/**
 * The content module's contract: item types, categories, the editorial workflow as data, request schemas
 * and response shapes. Shared by the server, the console and the citizen app.
 */

export * from './content-labels.js';

// ---------------------------------------------------------------------------------------------------
// Editorial workflow

export const CONTENT_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'published',
  'unpublished',
  'archived',
] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const CONTENT_STATUS_LABELS: Record<ContentStatus, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Submitted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  published: { vi: 'Đã đăng', en: 'Published' },
  unpublished: { vi: 'Đã gỡ', en: 'Unpublished' },
  archived: { vi: 'Lưu trữ', en: 'Archived' },
};

export const CONTENT_ACTIONS = ['submit', 'return', 'approve', 'publish', 'unpublish', 'archive'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

export const CONTENT_ACTION_LABELS: Record<ContentAction, { vi: string; en: string }> = {
  submit: { vi: 'Gửi duyệt', en: 'Submit' },
  return: { vi: 'Trả lại để sửa', en: 'Return for changes' },
  approve: { vi: 'Duyệt', en: 'Approve' },
  publish: { vi: 'Đăng', en: 'Publish' },
  unpublish: { vi: 'Gỡ xuống', en: 'Unpublish' },
  archive: { vi: 'Lưu trữ', en: 'Archive' },
};

export interface ContentTransition {
  from: readonly ContentStatus[];
  /** Where the action leads. `approve` of an item with a future publishAt goes straight to `published`. */
  to: ContentStatus;
  permission: Permission;
  /** The person who submitted may not approve the same submission (four eyes). */
  notBySubmitter?: boolean;
}

/**
 * The workflow as data: draft → submitted → approved → published (→ unpublished → archived). Visibility is
 * decided at query time: published AND publish_at ≤ now AND (unpublish_at is null OR unpublish_at > now),
 * so scheduled publishing and unpublishing need no job.
 */
export const CONTENT_TRANSITIONS: Record<ContentAction, ContentTransition> = {
  submit: { from: ['draft', 'unpublished'], to: 'submitted', permission: 'content.contribute' },
  return: { from: ['submitted', 'approved'], to: 'draft', permission: 'content.approve' },
  approve: { from: ['submitted'], to: 'approved', permission: 'content.approve', notBySubmitter: true },
  publish: { from: ['approved'], to: 'published', permission: 'content.edit' },
  unpublish: { from: ['published'], to: 'unpublished', permission: 'content.edit' },
  archive: { from: ['draft', 'unpublished'], to: 'archived', permission: 'content.edit' },
};

/** Statuses in which the text may be changed, and by whom: contributors their own drafts, editors more. */
export const CONTRIBUTOR_EDITABLE: readonly ContentStatus[] = ['draft'];
export const EDITOR_EDITABLE: readonly ContentStatus[] = ['draft', 'submitted', 'published', 'unpublished'];

// ---------------------------------------------------------------------------------------------------
// Slugs

/** Vietnamese text without diacritics: NFD + strip combining marks, đ→d, Đ→D. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A URL slug from a Vietnamese title: "Kế hoạch 310/KH-UBND" → "ke-hoach-310-kh-ubnd" (≤ 80 chars). */
export function slugify(title: string): string {
  const slug = stripDiacritics(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'bai-viet';
}

// ---------------------------------------------------------------------------------------------------
// Requests

const slugInput = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'chữ thường không dấu, số và gạch nối / lower-case letters, digits, hyphens',
  )
  .max(80);

export const documentFields = z.strictObject({
  number: z.string().trim().min(1).max(60),
  issuedOn: z.iso.date(),
  issuer: z.string().trim().min(1).max(200),
});

export const serviceFields = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(500),
  howTo: z.string().trim().max(5000).default(''),
  onlineLevel: z.enum(ONLINE_LEVELS),
  provider: z.string().trim().max(200).default(''),
});

export const guideFields = z.strictObject({
  /** A video on an external host (https), when the video is not uploaded to the media library. */
  videoUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .optional(),
});

export const contentFieldsSchema = z.strictObject({
  document: documentFields.optional(),
  service: serviceFields.optional(),
  guide: guideFields.optional(),
});
export type ContentFields = z.infer<typeof contentFieldsSchema>;

const schedule = z.iso.datetime({ offset: true }).nullable().optional();

export const saveContentRequest = z.strictObject({
  type: z.enum(CONTENT_TYPES),
  title: z.string().trim().min(3).max(250),
  slug: slugInput.optional(),
  summary: z.string().trim().max(600).default(''),
  body: z.string().max(100_000).default(''),
  category: z.string().trim().min(1).max(40),
  fields: contentFieldsSchema.default({}),
  mediaIds: z.array(z.uuid()).max(30).default([]),
  coverMediaId: z.uuid().nullable().optional(),
  publishAt: schedule,
  unpublishAt: schedule,
  agencyId: z.uuid().nullable().optional(),
});
export type SaveContentRequest = z.infer<typeof saveContentRequest>;

export const updateContentRequest = saveContentRequest.omit({ type: true }).extend({
  /** The version the editor started from: a stale one is a conflict (two editors on one page). */
  version: z.number().int().min(1),
});
export type UpdateContentRequest = z.infer<typeof updateContentRequest>;

export const contentTransitionRequest = z.strictObject({
  action: z.enum(CONTENT_ACTIONS),
  version: z.number().int().min(1),
  note: z.string().trim().max(1000).optional(),
});
export type ContentTransitionRequest = z.infer<typeof contentTransitionRequest>;

export const restoreVersionRequest = z.strictObject({
  version: z.number().int().min(1),
});

export const staffListQuery = z.object({
  status: z.enum(CONTENT_STATUSES).optional(),
  type: z.enum(CONTENT_TYPES).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const publicListQuery = z.object({
  type: z.enum(CONTENT_TYPES).optional(),
  category: z.string().trim().max(40).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  issuer: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PublicListQuery = z.infer<typeof publicListQuery>;

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  type: z.enum(CONTENT_TYPES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

// ---------------------------------------------------------------------------------------------------
// Responses

export interface MediaView {
  id: string;
  kind: 'photo' | 'video' | 'document';
  fileName: string;
  mimeType: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
}

/** What anyone may see of a published item (the app and the public pages read the same shape). */
export interface PublicContentItem {
  id: string;
  type: ContentType;
  slug: string;
  title: string;
  summary: string;
  body: string;
  category: string;
  categoryLabel: { vi: string; en: string };
  fields: ContentFields;
  cover: MediaView | null;
  media: MediaView[];
  publishedAt: string;
  updatedAt: string;
  url: string;
}

export type PublicContentSummary = Omit<PublicContentItem, 'body' | 'media'>;

/**
 * `GET /api/v1/content/public`: one page of a list and whether another page follows. No total: counting
 * every live item of a type on each request cost as much as the page itself.
 */
export interface PublicContentPage {
  items: PublicContentSummary[];
  page: number;
  more: boolean;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit extends PublicContentSummary {
  rank: number;
  snippet: SnippetPart[];
}

export interface StaffContentItem {
  id: string;
  type: ContentType;
  slug: string;
  status: ContentStatus;
  version: number;
  title: string;
  summary: string;
  body: string;
  category: string;
  fields: ContentFields;
  mediaIds: string[];
  coverMediaId: string | null;
  media: MediaView[];
  publishAt: string | null;
  unpublishAt: string | null;
  publishedAt: string | null;
  agencyId: string | null;
  authorId: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Live on the public site right now (published and inside its schedule). */
  live: boolean;
  /**
   * A correction of this published item waiting for approval (null when none): edits of a published
   * item land here; the public text stays until an approver approves it (submit/return/approve act on it).
   */
  revision: ContentRevisionView | null;
  availableActions: ContentAction[];
  canEdit: boolean;
}

/** The proposed text of a published item and where it is in its own draft → submitted → approved path. */
export interface ContentRevisionView {
  status: 'draft' | 'submitted';
  slug: string;
  title: string;
  summary: string;
  body: string;
  category: string;
  fields: ContentFields;
  mediaIds: string[];
  coverMediaId: string | null;
  unpublishAt: string | null;
  savedAt: string;
  savedBy: string | null;
  submittedBy: string | null;
}

export interface ContentVersionView {
  version: number;
  title: string;
  status: ContentStatus;
  savedAt: string;
  savedBy: string | null;
  note: string | null;
}
