import {
  PRIVACY_NOTICE_VERSION,
  type Channel,
  type CreateReportRequest,
} from '../../../contracts/feedback.js';
import { normalizePhone } from '../../../contracts/identity.js';
import type { Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { findUnitAt } from '../../../platform/profile/profile.js';
import { can, findUserById, unitByCode, type Principal } from '../../identity/index.js';
import { categoryByCode, deadlineFor, suggestAgency } from '../../routing/index.js';
import { claimAttachments } from '../attachments/claim-attachments.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { recordReportEvent } from '../record-report-event.js';
import { newTrackingCode } from '../tracking-code.js';

export interface SubmitResult {
  id: string;
  trackingCode: string;
  status: string;
  receivedAt: string;
  deadlineAt: string | null;
  /** False when the same idempotency key was seen before and the earlier report is returned. */
  created: boolean;
}

function result(r: repo.ReportRow, created: boolean): SubmitResult {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    status: r.status,
    receivedAt: r.receivedAt.toISOString(),
    deadlineAt: r.deadlineAt?.toISOString() ?? null,
    created,
  };
}

async function resolveUnit(
  db: Executor,
  deps: FeedbackDeps,
  input: CreateReportRequest,
): Promise<string | null> {
  let pointUnit: string | null = null;
  if (input.location && deps.profile.boundaries) {
    pointUnit = findUnitAt(deps.profile, input.location.lon, input.location.lat);
    if (!pointUnit) throw new AppError('point_outside_province');
  }
  if (!input.unitCode) return pointUnit;
  const unit = await unitByCode(db, input.unitCode);
  if (!unit) throw new AppError('unknown_unit');
  if (pointUnit && unit.code !== pointUnit && unit.parentCode !== pointUnit)
    throw new AppError('unit_point_mismatch');
  return unit.code;
}

/**
 * Takes in a report from any channel: validates category, place and contact, gives it a tracking code
 * and deadline, suggests the agency, claims its uploaded attachments, and records the step — all in one
 * transaction. With an idempotency key a retried submission returns the first report instead of a copy.
 */
export async function submitReport(
  deps: FeedbackDeps,
  p: Principal | null,
  input: CreateReportRequest,
  meta: { idempotencyKey: string | null; actor: Actor },
): Promise<SubmitResult> {
  const db = deps.database.db;
  if (meta.idempotencyKey) {
    const existing = await repo.findByIdempotencyKey(db, meta.idempotencyKey);
    if (existing) return result(existing, false);
  }
  const staffRecording = can(p, 'reports.record_for_caller');
  let channel: Channel = input.channel ?? 'web';
  if (!staffRecording && !['app', 'web'].includes(channel)) channel = 'web';
  if (staffRecording && !input.channel) channel = 'phone';

  let phone = input.reporter.phone ? normalizePhone(input.reporter.phone) : null;
  const email = input.reporter.email?.toLowerCase() ?? null;
  const citizen = p?.kind === 'citizen' ? p : null;
  if (citizen && !phone) phone = (await findUserById(db, citizen.userId))?.phone ?? null;
  if (!phone && !email) throw new AppError('contact_required');

  const now = deps.now();
  try {
    return await db.transaction(async (tx) => {
      const category = await categoryByCode(tx, input.categoryCode);
      if (!category || !category.active) throw new AppError('unknown_category');
      const unitCode = await resolveUnit(tx, deps, input);
      const urgency = (staffRecording && input.urgency) || category.urgency;
      const suggestion = await suggestAgency(tx, category.code, unitCode);
      let report: repo.ReportRow | undefined;
      for (let attempt = 0; !report; attempt++) {
        const trackingCode = newTrackingCode(deps.profile.brand.trackingPrefix);
        if (attempt > 5) throw new Error('could not allocate a tracking code');
        if (await repo.findReportByCode(tx, trackingCode)) continue;
        report = await repo.insertReport(tx, {
          trackingCode,
          channel,
          citizenCategoryCode: category.code,
          categoryCode: category.code,
          title: input.title,
          body: input.body,
          address: input.address ?? null,
          lat: input.location?.lat ?? null,
          lon: input.location?.lon ?? null,
          unitCode,
          urgency,
          receivedAt: now,
          deadlineAt: await deadlineFor(tx, category.code, urgency, now),
          suggestedAgencyId: suggestion?.id ?? null,
          reporterUserId: citizen?.userId ?? null,
          reporterName: input.reporter.name ?? null,
          reporterPhone: phone,
          reporterEmail: email,
          displayPublicly: input.displayPublicly,
          consentAt: now,
          consentVersion: PRIVACY_NOTICE_VERSION,
          idempotencyKey: meta.idempotencyKey,
          createdBy: p?.userId ?? null,
        });
      }
      if (input.attachmentIds.length) {
        await claimAttachments(
          tx,
          report.id,
          input.attachmentIds,
          { uploadTokens: input.uploadTokens, userId: p?.userId ?? null },
          'report',
        );
      }
      await recordReportEvent(
        tx,
        deps,
        report,
        {
          action: 'received',
          fromStatus: null,
          toStatus: 'received',
          isPublic: true,
          data: { channel, suggestedAgencyId: suggestion?.id ?? null },
        },
        meta.actor,
      );
      return result(report, true);
    });
  } catch (err) {
    // Two submissions with the same key at once: the loser returns the winner's report.
    const code =
      (err as { code?: string; cause?: { code?: string } }).code ??
      (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505' && meta.idempotencyKey) {
      const existing = await repo.findByIdempotencyKey(db, meta.idempotencyKey);
      if (existing) return result(existing, false);
    }
    throw err;
  }
}
