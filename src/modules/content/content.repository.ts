import {
  and,
  count,
  desc,
  type AnyColumn,
  eq,
  gt,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { ContentStatus, ContentType } from '../../contracts/content.js';
import type { Executor } from '../../platform/db/database.js';
import { CONTENT_CHANNEL } from './content-deps.js';
import { contentItems, contentMedia, contentVersions } from './content.schema.js';

export type ContentRow = typeof contentItems.$inferSelect;
export type NewContentRow = typeof contentItems.$inferInsert;
export type MediaRow = typeof contentMedia.$inferSelect;
export type VersionRow = typeof contentVersions.$inferSelect;

/** The public-visibility rule, at query time: published and inside its schedule. */
export function liveAt(now: Date): SQL {
  return and(
    eq(contentItems.status, 'published'),
    lte(contentItems.publishAt, now),
    or(isNull(contentItems.unpublishAt), gt(contentItems.unpublishAt, now)),
  )!;
}

export async function findItem(db: Executor, id: string): Promise<ContentRow | undefined> {
  const [row] = await db.select().from(contentItems).where(eq(contentItems.id, id)).limit(1);
  return row;
}

export async function findItemForUpdate(db: Executor, id: string): Promise<ContentRow | undefined> {
  const [row] = await db.select().from(contentItems).where(eq(contentItems.id, id)).limit(1).for('update');
  return row;
}

export async function slugTaken(
  db: Executor,
  type: string,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(eq(contentItems.type, type), eq(contentItems.slug, slug)))
    .limit(2);
  return rows.some((r) => r.id !== exceptId);
}

export async function insertItem(db: Executor, row: NewContentRow): Promise<ContentRow> {
  const [created] = await db.insert(contentItems).values(row).returning();
  return created!;
}

