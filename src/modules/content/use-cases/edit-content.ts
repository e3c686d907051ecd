import { createHash, randomBytes } from 'node:crypto';
import {
  CONTENT_TRANSITIONS,
  isCategoryOf,
  slugify,
  type ContentFields,
  type ContentRevisionView,
  type ContentStatus,
  type ContentTransitionRequest,
  type ContentType,
  type ContentVersionView,
  type SaveContentRequest,
  type StaffContentItem,
  type UpdateContentRequest,
} from '../../../contracts/content.js';
import type { Permission } from '../../../contracts/roles.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, can, type Principal } from '../../identity/index.js';
import { PORTAL, PREVIEW_TTL_MS, type ContentDeps } from '../content-deps.js';
import * as repo from '../content.repository.js';
import {
  availableActions,
  canEditItem,
  REVISION_ACTIONS,
  revisionColumns,
  revisionOf,
  toStaffItem,
} from '../content.presenter.js';

type Content = Omit<SaveContentRequest, 'type'>;

interface Snapshot {
  slug: string;
  title: string;
  summary: string;
  body: string;
  category: string;
  fields: ContentFields;
  mediaIds: string[];
  coverMediaId: string | null;
  publishAt: string | null;
  unpublishAt: string | null;
}

function snapshotOf(row: repo.ContentRow): Snapshot {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    category: row.category,
    fields: row.fields as ContentFields,
    mediaIds: row.mediaIds,
    coverMediaId: row.coverMediaId,
    publishAt: row.publishAt?.toISOString() ?? null,
    unpublishAt: row.unpublishAt?.toISOString() ?? null,
  };
}

async function recordVersion(tx: Executor, row: repo.ContentRow, p: Principal, note: string | null) {
  await repo.insertVersion(tx, {
    itemId: row.id,
    version: row.version,
    status: row.status,
    snapshot: snapshotOf(row),
    savedAt: row.updatedAt,
    savedBy: p.userId,
    savedByLabel: p.label,
    note,
  });
}

/** Keeps a correction in the history too (status draft; restoring it makes a new correction). */
async function recordRevision(
  tx: Executor,
  row: repo.ContentRow,
  revision: ContentRevisionView,
  p: Principal,
  note: string,
) {
  await repo.insertVersion(tx, {
    itemId: row.id,
    version: row.version,
    status: 'draft',
    snapshot: {
      slug: revision.slug,
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      category: revision.category,
      fields: revision.fields,
      mediaIds: revision.mediaIds,
      coverMediaId: revision.coverMediaId,
      publishAt: row.publishAt?.toISOString() ?? null,
      unpublishAt: revision.unpublishAt,
    } satisfies Snapshot,
    savedAt: row.updatedAt,
    savedBy: p.userId,
    savedByLabel: p.label,
    note,
  });
}

/** A correction of a published item from the edited values (status draft: it must be submitted). */
function newRevision(
  values: Partial<repo.NewContentRow>,
  slug: string,
  p: Principal,
  now: Date,
): ContentRevisionView {
  return {
    status: 'draft',
    slug,
    title: values.title!,
    summary: values.summary ?? '',
    body: values.body ?? '',
    category: values.category!,
    fields: (values.fields ?? {}) as ContentFields,
    mediaIds: values.mediaIds ?? [],
    coverMediaId: values.coverMediaId ?? null,
    unpublishAt: values.unpublishAt?.toISOString() ?? null,
    savedAt: now.toISOString(),
    savedBy: p.userId,
    submittedBy: null,
  };
}

/** The agency a new item belongs to: the one asked for, else the contributor's own (community team). */
function agencyFor(p: Principal, asked: string | null | undefined): string | null {
  if (asked) return asked;
  return p.grants.find((g) => g.role === 'community_team' && g.agencyId)?.agencyId ?? null;
}

