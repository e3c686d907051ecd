import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { FilterableSelect } from '../../shared/ui/filterable-select.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import './feedback.css';
import { categoryName, useReference } from './reference-data.js';

interface Rule {
  id: string;
  categoryCode: string;
  unitCode: string | null;
  agencyCode: string;
  active: boolean;
}

type Problem = { title: string; detail?: string } | null;

/** Automatic routing on/off and the category × district → agency rules. */
export function RoutingPage() {
  const reference = useReference();
  const [autoAssign, setAutoAssign] = useState(false);
  const [rules, setRules] = useState<Rule[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);

  const load = useCallback(async () => {
    try {
      const res = await api<{ autoAssign: boolean; rules: Rule[] }>('GET', '/routing');
      setAutoAssign(res.autoAssign);
      setRules(res.rules);
      setLoaded(true);
    } catch (error) {
      setProblem(problemText(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function toggleAuto(enabled: boolean) {
    setSwitching(true);
    try {
      const res = await api<{ autoAssign: boolean }>('PUT', '/routing/auto-assign', { body: { enabled } });
      setAutoAssign(res.autoAssign);
      setNotice(res.autoAssign ? t('routing.autoOn') : t('routing.autoOff'));
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setSwitching(false);
    }
  }

  async function saveRule(rule: Omit<Rule, 'id'>): Promise<Record<string, string> | null> {
    try {
      await api('PUT', '/routing/rules', { body: rule });
      setNotice(t('routing.saved'));
      setProblem(null);
      await load();
      return null;
    } catch (error) {
      setProblem(problemText(error));
      return fieldErrors(error);
    }
  }

  const agencyLabel = (code: string) => reference?.agencies.find((a) => a.code === code)?.name ?? code;
  const unitLabel = (code: string | null) =>
    code ? (reference?.districts.find((u) => u.code === code)?.name ?? code) : t('routing.everywhere');

  return (
    <section>
      <PageHeading>{t('routing.title')}</PageHeading>
      <ProblemAlert problem={problem} />
      {notice ? <Alert tone="success" title={notice} /> : null}
      <div className="card">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={autoAssign}
            disabled={!loaded || switching}
            aria-describedby="auto-assign-hint"
            onChange={(e) => void toggleAuto(e.target.checked)}
          />
          {t('routing.autoAssign')}
        </label>
        <p id="auto-assign-hint" className="field-hint">
          {t('routing.autoAssignHint')}
        </p>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t('routing.rules', { count: rules.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fbReport.category')}</th>
              <th scope="col">{t('fbReport.unit')}</th>
              <th scope="col">{t('fbReport.agency')}</th>
              <th scope="col">{t('routing.active')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{categoryName(reference, r.categoryCode)}</td>
                <td>{unitLabel(r.unitCode)}</td>
                <td>{agencyLabel(r.agencyCode)}</td>
                <td>{r.active ? t('routing.yes') : t('routing.no')}</td>
                <td>
                  <Button
                    variant="link"
                    onClick={() =>
                      void saveRule({
                        categoryCode: r.categoryCode,
                        unitCode: r.unitCode,
                        agencyCode: r.agencyCode,
                        active: !r.active,
                      })
                    }
                  >
                    {r.active ? t('routing.deactivate') : t('routing.activate')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaded && rules.length === 0 ? <p>{t('routing.none')}</p> : null}
      <RuleForm onSave={saveRule} />
    </section>
  );
}

function RuleForm({
  onSave,
}: {
  onSave: (rule: Omit<Rule, 'id'>) => Promise<Record<string, string> | null>;
}) {
  const reference = useReference();
  const [categoryCode, setCategoryCode] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [agencyCode, setAgencyCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const e: Record<string, string> = {};
    if (!categoryCode) e.categoryCode = t('routing.categoryRequired');
    if (!agencyCode) e.agencyCode = t('action.agencyRequired');
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    const serverErrors = await onSave({ categoryCode, unitCode: unitCode || null, agencyCode, active: true });
    setBusy(false);
    if (serverErrors) setErrors(serverErrors);
    else {
      setCategoryCode('');
      setUnitCode('');
      setAgencyCode('');
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="rule-form-title" noValidate>
      <h2 id="rule-form-title">{t('routing.addTitle')}</h2>
      <p className="field-hint">{t('routing.addHint')}</p>
      <SelectField
        label={t('fbReport.category')}
        value={categoryCode}
        required
        error={errors.categoryCode}
        onChange={(e) => setCategoryCode(e.target.value)}
      >
        <option value="">{t('agency.choose')}</option>
        {(reference?.categories ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {categoryName(reference, c.code)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('fbReport.unit')}
        value={unitCode}
        error={errors.unitCode}
        onChange={(e) => setUnitCode(e.target.value)}
      >
        <option value="">{t('routing.everywhere')}</option>
        {(reference?.districts ?? []).map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <FilterableSelect
        label={t('fbReport.agency')}
        filterLabel={t('action.agencyFilter')}
        emptyLabel={t('agency.choose')}
        noMatchLabel={t('agency.noMatch')}
        options={(reference?.agencies ?? [])
          .filter((a) => a.active)
          .map((a) => ({ value: a.code, label: a.name }))}
        value={agencyCode}
        onChange={setAgencyCode}
        required
        error={errors.agencyCode}
      />
      <Button type="submit" busy={busy}>
        {t('routing.add')}
      </Button>
    </form>
  );
}