/** Compare-and-set on the version: undefined when someone else changed the item first. */
export async function updateItem(
  db: Executor,
  id: string,
  expectedVersion: number,
  patch: Partial<NewContentRow>,
): Promise<ContentRow | undefined> {
  const [row] = await db
    .update(contentItems)
    .set({ ...patch, version: sql`${contentItems.version} + 1` })
    .where(and(eq(contentItems.id, id), eq(contentItems.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertVersion(db: Executor, row: typeof contentVersions.$inferInsert): Promise<void> {
  await db.insert(contentVersions).values(row);
}

export async function listVersions(db: Executor, itemId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(contentVersions)
    .where(eq(contentVersions.itemId, itemId))
    .orderBy(desc(contentVersions.version))
    .limit(200);
}

export async function findVersion(
  db: Executor,
  itemId: string,
  version: number,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.itemId, itemId), eq(contentVersions.version, version)))
    .limit(1);
  return row;
}

export async function listStaffItems(
  db: Executor,
  f: {
    status?: ContentStatus;
    type?: ContentType;
    q?: string;
    agencyIds?: string[] | null;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ContentRow[]; total: number }> {
  const where: SQL[] = [];
  // Waiting for approval includes corrections of published items (their own status is in `revision`).
  if (f.status === 'submitted' || f.status === 'draft')
    where.push(
      or(
        eq(contentItems.status, f.status),
        and(eq(contentItems.status, 'published'), sql`${contentItems.revision}->>'status' = ${f.status}`),
      )!,
    );
  else if (f.status) where.push(eq(contentItems.status, f.status));
  if (f.type) where.push(eq(contentItems.type, f.type));
  if (f.agencyIds)
    where.push(
      inArray(
        contentItems.agencyId,
        f.agencyIds.length ? f.agencyIds : ['00000000-0000-0000-0000-000000000000'],
      ),
    );
  if (f.q) where.push(searchCondition(f.q));
  const cond = where.length ? and(...where) : undefined;
  const rows = await db
    .select()
    .from(contentItems)
    .where(cond)
    .orderBy(desc(contentItems.updatedAt), desc(contentItems.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(contentItems).where(cond);
  return { rows, total: total?.n ?? 0 };
}

/** Which live items a public list shows (type, category; documents by year and issuer). */
export interface LiveFilter {
  type?: ContentType | undefined;
  category?: string | undefined;
  year?: number | undefined;
  issuer?: string | undefined;
}

function liveWhere(now: Date, f: LiveFilter): SQL {
  const where: SQL[] = [liveAt(now)];
  if (f.type) where.push(eq(contentItems.type, f.type));
  if (f.category) where.push(eq(contentItems.category, f.category));
  if (f.year) where.push(sql`extract(year from ${contentItems.issuedOn}) = ${f.year}`);
  if (f.issuer) where.push(eq(contentItems.issuer, f.issuer));
  return and(...where)!;
}

/**
 * One page of live items in list order and whether more follow. One row past the page is read instead
 * of counting every live item of the type (the count cost as much as the page at 100,000 items).
 */
export async function listLive(
  db: Executor,
  now: Date,
  f: LiveFilter & { limit: number; offset: number },
): Promise<{ rows: ContentRow[]; more: boolean }> {
  const order =
    f.type === 'document'
      ? [sql`${contentItems.issuedOn} desc nulls last`, desc(contentItems.publishAt), desc(contentItems.id)]
      : f.type === 'service'
        ? [contentItems.title, desc(contentItems.id)]
        : // Same order as content_items_public_idx (drizzle's .desc() indexes are NULLS LAST).
          [sql`${contentItems.publishAt} desc nulls last`, sql`${contentItems.id} desc nulls last`];
  const rows = await db
    .select()
    .from(contentItems)
    .where(liveWhere(now, f))
    .orderBy(...order)
    .limit(f.limit + 1)
    .offset(f.offset);
  return { rows: rows.slice(0, f.limit), more: rows.length > f.limit };
}

/** How many live items match, counted no further than `upTo + 1` (so "more than upTo" can be told). */
export async function countLiveUpTo(db: Executor, now: Date, f: LiveFilter, upTo: number): Promise<number> {
  const matches = db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(liveWhere(now, f))
    .limit(upTo + 1)
    .as('matches');
  const [row] = await db.select({ n: count() }).from(matches);
  return row?.n ?? 0;
}

export async function findLiveBySlug(
  db: Executor,
  now: Date,
  type: ContentType,
  slug: string,
): Promise<ContentRow | undefined> {
  const [row] = await db
    .select()
    .from(contentItems)
    .where(and(liveAt(now), eq(contentItems.type, type), eq(contentItems.slug, slug)))
    .limit(1);
  return row;
}

export async function findByPreviewHash(
  db: Executor,
  hash: string,
  now: Date,
): Promise<ContentRow | undefined> {
  const [row] = await db
    .select()
    .from(contentItems)
    .where(and(eq(contentItems.previewTokenHash, hash), gt(contentItems.previewExpiresAt, now)))
    .limit(1);
  return row;
}

/** Distinct issuers and years of live documents, for the filter form. */
export async function documentFacets(
  db: Executor,
  now: Date,
): Promise<{ issuers: string[]; years: number[] }> {
  const rows = await db
    .selectDistinct({
      issuer: contentItems.issuer,
      year: sql<number>`extract(year from ${contentItems.issuedOn})::int`,
    })
    .from(contentItems)
    .where(and(liveAt(now), eq(contentItems.type, 'document')));
  const issuers = [...new Set(rows.map((r) => r.issuer).filter((x): x is string => !!x))].sort();
  const years = [...new Set(rows.map((r) => Number(r.year)).filter((y) => y > 0))].sort((a, b) => b - a);
  return { issuers, years };
}

/**
 * Terms of a search typed by a person, without diacritics and lower-cased, as a prefix tsquery
 * (`ngap nuoc` → `'ngap':* & 'nuoc':*`); each term quoted so no tsquery operator can be injected.
 */
export function searchTerms(q: string): string[] {
  return q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .split(/[\s,;"'`()&|!:<>*\\]+/)
    .map((t) => t.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

export function toPrefixQuery(terms: string[]): string {
  return terms.map((t) => `'${t}':*`).join(' & ');
}

/** A number such as "310/KH" also matches the document number as a substring (trigram index). */
function numberMatch(terms: string[], column: SQL | SQL.Aliased | AnyColumn): SQL {
  const joined = terms.join(' ');
  return /\d/.test(joined)
    ? sql` or f_unaccent(lower(${column})) like ${'%' + joined.replace(/[%_\\]/g, '') + '%'}`
    : sql``;
}

function searchCondition(q: string): SQL {
  const terms = searchTerms(q);
  if (terms.length === 0) return sql`false`;
  return sql`(${contentItems.search} @@ to_tsquery('simple', ${toPrefixQuery(terms)})${numberMatch(terms, contentItems.docNumber)})`;
}

export interface SearchRow extends ContentRow {
  rank: number;
}

/** How many of the newest matches are ranked and paged; beyond that the total reads "more than 200". */
export const SEARCH_CANDIDATES = 200;
/** Newest live items read in date order before deciding how to find the rest (see searchLive). */
export const SEARCH_WALK_FIRST = 2000;
/** The longest date-ordered walk; a rarer term goes through the GIN index instead. */
export const SEARCH_WALK_MAX = 16000;

/**
 * Ranked full-text search over live items (title > summary/issuer > body; a document-number hit first).
 * The newest SEARCH_CANDIDATES matches are ranked (news search favours recent items). Finding them is
 * where the time goes, and the cheap way depends on how common the terms are, which the planner cannot
 * tell for prefix queries (it guesses a few dozen rows for any of them):
 * - a common term: walk the live items newest first (the public date index) and keep the matches; 200
 *   matches of a word in 1 item out of 8 cost ≈ 1,600 rows read in date order, where a bitmap of every
 *   match (12,500 of 100,000) reads 12,000 scattered pages to sort them by date;
 * - a rarer term (fewer than SEARCH_CANDIDATES matches in the newest SEARCH_WALK_FIRST items): the share
 *   found there tells how far the walk would have to go; up to SEARCH_WALK_MAX rows it walks on, otherwise
 *   the GIN index finds every match (then there are few: under 1 in 64 items) and they are sorted by date.
 * The total is exact under SEARCH_CANDIDATES; beyond it is capped and `capped` says so ("more than 200").
 */
export async function searchLive(
  db: Executor,
  now: Date,
  f: {
    q: string;
    type?: ContentType | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: SearchRow[]; total: number; capped: boolean }> {
  const terms = searchTerms(f.q);
  if (terms.length === 0) return { rows: [], total: 0, capped: false };
  const tsq = toPrefixQuery(terms);
  const scope: SQL[] = [liveAt(now)];
  if (f.type) scope.push(eq(contentItems.type, f.type));
  if (f.from) scope.push(sql`${contentItems.publishAt} >= ${f.from}::date`);
  if (f.to) scope.push(sql`${contentItems.publishAt} < (${f.to}::date + 1)`);
  const match = searchCondition(f.q);
  const newestFirst = sql`${contentItems.publishAt} desc nulls last, ${contentItems.id} desc nulls last`;

  // The newest `rows` live items in date order (an index walk, whatever the terms), filtered by the terms.
  const walk = async (rows: number) => {
    const w = db
      .select({ id: contentItems.id, search: contentItems.search, docNumber: contentItems.docNumber })
      .from(contentItems)
      .where(and(...scope))
      .orderBy(newestFirst)
      .limit(rows)
      .as('w');
    const found = await db
      .select({ id: w.id })
      .from(w)
      .where(sql`(${w.search} @@ to_tsquery('simple', ${tsq})${numberMatch(terms, w.docNumber)})`)
      .limit(SEARCH_CANDIDATES + 1);
    return found.map((r) => r.id);
  };

  let ids = await walk(SEARCH_WALK_FIRST);
  if (ids.length <= SEARCH_CANDIDATES) {
    const needed = ids.length
      ? Math.ceil((SEARCH_CANDIDATES * SEARCH_WALK_FIRST * 1.25) / ids.length)
      : Infinity;
    if (needed <= SEARCH_WALK_MAX) ids = await walk(needed);
    if (ids.length <= SEARCH_CANDIDATES) {
      const rows = await db
        .select({ id: contentItems.id })
        .from(contentItems)
        .where(and(...scope, match))
        // Not the date index's order on purpose: with it the planner may walk every live item (it
        // over-estimates a document-number LIKE); here every match is found by index, then sorted.
        .orderBy(sql`${contentItems.publishAt} + interval '0 s' desc`, desc(contentItems.id))
        .limit(SEARCH_CANDIDATES + 1);
      ids = rows.map((r) => r.id);
    }
  }
  if (ids.length === 0) return { rows: [], total: 0, capped: false };
  const capped = ids.length > SEARCH_CANDIDATES;
  const candidates = ids.slice(0, SEARCH_CANDIDATES);
  const joined = terms.join(' ');
  const rank = sql<number>`ts_rank(${contentItems.search}, to_tsquery('simple', ${tsq})) + case when f_unaccent(lower(coalesce(${contentItems.docNumber}, ''))) like ${joined.replace(/[%_\\]/g, '') + '%'} then 1 else 0 end`;
  const rows = await db
    .select({ item: contentItems, rank })
    .from(contentItems)
    .where(inArray(contentItems.id, candidates))
    .orderBy(desc(rank), desc(contentItems.publishAt), desc(contentItems.id))
    .limit(f.limit)
    .offset(f.offset);
  return {
    rows: rows.map((r) => ({ ...r.item, rank: Number(r.rank) })),
    total: candidates.length,
    capped,
  };
}

/** Slug, type and dates of every live item, for the sitemap. */
export async function liveIndex(
  db: Executor,
  now: Date,
): Promise<{ type: string; slug: string; updatedAt: Date }[]> {
  return db
    .select({ type: contentItems.type, slug: contentItems.slug, updatedAt: contentItems.updatedAt })
    .from(contentItems)
    .where(liveAt(now))
    .orderBy(desc(contentItems.publishAt))
    .limit(45_000);
}

// ---------------------------------------------------------------------------------------------------
// Media

export async function insertMedia(db: Executor, row: typeof contentMedia.$inferInsert): Promise<MediaRow> {
  const [created] = await db.insert(contentMedia).values(row).returning();
  return created!;
}

export async function findMedia(db: Executor, id: string): Promise<MediaRow | undefined> {
  const [row] = await db.select().from(contentMedia).where(eq(contentMedia.id, id)).limit(1);
  return row;
}

export async function mediaByIds(db: Executor, ids: string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(contentMedia).where(inArray(contentMedia.id, ids));
}

export async function listMedia(
  db: Executor,
  f: { kind?: string | undefined; limit: number; offset: number },
): Promise<MediaRow[]> {
  return db
    .select()
    .from(contentMedia)
    .where(f.kind ? eq(contentMedia.kind, f.kind) : undefined)
    .orderBy(desc(contentMedia.createdAt), desc(contentMedia.id))
    .limit(f.limit)
    .offset(f.offset);
}

/** Is the media file part of any live item (so that anyone may download it)? */
export async function mediaIsPublic(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(
      and(
        liveAt(now),
        or(
          eq(contentItems.coverMediaId, id),
          sql`${contentItems.mediaIds} @> ${JSON.stringify([id])}::jsonb`,
        ),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Replaces the item's preview token (hash) without touching its version: a link is not an edit. */
export async function setPreview(db: Executor, id: string, hash: string, expiresAt: Date): Promise<void> {
  await db
    .update(contentItems)
    .set({ previewTokenHash: hash, previewExpiresAt: expiresAt })
    .where(eq(contentItems.id, id));
}

/** Announces a change to an item when the transaction commits (page caches listen; see content-pages). */
export async function notifyContentChanged(db: Executor, id: string): Promise<void> {
  await db.execute(sql`select pg_notify(${CONTENT_CHANNEL}, ${id})`);
}
