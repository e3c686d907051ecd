import type {
  ContentType,
  PublicContentItem,
  PublicContentPage,
  PublicListQuery,
  SearchHit,
  SearchQuery,
} from '../../../contracts/content.js';
import { AppError } from '../../../platform/http/problem.js';
import type { Executor } from '../../../platform/db/database.js';
import { markdownToText } from '../../../web/shared/markdown.js';
import type { ContentDeps } from '../content-deps.js';
import * as repo from '../content.repository.js';
import { revisionColumns, revisionOf, snippet, toPublicItem, toPublicSummary } from '../content.presenter.js';
import { previewHash } from './edit-content.js';

/**
 * What anyone may read: live items only (published and inside their schedule), decided at query time with
 * the clock, so scheduled publishing and unpublishing take effect to the second without a job.
 */

async function mediaFor(db: Executor, rows: repo.ContentRow[], withAll: boolean) {
  const ids = rows.flatMap((r) => [
    ...(r.coverMediaId ? [r.coverMediaId] : []),
    ...(withAll ? r.mediaIds : []),
  ]);
  return new Map((await repo.mediaByIds(db, [...new Set(ids)])).map((m) => [m.id, m]));
}

/** A page of search hits: `total` is exact up to SEARCH_CANDIDATES, `more` says there are more. */
export interface PublicPage<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
  /** There are more matches than `total` (the newest SEARCH_CANDIDATES are ranked). */
  more?: boolean;
}

export async function listPublicContent(deps: ContentDeps, q: PublicListQuery): Promise<PublicContentPage> {
  const db = deps.database.db;
  const { rows, more } = await repo.listLive(db, deps.now(), {
    type: q.type,
    category: q.category,
    year: q.year,
    issuer: q.issuer,
    limit: q.limit,
    offset: (q.page - 1) * q.limit,
  });
  const media = await mediaFor(db, rows, false);
  return { items: rows.map((r) => toPublicSummary(r, media)), page: q.page, more };
}

/** The portal's pager counts a list's live items no further than this. */
export const COUNT_LIMIT = 1000;

/** How many live items a list holds, up to COUNT_LIMIT; `more` says there are more than `total`. */
export async function countPublicContent(
  deps: ContentDeps,
  f: repo.LiveFilter,
): Promise<{ total: number; more: boolean }> {
  const n = await repo.countLiveUpTo(deps.database.db, deps.now(), f, COUNT_LIMIT);
  return { total: Math.min(n, COUNT_LIMIT), more: n > COUNT_LIMIT };
}

export async function getPublicContent(
  deps: ContentDeps,
  type: ContentType,
  slug: string,
): Promise<PublicContentItem> {
  const db = deps.database.db;
  const row = await repo.findLiveBySlug(db, deps.now(), type, slug);
  if (!row) throw new AppError('not_found');
  return toPublicItem(row, await mediaFor(db, [row], true));
}

/** A draft seen through its preview link (any status; the token is the only key). */
export async function previewContent(deps: ContentDeps, token: string): Promise<PublicContentItem> {
  if (!/^[A-Za-z0-9_-]{40,64}$/.test(token)) throw new AppError('not_found');
  const db = deps.database.db;
  const found = await repo.findByPreviewHash(db, previewHash(token), deps.now());
  if (!found) throw new AppError('not_found');
  // A published item with a pending correction previews the correction.
  const revision = revisionOf(found);
  const row = revision ? ({ ...found, ...revisionColumns(revision) } as repo.ContentRow) : found;
  return toPublicItem(row, await mediaFor(db, [row], true));
}

export async function searchPublicContent(deps: ContentDeps, q: SearchQuery): Promise<PublicPage<SearchHit>> {
  const db = deps.database.db;
  const terms = repo.searchTerms(q.q);
  const { rows, total, capped } = await repo.searchLive(db, deps.now(), {
    q: q.q,
    type: q.type,
    from: q.from,
    to: q.to,
    limit: q.limit,
    offset: (q.page - 1) * q.limit,
  });
  const media = await mediaFor(db, rows, false);
  return {
    items: rows.map((r) => {
      const text = [r.docNumber ?? '', r.summary, markdownToText(r.body)].filter(Boolean).join(' — ');
      return { ...toPublicSummary(r, media), rank: r.rank, snippet: snippet(text || r.title, terms) };
    }),
    total,
    more: capped,
    page: q.page,
    // Only the newest SEARCH_CANDIDATES matches are ranked and paged.
    pages: Math.max(1, Math.ceil(Math.min(total, repo.SEARCH_CANDIDATES) / q.limit)),
  };
}

export async function documentFacets(deps: ContentDeps) {
  return repo.documentFacets(deps.database.db, deps.now());
}

export async function sitemapEntries(deps: ContentDeps) {
  return repo.liveIndex(deps.database.db, deps.now());
}
