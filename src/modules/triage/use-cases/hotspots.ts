import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { HotspotView, hotspotActionRequest } from '../../../contracts/triage.js';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { REPORT_CHANNEL } from '../../feedback/feedback-deps.js';
import { authorize, unitNames, type Principal } from '../../identity/index.js';
import { cachedRoutingSnapshot } from '../../routing/index.js';
import { DEFAULT_HOTSPOT_RULE, detectHotspots, type HotspotRule } from '../hotspot-rule.js';
import type { TriageDeps } from '../triage-deps.js';
import { triageHotspots } from '../triage.schema.js';
import * as repo from '../triage.repository.js';

export interface DetectionResult {
  opened: number;
  updated: number;
  expired: number;
}

/** A dismissed hotspot is not raised again for the same cell for this long. */
const DISMISS_QUIET_HOURS = 24;

/**
 * The scheduled detection: counts each category × unit in the recent window against its baseline weeks,
 * opens a hotspot for each surprising rise (or updates the one already open), expires those that are
 * over, and tells live consoles (NOTIFY on the report channel, committed with the change).
 */
export async function runHotspotDetection(
  deps: TriageDeps,
  rule: HotspotRule = DEFAULT_HOTSPOT_RULE,
): Promise<DetectionResult> {
  const db = deps.database.db;
  const now = deps.now();
  const windowStart = new Date(now.getTime() - rule.windowHours * 3600_000);
  const baselineStart = new Date(windowStart.getTime() - rule.baselineWeeks * 7 * 86400_000);
  const cells = await repo.categoryUnitCounts(db, windowStart, baselineStart, now);
  const found = detectHotspots(cells, rule);
  const result: DetectionResult = { opened: 0, updated: 0, expired: 0 };
  await db.transaction(async (tx) => {
    const ongoing = await repo.ongoingHotspots(tx);
    const dismissed = await repo.recentlyDismissed(
      tx,
      new Date(now.getTime() - DISMISS_QUIET_HOURS * 3600_000),
    );
    const key = (c: { categoryCode: string; unitCode: string }) => `${c.categoryCode}|${c.unitCode}`;
    const ongoingByCell = new Map(ongoing.map((h) => [key(h), h]));
    const quiet = new Set(dismissed.map(key));
    const seen = new Set<string>();
    const changed: string[] = [];
    for (const h of found) {
      seen.add(key(h));
      const reports = await repo.reportsInCell(tx, h.categoryCode, h.unitCode, windowStart);
      const values = {
        windowHours: rule.windowHours,
        count: h.recent,
        expected: h.expected,
        pValue: h.pValue,
        reportIds: reports.map((r) => r.id),
        lastDetectedAt: now,
      };
      const existing = ongoingByCell.get(key(h));
      if (existing) {
        await tx.update(triageHotspots).set(values).where(eq(triageHotspots.id, existing.id));
        result.updated++;
        if (existing.count !== h.recent) changed.push(existing.id);
        continue;
      }
      if (quiet.has(key(h))) continue;
      const [row] = await tx
        .insert(triageHotspots)
        .values({ ...values, categoryCode: h.categoryCode, unitCode: h.unitCode, firstDetectedAt: now })
        .returning({ id: triageHotspots.id });
      await appendAudit(tx, SYSTEM_ACTOR, {
        action: 'triage.hotspot_detected',
        entityType: 'triage_hotspot',
        entityId: row!.id,
        summary: {
          categoryCode: h.categoryCode,
          unitCode: h.unitCode,
          count: h.recent,
          expected: Math.round(h.expected * 1000) / 1000,
        },
      });
      result.opened++;
      changed.push(row!.id);
    }
    const over = ongoing.filter(
      (h) => !seen.has(key(h)) && h.lastDetectedAt.getTime() < now.getTime() - h.windowHours * 3600_000,
    );
    if (over.length) {
      await tx
        .update(triageHotspots)
        .set({ status: 'expired', closedAt: now })
        .where(
          inArray(
            triageHotspots.id,
            over.map((h) => h.id),
          ),
        );
      result.expired = over.length;
    }
    // Live consoles reload on any message of the report channel; no personal data in it.
    for (const id of changed)
      await tx.execute(
        sql`select pg_notify(${REPORT_CHANNEL}, ${JSON.stringify({ id, status: 'hotspot', agencyId: null, version: 0, action: 'hotspot_detected' })})`,
      );
  });
  return result;
}

/** Ongoing hotspots (open or acknowledged) with their reports, for the IOC. */
export async function listHotspots(deps: TriageDeps, p: Principal | null): Promise<HotspotView[]> {
  authorize(p, 'reports.triage');
  const db = deps.database.db;
  const rows = await repo.ongoingHotspots(db);
  const snapshot = await cachedRoutingSnapshot(deps.database);
  const names = await unitNames(
    db,
    rows.map((r) => r.unitCode),
  );
  const out: HotspotView[] = [];
  for (const h of rows) {
    const reports = await repo.reportsByIds(db, h.reportIds);
    const points = reports.filter((r) => r.lat !== null && r.lon !== null);
    out.push({
      id: h.id,
      categoryCode: h.categoryCode,
      categoryName: snapshot.category(h.categoryCode)?.name ?? h.categoryCode,
      unitCode: h.unitCode,
      unitName: names.get(h.unitCode) ?? h.unitCode,
      status: h.status,
      windowHours: h.windowHours,
      count: h.count,
      expected: Math.round(h.expected * 100) / 100,
      pValue: h.pValue,
      firstDetectedAt: h.firstDetectedAt.toISOString(),
      lastDetectedAt: h.lastDetectedAt.toISOString(),
      center: points.length
        ? {
            lat: points.reduce((s, r) => s + r.lat!, 0) / points.length,
            lon: points.reduce((s, r) => s + r.lon!, 0) / points.length,
          }
        : null,
      reports: reports.map((r) => ({
        id: r.id,
        trackingCode: r.trackingCode,
        title: r.title,
        status: r.status,
        receivedAt: r.receivedAt.toISOString(),
      })),
    });
  }
  return out;
}

/** The IOC acknowledges a hotspot (it stays listed) or dismisses it (quiet for a day). */
export async function actOnHotspot(
  deps: TriageDeps,
  p: Principal | null,
  id: string,
  input: z.infer<typeof hotspotActionRequest>,
  actor: Actor,
): Promise<{ id: string; status: string }> {
  const principal = authorize(p, 'reports.triage');
  return deps.database.db.transaction(async (tx) => {
    const h = await repo.findHotspot(tx, id);
    if (!h) throw new AppError('not_found');
    const status = input.action === 'acknowledge' ? 'acknowledged' : 'dismissed';
    const [updated] = await tx
      .update(triageHotspots)
      .set(status === 'dismissed' ? { status, closedAt: deps.now(), closedBy: principal.userId } : { status })
      .where(and(eq(triageHotspots.id, id), inArray(triageHotspots.status, ['open', 'acknowledged'])))
      .returning({ id: triageHotspots.id });
    if (!updated) throw new AppError('triage_hotspot_closed');
    await appendAudit(tx, actor, {
      action: `triage.hotspot_${status}`,
      entityType: 'triage_hotspot',
      entityId: id,
      summary: { categoryCode: h.categoryCode, unitCode: h.unitCode, count: h.count },
    });
    return { id, status };
  });
}
