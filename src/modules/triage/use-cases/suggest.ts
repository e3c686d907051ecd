import type { z } from 'zod';
import type { SuggestionsView, suggestRequest } from '../../../contracts/triage.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import { findReport } from '../../feedback/feedback.repository.js';
import { canSee } from '../../feedback/use-cases/transition-report.js';
import { cachedRoutingSnapshot } from '../../routing/index.js';
import { activeModel } from '../model-store.js';
import type { TriageDeps } from '../triage-deps.js';

/**
 * The three most likely categories of a text with their confidence, and for each the agency the
 * routing rules would pick for the given unit. Computed in this process: no text leaves the server.
 */
export async function suggestCategories(
  deps: TriageDeps,
  text: { title: string; body: string; unitCode: string | null },
): Promise<SuggestionsView> {
  const model = await activeModel(deps.database, deps.profile.id);
  if (!model || !(text.title.trim() || text.body.trim()))
    return { modelVersion: model?.version ?? 0, items: [] };
  const snapshot = await cachedRoutingSnapshot(deps.database);
  const unitCode = text.unitCode && snapshot.unit(text.unitCode) ? text.unitCode : null;
  const items: SuggestionsView['items'] = [];
  for (const r of model.classifier.rank(text.title, text.body)) {
    const category = snapshot.category(r.category);
    if (!category) continue; // trained on a category that is no longer active
    const agency = snapshot.suggest(r.category, unitCode);
    items.push({
      code: category.code,
      name: category.name,
      nameEn: category.nameEn,
      confidence: Math.round(r.confidence * 1000) / 1000,
      agency: agency ? { id: agency.id, code: agency.code, name: agency.name } : null,
    });
    if (items.length === 3) break;
  }
  return { modelVersion: model.version, items };
}

/** Suggestions for a report in the IOC (triage screen). */
export async function suggestForReport(
  deps: TriageDeps,
  p: Principal | null,
  id: string,
): Promise<SuggestionsView> {
  const principal = authorize(p, 'reports.read');
  const r = await findReport(deps.database.db, id);
  if (!r || !canSee(principal, r)) throw new AppError('not_found');
  return suggestCategories(deps, { title: r.title, body: r.body, unitCode: r.unitCode });
}

/** Suggestions for free text: the call-centre form and the citizen's form (anyone, rate-limited). */
export function suggestForText(
  deps: TriageDeps,
  input: z.infer<typeof suggestRequest>,
): Promise<SuggestionsView> {
  return suggestCategories(deps, { title: input.title, body: input.body, unitCode: input.unitCode ?? null });
}
