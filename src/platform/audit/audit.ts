import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/database.js';
import { auditLog } from './audit.schema.js';

/** Who did something, and from where: passed from the HTTP layer (or a job) into every use case. */
export interface Actor {
  id: string | null;
  label: string;
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 7_100_001;

/** JSON with object keys sorted, so the hash does not depend on how jsonb reorders keys. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

interface HashedFields {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  ip: string | null;
  requestId: string | null;
}

/** The chain link: SHA-256 over the previous hash and the row's content. */
export function auditHash(prevHash: string, row: HashedFields): string {
  const content = stableStringify([
    prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorLabel,
    row.action,
    row.entityType,
    row.entityId,
    row.summary,
    row.ip,
    row.requestId,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends audit rows inside the caller's transaction, in order. Appends are serialised by a
 * transaction-level advisory lock so that each row links to the one committed before it; a batch
 * takes the lock once and writes all its rows in one statement.
 */
export async function appendAuditMany(
  tx: Executor,
  items: { actor: Actor; entry: AuditEntry }[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = items.map(({ actor, entry }) => {
    const row: HashedFields = {
      at,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary ?? {},
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    };
    const hash = auditHash(prevHash, row);
    const values = { ...row, summary: row.summary as Record<string, unknown>, prevHash, hash };
    prevHash = hash;
    return values;
  });
  await tx.insert(auditLog).values(rows);
}

/** Appends one audit row inside the caller's transaction (see appendAuditMany). */
export function appendAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  return appendAuditMany(tx, [{ actor, entry }]);
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  problems: { id: number; problem: 'hash_mismatch' | 'broken_link' }[];
}

/** Walks the whole chain and reports rows whose content was edited or whose predecessor was removed. */
export async function verifyAuditChain(database: Database, batchSize = 5000): Promise<AuditVerification> {
  const problems: AuditVerification['problems'] = [];
  let prev = GENESIS_HASH;
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const batch = await database.query<{
      id: string | number;
      at: string | Date;
      actor_id: string | null;
      actor_label: string;
      action: string;
      entity_type: string;
      entity_id: string | null;
      summary: unknown;
      ip: string | null;
      request_id: string | null;
      prev_hash: string;
      hash: string;
    }>('select * from audit_log where id > $1 order by id limit $2', [afterId, batchSize]);
    if (batch.length === 0) break;
    for (const r of batch) {
      rows++;
      const id = Number(r.id);
      if (r.prev_hash !== prev) problems.push({ id, problem: 'broken_link' });
      const expected = auditHash(r.prev_hash, {
        at: new Date(r.at),
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        summary: typeof r.summary === 'string' ? JSON.parse(r.summary) : r.summary,
        ip: r.ip,
        requestId: r.request_id,
      });
      if (expected !== r.hash) problems.push({ id, problem: 'hash_mismatch' });
      prev = r.hash;
      afterId = id;
    }
  }
  return { ok: problems.length === 0, rows, problems };
}
