import { createHash } from 'node:crypto';
import { preparedQuery, rawClient, type Database, type Executor } from '../db/database.js';
import { insertMany } from '../db/insert-many.js';
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
/**
 * How many interleaved chains the log has. A transaction appends to a chain no other transaction holds
 * (or waits for one when all are taken), so concurrent writers — batches of reports arriving together —
 * do not queue behind one lock until each other's commit.
 */
export const AUDIT_CHAINS = 8;

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
 * Takes one of the chains for this transaction (an advisory lock held until commit: the first free one from
 * a random start, or, when all are held, waits for the random one) and reads the chain's last hash — one
 * round trip through the SQL function `audit_take_chain` (migration `audit_take_chain`), which reads the hash
 * in a statement after the lock so it sees the previous holder's committed row.
 */
async function takeChain(tx: Executor): Promise<{ chain: number; lastHash: string | null }> {
  const start = Math.floor(Math.random() * AUDIT_CHAINS);
  const result = await preparedQuery<{ o_chain: number | string; o_hash: string | null }>(
    rawClient(tx),
    'select o_chain, o_hash from audit_take_chain($1::int, $2::int, $3::int)',
    [AUDIT_LOCK, start, AUDIT_CHAINS],
  );
  const row = result.rows[0]!;
  return { chain: Number(row.o_chain), lastHash: row.o_hash };
}

/**
 * Appends audit rows inside the caller's transaction, in order. The rows link to the last row of the
 * chain this transaction took (see AUDIT_CHAINS); the chain's lock is held until commit, so the next
 * writer of that chain links to a committed row. A batch writes all its rows in one statement.
 */
export async function appendAuditMany(
  tx: Executor,
  items: { actor: Actor; entry: AuditEntry }[],
): Promise<void> {
  if (items.length === 0) return;
  const { chain, lastHash } = await takeChain(tx);
  let prevHash = lastHash ?? GENESIS_HASH;
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
    const values = { ...row, summary: row.summary as Record<string, unknown>, prevHash, hash, chain };
    prevHash = hash;
    return values;
  });
  await insertMany(tx, auditLog, rows);
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

/** Walks every chain and reports rows whose content was edited or whose predecessor was removed. */
export async function verifyAuditChain(database: Database, batchSize = 5000): Promise<AuditVerification> {
  const problems: AuditVerification['problems'] = [];
  const prevOf = new Map<number, string>();
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
      chain: number | string;
    }>('select * from audit_log where id > $1 order by id limit $2', [afterId, batchSize]);
    if (batch.length === 0) break;
    for (const r of batch) {
      rows++;
      const id = Number(r.id);
      const chain = Number(r.chain);
      if (r.prev_hash !== (prevOf.get(chain) ?? GENESIS_HASH)) problems.push({ id, problem: 'broken_link' });
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
      prevOf.set(chain, r.hash);
      afterId = id;
    }
  }
  return { ok: problems.length === 0, rows, problems };
}