/** Checks what the type requires and turns type fields into columns; throws the catalogue's problems. */
async function validated(
  tx: Executor,
  type: ContentType,
  c: Content,
  now: Date,
  previous?: repo.ContentRow,
): Promise<Partial<repo.NewContentRow>> {
  if (!isCategoryOf(type, c.category)) throw new AppError('content_bad_category');
  const fields: ContentFields = {};
  if (type === 'document') {
    if (!c.fields.document) throw new AppError('content_fields_required', { type });
    fields.document = c.fields.document;
  }
  if (type === 'service') {
    if (!c.fields.service) throw new AppError('content_fields_required', { type });
    fields.service = c.fields.service;
  }
  if (type === 'guide' && c.fields.guide) fields.guide = c.fields.guide;

  const publishAt = c.publishAt ? new Date(c.publishAt) : null;
  const unpublishAt = c.unpublishAt ? new Date(c.unpublishAt) : null;
  // A schedule may not be set in the past; one already in force (unchanged) may stay.
  const changed = (d: Date | null, old: Date | null | undefined) => !!d && d.getTime() !== old?.getTime();
  if (changed(publishAt, previous?.publishAt) && publishAt!.getTime() < now.getTime() - 60_000)
    throw new AppError('content_schedule_in_past');
  if (changed(unpublishAt, previous?.unpublishAt) && unpublishAt!.getTime() <= now.getTime())
    throw new AppError('content_schedule_in_past');
  if (publishAt && unpublishAt && unpublishAt <= publishAt) throw new AppError('content_schedule_order');

  const mediaIds = [...new Set(c.mediaIds)];
  const wanted = [...new Set([...mediaIds, ...(c.coverMediaId ? [c.coverMediaId] : [])])];
  const found = await repo.mediaByIds(tx, wanted);
  if (found.length !== wanted.length) throw new AppError('content_unknown_media');

  return {
    title: c.title,
    summary: c.summary,
    body: c.body,
    category: c.category,
    fields,
    docNumber: fields.document?.number ?? null,
    issuedOn: fields.document?.issuedOn ?? null,
    issuer: fields.document?.issuer ?? null,
    mediaIds,
    coverMediaId: c.coverMediaId ?? null,
    publishAt,
    unpublishAt,
  };
}

