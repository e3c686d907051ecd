import { count } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import { principalOfUsername } from '../identity/index.js';
import { templateByCode } from './alert-templates.js';
import type { AlertsDeps } from './alerts-deps.js';
import { alerts } from './alerts.schema.js';
import { approveAlert, createAlertDraft, publishAlert, submitAlert } from './use-cases/alert-workflow.js';

/**
 * Demo alerts: one published flood warning for two communes (drafted by `canhbao`, approved and published
 * by `duyetcanhbao`), and one exercise awaiting approval. Only on an empty alerts table.
 */
export async function seedDemoAlerts(deps: AlertsDeps): Promise<number> {
  const [existing] = await deps.database.db.select({ n: count() }).from(alerts);
  if ((existing?.n ?? 0) > 0) return 0;
  const officer = await principalOfUsername(deps.database.db, 'canhbao');
  const approver = await principalOfUsername(deps.database.db, 'duyetcanhbao');
  if (!officer || !approver) return 0;
  const flood = templateByCode('flood')!;
  const communes = [...deps.units.byCode.values()].filter((u) => u.level === deps.profile.levels).slice(0, 2);
  if (communes.length === 0) return 0;
  const expires = new Date(deps.now().getTime() + 30 * 24 * 3600_000).toISOString();
  const actor = { ...SYSTEM_ACTOR, label: 'seed' };
  const draft = await createAlertDraft(
    deps,
    officer,
    {
      templateCode: 'flood',
      status: 'Actual',
      category: flood.category,
      responseType: flood.responseType,
      urgency: flood.urgency,
      severity: flood.severity,
      certainty: flood.certainty,
      onset: null,
      expires,
      vi: {
        ...flood.vi,
        headline: `Triều cường dâng cao tại ${communes.map((c) => c.name).join(' và ')}, ${
          deps.units.byCode.get(communes[0]!.parentCode ?? '')?.name ?? deps.profile.province.name
        }`.slice(0, 160),
      },
      en: flood.en,
      web: null,
      area: { unitCodes: communes.map((c) => c.code), polygon: null, circle: null },
    },
    actor,
  );
  await submitAlert(deps, officer, draft.id, actor);
  await approveAlert(deps, approver, draft.id, actor);
  await publishAlert(deps, approver, draft.id, actor);

  const storm = templateByCode('storm')!;
  const exercise = await createAlertDraft(
    deps,
    officer,
    {
      templateCode: 'storm',
      status: 'Exercise',
      category: storm.category,
      responseType: storm.responseType,
      urgency: storm.urgency,
      severity: storm.severity,
      certainty: storm.certainty,
      onset: null,
      expires,
      vi: { ...storm.vi, headline: 'Diễn tập phòng chống bão toàn tỉnh' },
      en: { ...storm.en, headline: 'Province-wide storm drill' },
      web: null,
      area: { unitCodes: [deps.profile.province.code], polygon: null, circle: null },
    },
    actor,
  );
  await submitAlert(deps, officer, exercise.id, actor);
  return 2;
}
