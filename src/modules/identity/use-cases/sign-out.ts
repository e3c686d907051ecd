import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { IdentityDeps } from '../identity-deps.js';
import * as repo from '../identity.repository.js';
import type { Principal } from '../policy.js';

/** Ends this session, or every session of the person ("sign out everywhere"). */
export async function signOut(
  deps: IdentityDeps,
  p: Principal,
  everywhere: boolean,
  actor: Actor,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const ended = everywhere
      ? await repo.deleteSessionsOfUser(tx, p.userId)
      : (await repo.deleteSession(tx, p.sessionId), 1);
    await appendAudit(tx, actor, {
      action: everywhere ? 'auth.signed_out_everywhere' : 'auth.signed_out',
      entityType: 'user',
      entityId: p.userId,
      summary: { sessions: ended },
    });
  });
}
