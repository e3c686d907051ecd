import { useEffect, useState } from 'react';
import type { ReportView } from '../../../contracts/feedback.js';
import type { SuggestionsView } from '../../../contracts/triage.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import './triage.css';

type Problem = ReturnType<typeof problemText> | null;

/**
 * The model's three most likely categories for a report, each with its confidence and the agency the
 * routing rules would pick; one click applies the category (the operator's choice becomes training data).
 */
export function TriageSuggestions({ report, onApplied }: { report: ReportView; onApplied: () => void }) {
  const [view, setView] = useState<SuggestionsView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>(null);

  useEffect(() => {
    let live = true;
    api<SuggestionsView>('GET', `/reports/${report.id}/suggestions`)
      .then((v) => live && setView(v))
      .catch(() => live && setView(null));
    return () => {
      live = false;
    };
  }, [report.id, report.version]);

  if (!view || view.items.length === 0) return null;

  async function apply(code: string) {
    setBusy(code);
    try {
      await api<ReportView>('POST', `/reports/${report.id}/triage`, {
        body: { version: report.version, categoryCode: code },
      });
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(null);
      onApplied();
    }
  }

  const en = getLang() === 'en';
  return (
    <section className="card" aria-labelledby="triage-suggest-title">
      <h2 id="triage-suggest-title">{t('triage.suggest.title')}</h2>
      <ProblemAlert problem={problem} />
      <ol className="triage-suggestions">
        {view.items.map((s) => (
          <li key={s.code}>
            <strong>{en && s.nameEn ? s.nameEn : s.name}</strong>{' '}
            <span className="muted">
              {t('triage.suggest.confidence', { p: Math.round(s.confidence * 100) })}
            </span>
            <div className="muted">
              {t('triage.suggest.agency', { name: s.agency?.name ?? t('triage.suggest.noAgency') })}
            </div>
            {s.code === report.categoryCode ? (
              <span className="muted">{t('triage.suggest.current')}</span>
            ) : (
              <Button
                variant="secondary"
                busy={busy === s.code}
                disabled={busy !== null}
                onClick={() => void apply(s.code)}
                aria-label={t('triage.suggest.applyNamed', { name: en && s.nameEn ? s.nameEn : s.name })}
              >
                {t('triage.suggest.apply')}
              </Button>
            )}
          </li>
        ))}
      </ol>
      <p className="muted">
        {view.modelVersion > 0
          ? t('triage.suggest.model', { version: view.modelVersion })
          : t('triage.suggest.corpusModel')}
      </p>
    </section>
  );
}
