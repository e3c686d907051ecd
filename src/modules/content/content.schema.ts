import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/**
 * One piece of content: article, directive document, guide, promotion material or service directory entry.
 * `version` increases on every change (optimistic concurrency; each version is kept in content_versions).
 * Visible to the public when status = 'published' and now() is inside [publish_at, unpublish_at).
 * Document fields used for filters and search are columns; the rest of the type's fields live in `fields`.
 */
export const contentItems = pgTable(
  'content_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    slug: text('slug').notNull(),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    category: text('category').notNull(),
    fields: jsonb('fields')
      .notNull()
      .default(sql`'{}'::jsonb`),
    docNumber: text('doc_number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    issuer: text('issuer'),
    mediaIds: jsonb('media_ids')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    coverMediaId: uuid('cover_media_id'),
    agencyId: uuid('agency_id'),
    authorId: uuid('author_id'),
    submittedBy: uuid('submitted_by'),
    approvedBy: uuid('approved_by'),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    unpublishAt: timestamp('unpublish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * A correction of a published item waiting for approval (the live text stays until it is approved):
     * the edited snapshot plus its own workflow state; see ContentRevision in edit-content.ts.
     */
    revision: jsonb('revision'),
    previewTokenHash: text('preview_token_hash'),
    previewExpiresAt: timestamp('preview_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', f_unaccent(coalesce(title, '') || ' ' || coalesce(doc_number, ''))), 'A') || setweight(to_tsvector('simple', f_unaccent(coalesce(summary, '') || ' ' || coalesce(issuer, ''))), 'B') || setweight(to_tsvector('simple', f_unaccent(coalesce(body, ''))), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('content_items_slug_uq').on(t.type, t.slug),
    uniqueIndex('content_items_preview_uq').on(t.previewTokenHash),
    index('content_items_public_idx')
      .on(t.type, t.category, t.publishAt.desc(), t.id.desc())
      .where(sql`status = 'published'`),
    index('content_items_public_all_idx')
      .on(t.publishAt.desc(), t.id.desc())
      .where(sql`status = 'published'`),
    index('content_items_staff_idx').on(t.status, t.updatedAt.desc()),
    index('content_items_search_idx').using('gin', t.search),
    index('content_items_media_idx').using('gin', t.mediaIds),
    index('content_items_docnum_trgm_idx').using('gin', sql`f_unaccent(lower(doc_number)) gin_trgm_ops`),
    check(
      'content_items_type_ck',
      sql`${t.type} in (${inList(['article', 'document', 'guide', 'material', 'service'])})`,
    ),
    check(
      'content_items_status_ck',
      sql`${t.status} in (${inList(['draft', 'submitted', 'approved', 'published', 'unpublished', 'archived'])})`,
    ),
    check('content_items_slug_ck', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check(
      'content_items_schedule_ck',
      sql`${t.unpublishAt} is null or ${t.publishAt} is null or ${t.unpublishAt} > ${t.publishAt}`,
    ),
    check(
      'content_items_published_has_time_ck',
      sql`${t.status} <> 'published' or ${t.publishAt} is not null`,
    ),
    check('content_items_version_ck', sql`${t.version} >= 1`),
  ],
);

/** Every saved version of an item (a full snapshot), for history and restore. */
export const contentVersions = pgTable(
  'content_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    savedBy: uuid('saved_by'),
    savedByLabel: text('saved_by_label'),
    note: text('note'),
  },
  (t) => [uniqueIndex('content_versions_item_version_uq').on(t.itemId, t.version)],
);

/** The media library: photos (re-encoded, no metadata), videos and documents, reusable across items. */
export const contentMedia = pgTable(
  'content_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    title: text('title').notNull().default(''),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    width: integer('width'),
    height: integer('height'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('content_media_created_idx').on(t.createdAt.desc()),
    index('content_media_sha_idx').on(t.sha256),
    check('content_media_kind_ck', sql`${t.kind} in ('photo','video','document')`),
    check('content_media_size_ck', sql`${t.size} > 0`),
  ],
);
