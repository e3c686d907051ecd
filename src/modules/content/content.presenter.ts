import {
  CONTENT_CATEGORIES,
  CONTENT_TRANSITIONS,
  CONTENT_TYPE_PATHS,
  CONTRIBUTOR_EDITABLE,
  EDITOR_EDITABLE,
  type ContentAction,
  type ContentFields,
  type ContentRevisionView,
  type ContentStatus,
  type ContentType,
  type MediaView,
  type PublicContentItem,
  type PublicContentSummary,
  type SnippetPart,
  type StaffContentItem,
} from '../../contracts/content.js';
import { can, type Principal } from '../identity/index.js';
import { PORTAL } from './content-deps.js';
import type { ContentRow, MediaRow, NewContentRow } from './content.repository.js';

export function itemPath(type: string, slug: string): string {
  return `${PORTAL}/${CONTENT_TYPE_PATHS[type as ContentType]}/${slug}`;
}

export function mediaView(m: MediaRow, publicUrls: boolean): MediaView {
  const base = publicUrls ? `/api/v1/content/media/${m.id}` : `/api/v1/content/media/${m.id}`;
  return {
    id: m.id,
    kind: m.kind as MediaView['kind'],
    fileName: m.fileName,
    mimeType: m.mimeType,
    size: m.size,
    url: base,
    thumbnailUrl: m.thumbnailKey ? `${base}?thumb=1` : null,
  };
}

function categoryLabel(type: string, category: string) {
  return CONTENT_CATEGORIES[type as ContentType]?.[category] ?? { vi: category, en: category };
}

export function toPublicSummary(row: ContentRow, media: Map<string, MediaRow>): PublicContentSummary {
  const cover = row.coverMediaId ? media.get(row.coverMediaId) : undefined;
  return {
    id: row.id,
    type: row.type as ContentType,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    category: row.category,
    categoryLabel: categoryLabel(row.type, row.category),
    fields: row.fields as ContentFields,
    cover: cover ? mediaView(cover, true) : null,
    publishedAt: (row.publishAt ?? row.updatedAt).toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    url: itemPath(row.type, row.slug),
  };
}

export function toPublicItem(row: ContentRow, media: Map<string, MediaRow>): PublicContentItem {
  return {
    ...toPublicSummary(row, media),
    body: row.body,
    media: row.mediaIds
      .map((id) => media.get(id))
      .filter((m): m is MediaRow => !!m)
      .map((m) => mediaView(m, true)),
  };
}

export function isLive(row: ContentRow, now: Date): boolean {
  return (
    row.status === 'published' &&
    !!row.publishAt &&
    row.publishAt <= now &&
    (!row.unpublishAt || row.unpublishAt > now)
  );
}

const scope = (row: { agencyId: string | null }) => ({ agencyId: row.agencyId });

/** The pending correction of a published item, if any (stored as JSON in content_items.revision). */
export function revisionOf(row: ContentRow): ContentRevisionView | null {
  return row.status === 'published' && row.revision ? (row.revision as ContentRevisionView) : null;
}

/** The columns a correction replaces when approved (the publication time of a live item stays). */
export function revisionColumns(r: ContentRevisionView): Partial<NewContentRow> {
  return {
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    body: r.body,
    category: r.category,
    fields: r.fields,
    docNumber: r.fields.document?.number ?? null,
    issuedOn: r.fields.document?.issuedOn ?? null,
    issuer: r.fields.document?.issuer ?? null,
    mediaIds: r.mediaIds,
    coverMediaId: r.coverMediaId,
    unpublishAt: r.unpublishAt ? new Date(r.unpublishAt) : null,
  };
}

/** Actions that act on a published item's correction rather than on the item itself. */
export const REVISION_ACTIONS: readonly ContentAction[] = ['submit', 'return', 'approve'];

/**
 * Actions the person may take on the item now (the console shows only these buttons). On a published
 * item with a correction, submit/return/approve follow the correction's own status.
 */