async function freeSlug(tx: Executor, type: string, wanted: string | undefined, title: string, id?: string) {
  if (wanted) {
    if (await repo.slugTaken(tx, type, wanted, id))
      throw new AppError('content_slug_taken', { slug: wanted });
    return wanted;
  }
  const base = slugify(title);
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base.slice(0, 75)}-${n}`;
    if (!(await repo.slugTaken(tx, type, slug, id))) return slug;
  }
  return `${base.slice(0, 60)}-${randomBytes(4).toString('hex')}`;
}

async function mediaMap(tx: Executor, row: repo.ContentRow) {
  const ids = [...row.mediaIds, ...(row.coverMediaId ? [row.coverMediaId] : [])];
  return new Map((await repo.mediaByIds(tx, ids)).map((m) => [m.id, m]));
}

async function present(
  deps: ContentDeps,
  p: Principal,
  row: repo.ContentRow,
  tx: Executor = deps.database.db,
) {
  return toStaffItem(p, row, await mediaMap(tx, row), deps.now());
}

/** Writes `patch` over `row` unless someone changed it meanwhile (then `content_conflict`). */
async function updateOrConflict(
  tx: Executor,
  row: repo.ContentRow,
  patch: Partial<repo.NewContentRow>,
): Promise<repo.ContentRow> {
  const updated = await repo.updateItem(tx, row.id, row.version, patch);
  if (!updated) throw new AppError('content_conflict', { current: row.version + 1 });
  return updated;
}

/** Audits a change of the item (`content.…` on `content_item`) and answers with the item as staff see it. */
async function auditedView(
  deps: ContentDeps,
  tx: Executor,
  actor: Actor,
  principal: Principal,
  updated: repo.ContentRow,
  action: string,
  summary: Record<string, unknown>,
): Promise<StaffContentItem> {
  await appendAudit(tx, actor, { action, entityType: 'content_item', entityId: updated.id, summary });
  return present(deps, principal, updated, tx);
}

/** A contributor writes a new draft (version 1). */
export async function createContent(
  deps: ContentDeps,
  p: Principal | null,
  input: SaveContentRequest,
  actor: Actor,
): Promise<StaffContentItem> {
  const principal = authorize(p, 'content.contribute');
  const agencyId = agencyFor(principal, input.agencyId);
  authorize(principal, 'content.contribute', { agencyId });
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const values = await validated(tx, input.type, input, now);
    const slug = await freeSlug(tx, input.type, input.slug, input.title);
    const row = await repo.insertItem(tx, {
      ...values,
      type: input.type,
      slug,
      status: 'draft',
      title: input.title,
      category: input.category,
      agencyId,
      authorId: principal.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordVersion(tx, row, principal, 'created');
    await appendAudit(tx, actor, {
      action: 'content.created',
      entityType: 'content_item',
      entityId: row.id,
      summary: { type: row.type, slug: row.slug, version: row.version },
    });
    return present(deps, principal, row, tx);
  });
}

async function lockedItem(tx: Executor, id: string, p: Principal, permission: Permission) {
  const row = await repo.findItemForUpdate(tx, id);
  if (!row) throw new AppError('not_found');
  if (
    !can(p, 'content.contribute', { agencyId: row.agencyId }) &&
    !can(p, permission, { agencyId: row.agencyId })
  )
    throw new AppError('not_found');
  return row;
}

function checkVersion(row: repo.ContentRow, version: number) {
  if (row.version !== version) throw new AppError('content_conflict', { current: row.version });
}

/** Saves a changed text as a new version (compare-and-set on the version the editor started from). */
export async function updateContent(
  deps: ContentDeps,
  p: Principal | null,
  id: string,
  input: UpdateContentRequest,
  actor: Actor,
): Promise<StaffContentItem> {
  const principal = authorize(p, 'content.contribute');
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const row = await lockedItem(tx, id, principal, 'content.edit');
    if (!canEditItem(principal, row)) {
      if (!can(principal, 'content.edit', { agencyId: row.agencyId }) && row.authorId !== principal.userId)
        throw new AppError('forbidden');
      throw new AppError('content_not_editable');
    }
    checkVersion(row, input.version);
    const values = await validated(tx, row.type as ContentType, input, now, row);
    const slug =
      input.slug && input.slug !== row.slug
        ? await freeSlug(tx, row.type, input.slug, input.title, row.id)
        : row.slug;
    const agencyId = input.agencyId === undefined ? row.agencyId : agencyFor(principal, input.agencyId);
    authorize(principal, 'content.contribute', { agencyId });
    if (row.status === 'published') {
      // A correction of a published item goes through approval: the live text stays until then.
      const revision = newRevision(values, slug, principal, now);
      const updated = await updateOrConflict(tx, row, { revision, updatedAt: now });
      await recordRevision(tx, updated, revision, principal, 'correction: edited');
      return auditedView(deps, tx, actor, principal, updated, 'content.revision_saved', {
        version: updated.version,
        status: updated.status,
      });
    }
    const updated = await updateOrConflict(tx, row, {
      ...values,
      slug,
      agencyId,
      updatedAt: now,
    });
    await recordVersion(tx, updated, principal, 'edited');
    await repo.notifyContentChanged(tx, updated.id);
    return auditedView(deps, tx, actor, principal, updated, 'content.updated', {
      version: updated.version,
      status: updated.status,
    });
  });
}

/** One workflow step (submit, return, approve, publish, unpublish, archive), as the table says. */
export async function transitionContent(
  deps: ContentDeps,
  p: Principal | null,
  id: string,
  input: ContentTransitionRequest,
  actor: Actor,
): Promise<StaffContentItem> {
  const t = CONTENT_TRANSITIONS[input.action];
  const principal = authorize(p, t.permission);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const row = await lockedItem(tx, id, principal, t.permission);
    authorize(principal, t.permission, { agencyId: row.agencyId });
    checkVersion(row, input.version);
    const revision = revisionOf(row);
    if (revision && REVISION_ACTIONS.includes(input.action))
      return transitionRevision(deps, tx, principal, row, revision, input, actor);
    if (t.notBySubmitter && row.submittedBy === principal.userId) throw new AppError('content_own_approval');
    if (!availableActions(principal, row).includes(input.action)) {
      if (!t.from.includes(row.status as ContentStatus)) throw new AppError('content_action_not_allowed');
      throw new AppError('forbidden');
    }
    const patch: Partial<repo.NewContentRow> = { status: t.to, updatedAt: now };
    switch (input.action) {
      case 'submit':
        if (row.publishAt && row.publishAt.getTime() < now.getTime() - 60_000 && !row.publishedAt)
          throw new AppError('content_schedule_in_past');
        patch.submittedBy = principal.userId;
        break;
      case 'return':
        patch.submittedBy = null;
        patch.approvedBy = null;
        break;
      case 'approve':
        patch.approvedBy = principal.userId;
        // An item the editor scheduled goes live by itself at its time: approval publishes it.
        if (row.publishAt) {
          patch.status = 'published';
          if (row.publishAt < now) patch.publishAt = now;
          patch.publishedAt = row.publishedAt ?? (row.publishAt > now ? row.publishAt : now);
        }
        break;
      case 'publish':
        patch.publishAt = row.publishAt && row.publishAt > now ? row.publishAt : now;
        patch.publishedAt = row.publishedAt ?? patch.publishAt;
        if (row.unpublishAt && row.unpublishAt <= now) patch.unpublishAt = null;
        break;
      case 'unpublish':
        // Taken off the site, the item carries its pending correction as its text (it needs approval
        // again before it is published anyway).
        if (revision) Object.assign(patch, revisionColumns(revision), { revision: null });
        break;
      case 'archive':
        break;
    }
    const updated = await updateOrConflict(tx, row, patch);
    await recordVersion(tx, updated, principal, input.note ? `${input.action}: ${input.note}` : input.action);
    await repo.notifyContentChanged(tx, updated.id);
    return auditedView(deps, tx, actor, principal, updated, `content.${input.action}`, {
      from: row.status,
      to: updated.status,
      version: updated.version,
      publishAt: updated.publishAt?.toISOString() ?? null,
      ...(input.note ? { note: input.note } : {}),
    });
  });
}

/**
 * submit / return / approve on the correction of a published item: the same rules as for an item (four
 * eyes: not approved by who submitted it); approval replaces the live text with the correction.
 */
async function transitionRevision(
  deps: ContentDeps,
  tx: Executor,
  principal: Principal,
  row: repo.ContentRow,
  revision: ContentRevisionView,
  input: ContentTransitionRequest,
  actor: Actor,
): Promise<StaffContentItem> {
  const t = CONTENT_TRANSITIONS[input.action];
  const now = deps.now();
  if (t.notBySubmitter && revision.submittedBy === principal.userId)
    throw new AppError('content_own_approval');
  if (!availableActions(principal, row).includes(input.action)) {
    if (!t.from.includes(revision.status)) throw new AppError('content_action_not_allowed');
    throw new AppError('forbidden');
  }
  let patch: Partial<repo.NewContentRow>;
  if (input.action === 'approve') {
    if (revision.slug !== row.slug && (await repo.slugTaken(tx, row.type, revision.slug, row.id)))
      throw new AppError('content_slug_taken', { slug: revision.slug });
    patch = { ...revisionColumns(revision), revision: null, approvedBy: principal.userId, updatedAt: now };
  } else {
    const next: ContentRevisionView =
      input.action === 'submit'
        ? { ...revision, status: 'submitted', submittedBy: principal.userId }
        : { ...revision, status: 'draft', submittedBy: null };
    patch = { revision: next, updatedAt: now };
  }
  const updated = await updateOrConflict(tx, row, patch);
  const note = `correction: ${input.action}${input.note ? `: ${input.note}` : ''}`;
  if (input.action === 'approve') await recordVersion(tx, updated, principal, note);
  else await recordRevision(tx, updated, updated.revision as ContentRevisionView, principal, note);
  await repo.notifyContentChanged(tx, updated.id);
  return auditedView(deps, tx, actor, principal, updated, `content.revision_${input.action}`, {
    version: updated.version,
    ...(input.note ? { note: input.note } : {}),
  });
}

/** Copies an earlier version's text back as a new version (the slug stays, so links keep working). */
export async function restoreContentVersion(
  deps: ContentDeps,
  p: Principal | null,
  id: string,
  input: { version: number; currentVersion: number },
  actor: Actor,
): Promise<StaffContentItem> {
  const principal = authorize(p, 'content.contribute');
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const row = await lockedItem(tx, id, principal, 'content.edit');
    if (!canEditItem(principal, row)) throw new AppError('content_not_editable');
    checkVersion(row, input.currentVersion);
    const old = await repo.findVersion(tx, row.id, input.version);
    if (!old) throw new AppError('content_version_not_found');
    const s = old.snapshot as Snapshot;
    const media = await repo.mediaByIds(tx, [...s.mediaIds, ...(s.coverMediaId ? [s.coverMediaId] : [])]);
    const known = new Set(media.map((m) => m.id));
    if (row.status === 'published') {
      // Restoring text on a published item proposes it as a correction (approval needed, as for edits).
      const revision: ContentRevisionView = {
        status: 'draft',
        slug: row.slug,
        title: s.title,
        summary: s.summary,
        body: s.body,
        category: s.category,
        fields: s.fields,
        mediaIds: s.mediaIds.filter((m) => known.has(m)),
        coverMediaId: s.coverMediaId && known.has(s.coverMediaId) ? s.coverMediaId : null,
        unpublishAt: row.unpublishAt?.toISOString() ?? null,
        savedAt: now.toISOString(),
        savedBy: principal.userId,
        submittedBy: null,
      };
      const updated = await updateOrConflict(tx, row, { revision, updatedAt: now });
      await recordRevision(tx, updated, revision, principal, `correction: restored v${input.version}`);
      return auditedView(deps, tx, actor, principal, updated, 'content.restored', {
        fromVersion: input.version,
        version: updated.version,
        asCorrection: true,
      });
    }
    const updated = await updateOrConflict(tx, row, {
      title: s.title,
      summary: s.summary,
      body: s.body,
      category: s.category,
      fields: s.fields,
      docNumber: s.fields.document?.number ?? null,
      issuedOn: s.fields.document?.issuedOn ?? null,
      issuer: s.fields.document?.issuer ?? null,
      mediaIds: s.mediaIds.filter((m) => known.has(m)),
      coverMediaId: s.coverMediaId && known.has(s.coverMediaId) ? s.coverMediaId : null,
      updatedAt: now,
    });
    await recordVersion(tx, updated, principal, `restored v${input.version}`);
    await repo.notifyContentChanged(tx, updated.id);
    return auditedView(deps, tx, actor, principal, updated, 'content.restored', {
      fromVersion: input.version,
      version: updated.version,
    });
  });
}

/**
 * A new preview link for the item (the previous one stops working): 32 random bytes, only their SHA-256
 * is stored; valid for 7 days; the page is not indexed and not cached.
 */
export async function createPreviewLink(
  deps: ContentDeps,
  p: Principal | null,
  id: string,
  actor: Actor,
): Promise<{ url: string; expiresAt: string }> {
  const principal = authorize(p, 'content.contribute');
  const now = deps.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PREVIEW_TTL_MS);
  await deps.database.db.transaction(async (tx) => {
    const row = await lockedItem(tx, id, principal, 'content.edit');
    if (!can(principal, 'content.edit', { agencyId: row.agencyId }) && row.authorId !== principal.userId)
      throw new AppError('forbidden');
    await repo.setPreview(tx, row.id, previewHash(token), expiresAt);
    await appendAudit(tx, actor, {
      action: 'content.preview_link',
      entityType: 'content_item',
      entityId: row.id,
      summary: { expiresAt: expiresAt.toISOString() },
    });
  });
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  return { url: `${base}${PORTAL}/xem-truoc/${token}`, expiresAt: expiresAt.toISOString() };
}

export function previewHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// ---------------------------------------------------------------------------------------------------
// Staff reads

function staffScope(p: Principal): string[] | null {
  // People whose every content role is agency-scoped see only their agencies' items.
  const unscoped = p.grants.some(
    (g) =>
      g.role !== 'community_team' &&
      (can({ ...p, grants: [g] }, 'content.contribute') || can({ ...p, grants: [g] }, 'content.approve')),
  );
  if (unscoped) return null;
  return [...(p.scopes.get('community_team') ?? [])];
}

export async function listStaffContent(
  deps: ContentDeps,
  p: Principal | null,
  q: {
    status?: ContentStatus | undefined;
    type?: ContentType | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: StaffContentItem[]; total: number }> {
  const principal = authorize(p, 'content.contribute');
  const db = deps.database.db;
  const { rows, total } = await repo.listStaffItems(db, { ...q, agencyIds: staffScope(principal) });
  const media = new Map(
    (
      await repo.mediaByIds(
        db,
        rows.flatMap((r) => (r.coverMediaId ? [r.coverMediaId] : [])),
      )
    ).map((m) => [m.id, m]),
  );
  const now = deps.now();
  return { items: rows.map((r) => toStaffItem(principal, r, media, now)), total };
}

export async function getStaffContent(
  deps: ContentDeps,
  p: Principal | null,
  id: string,
): Promise<{ item: StaffContentItem; versions: ContentVersionView[] }> {
  const principal = authorize(p, 'content.contribute');
  const db = deps.database.db;
  const row = await repo.findItem(db, id);
  if (!row || !can(principal, 'content.contribute', { agencyId: row.agencyId }))
    throw new AppError('not_found');
  const versions = await repo.listVersions(db, id);
  return {
    item: await present(deps, principal, row),
    versions: versions.map((v) => ({
      version: v.version,
      title: (v.snapshot as Snapshot).title,
      status: v.status as ContentStatus,
      savedAt: v.savedAt.toISOString(),
      savedBy: v.savedByLabel,
      note: v.note,
    })),
  };
}
