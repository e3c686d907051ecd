import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { fmt, viDate, type AdoptionRow } from './types.js';

/** App installs and active users per district against smartphone users, and the store figures form. */
export function AdoptionSection({
  asOf,
  rows,
  onSaved,
}: {
  asOf: string;
  rows: AdoptionRow[];
  onSaved: () => void;
}) {
  const [month, setMonth] = useState(asOf.slice(0, 7));
  const [store, setStore] = useState<'google_play' | 'app_store'>('google_play');
  const [values, setValues] = useState<Record<string, { installs: string; active: string }>>({});
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (code: string, k: 'installs' | 'active', v: string) =>
    setValues({ ...values, [code]: { installs: '', active: '', ...values[code], [k]: v } });
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = {
      month,
      store,
      rows: Object.entries(values)
        .filter(([, v]) => v.installs !== '')
        .map(([unitCode, v]) => ({
          unitCode,
          installs: Number(v.installs),
          activeUsers: Number(v.active || 0),
        })),
    };
    try {
      const r = await api<{ saved: number }>('PUT', '/campaigns/store-figures', { body });
      setProblem(null);
      setNotice(t('campaigns.storeSaved', { n: r.saved }));
      setValues({});
      onSaved();
    } catch (err) {
      setNotice(null);
      setProblem(problemText(err));
    }
  }
  return (
    <section className="card" aria-labelledby="campaign-adoption">
      <h2 id="campaign-adoption">{t('campaigns.adoption')}</h2>
      <p className="field-hint">{t('campaigns.adoptionAsOf', { date: viDate(asOf) })}</p>
      <div className="table-wrap">
        <table data-testid="adoption">
          <thead>
            <tr>
              <th scope="col">{t('campaigns.district')}</th>
              <th scope="col">{t('campaigns.smartphoneUsers')}</th>
              <th scope="col">{t('campaigns.storeInstalls')}</th>
              <th scope="col">{t('campaigns.storeActive')}</th>
              <th scope="col">{t('campaigns.appInstalls')}</th>
              <th scope="col">{t('campaigns.appActive')}</th>
              <th scope="col">{t('campaigns.installRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitCode} data-unit={r.unitCode}>
                <th scope="row">{r.unitName}</th>
                <td>{r.smartphoneUsers === null ? '' : fmt(r.smartphoneUsers)}</td>
                <td>{fmt(r.storeInstalls)}</td>
                <td>{fmt(r.storeActive)}</td>
                <td>{fmt(r.appInstalls)}</td>
                <td>{fmt(r.appActive30)}</td>
                <td>
                  {r.percent === null ? '' : `${r.percent}%`}
                  {r.percent !== null ? (
                    <progress max={100} value={Math.min(100, r.percent)} aria-hidden="true" />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={save} aria-labelledby="campaign-store">
        <h3 id="campaign-store">{t('campaigns.storeFigures')}</h3>
        <ProblemAlert problem={problem} />
        {notice ? <Alert tone="success" title={notice} /> : null}
        <div className="campaign-controls">
          <TextField
            label={t('campaigns.storeMonth')}
            type="month"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            required
          />
          <SelectField
            label={t('campaigns.store')}
            value={store}
            onChange={(e) => setStore(e.target.value as 'google_play' | 'app_store')}
          >
            <option value="google_play">{t('campaigns.storeGoogle')}</option>
            <option value="app_store">{t('campaigns.storeApple')}</option>
          </SelectField>
        </div>
        <div className="campaign-store-grid">
          {rows.map((r) => (
            <div key={r.unitCode} className="campaign-measure-row">
              <TextField
                label={t('campaigns.storeInstallsOf', { name: r.unitName })}
                type="number"
                min={0}
                value={values[r.unitCode]?.installs ?? ''}
                onChange={(e) => set(r.unitCode, 'installs', e.target.value)}
              />
              <TextField
                label={t('campaigns.storeActiveOf', { name: r.unitName })}
                type="number"
                min={0}
                value={values[r.unitCode]?.active ?? ''}
                onChange={(e) => set(r.unitCode, 'active', e.target.value)}
              />
            </div>
          ))}
        </div>
        <Button type="submit">{t('campaigns.saveStore')}</Button>
      </form>
    </section>
  );
}