export function availableActions(p: Principal, row: ContentRow): ContentAction[] {
  const revision = revisionOf(row);
  const statusFor = (a: ContentAction) =>
    revision && REVISION_ACTIONS.includes(a) ? revision.status : (row.status as ContentStatus);
  const submitterFor = (a: ContentAction) =>
    revision && REVISION_ACTIONS.includes(a) ? revision.submittedBy : row.submittedBy;
  return (
    Object.entries(CONTENT_TRANSITIONS) as [ContentAction, (typeof CONTENT_TRANSITIONS)[ContentAction]][]
  )
    .filter(([a, t]) => t.from.includes(statusFor(a)) && can(p, t.permission, scope(row)))
    .filter(([a, t]) => !t.notBySubmitter || submitterFor(a) !== p.userId)
    .filter(
      ([action]) => action !== 'submit' || can(p, 'content.edit', scope(row)) || row.authorId === p.userId,
    )
    .map(([a]) => a);
}

export function canEditItem(p: Principal, row: ContentRow): boolean {
  const status = row.status as ContentStatus;
  if (can(p, 'content.edit', scope(row)) && EDITOR_EDITABLE.includes(status)) return true;
  return (
    can(p, 'content.contribute', scope(row)) &&
    row.authorId === p.userId &&
    CONTRIBUTOR_EDITABLE.includes(status)
  );
}

export function toStaffItem(
  p: Principal,
  row: ContentRow,
  media: Map<string, MediaRow>,
  now: Date,
): StaffContentItem {
  return {
    id: row.id,
    type: row.type as ContentType,
    slug: row.slug,
    status: row.status as ContentStatus,
    version: row.version,
    title: row.title,
    summary: row.summary,
    body: row.body,
    category: row.category,
    fields: row.fields as ContentFields,
    mediaIds: row.mediaIds,
    coverMediaId: row.coverMediaId,
    media: [...new Set([...(row.coverMediaId ? [row.coverMediaId] : []), ...row.mediaIds])]
      .map((id) => media.get(id))
      .filter((m): m is MediaRow => !!m)
      .map((m) => mediaView(m, false)),
    publishAt: row.publishAt?.toISOString() ?? null,
    unpublishAt: row.unpublishAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    agencyId: row.agencyId,
    authorId: row.authorId,
    submittedBy: row.submittedBy,
    approvedBy: row.approvedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    live: isLive(row, now),
    revision: revisionOf(row),
    availableActions: availableActions(p, row),
    canEdit: canEditItem(p, row),
  };
}

/** Text folded for matching: lower case without diacritics, one output character per input character. */
function fold(text: string): string {
  return Array.from(text)
    .map((ch) => {
      const f = ch
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase();
      return f.length === 1 ? f : ch.length === 1 ? ch.toLowerCase() : '?';
    })
    .join('');
}

/**
 * A snippet of the text around the first match of the search terms, with the matching words marked
 * (matched without diacritics, shown with them). Returned as parts so every face escapes it itself.
 */
export function snippet(text: string, terms: string[], max = 220): SnippetPart[] {
  const chars = Array.from(text.normalize('NFC').replace(/\s+/g, ' ').trim());
  const folded = fold(chars.join(''));
  const slice = (a: number, b: number) => chars.slice(a, b).join('');
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const re = new RegExp(`(^|[^a-z0-9])(${term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[a-z0-9]*)`, 'g');
    for (const m of folded.matchAll(re)) {
      const start = m.index + m[1]!.length;
      ranges.push([start, start + m[2]!.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - 60);
  if (from > 0) {
    const space = folded.indexOf(' ', from);
    if (space !== -1 && space < first) from = space + 1;
  }
  const to = Math.min(chars.length, from + max);
  const parts: SnippetPart[] = [];
  let pos = from;
  const push = (s: string, hit: boolean) => {
    if (s) parts.push({ text: s, hit });
  };
  if (from > 0) push('… ', false);
  for (const [s, e] of ranges) {
    if (e <= pos || s >= to) continue;
    push(slice(pos, Math.max(pos, s)), false);
    push(slice(Math.max(pos, s), Math.min(e, to)), true);
    pos = Math.min(e, to);
  }
  push(slice(pos, to), false);
  if (to < chars.length) push(' …', false);
  return parts;
}
