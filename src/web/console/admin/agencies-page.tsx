import { useMemo, useState } from 'react';
import { AGENCY_KIND_VALUES, type AgencyView } from '../../../contracts/identity.js';
import { t } from '../../shared/i18n.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { fold } from '../../shared/ui/filterable-select.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { AgencyForm } from './agency-form.js';
import { useAgencies } from './use-agencies.js';

/** Administration of agencies: list, filter, create, edit parent and unit. */
export function AgenciesPage() {
  const { agencies, loading, problem, reload } = useAgencies();
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<AgencyView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const byId = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const visible = useMemo(() => {
    const needle = fold(q.trim());
    return agencies
      .filter((a) => !kind || a.kind === kind)
      .filter((a) => !needle || fold(`${a.name} ${a.shortName} ${a.code}`).includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }, [agencies, kind, q]);

  return (
    <section>
      <PageHeading>{t('agencies.title')}</PageHeading>
      {notice ? <Alert tone="success" title={notice} /> : null}
      <ProblemAlert problem={problem} />
      {editing === null ? (
        <Button onClick={() => setEditing('new')}>{t('agencies.createTitle')}</Button>
      ) : (
        <AgencyForm
          key={editing === 'new' ? 'new' : editing.id}
          agency={editing === 'new' ? undefined : editing}
          agencies={agencies}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setNotice(t(editing === 'new' ? 'agencies.created' : 'agencies.saved', { name: saved.name }));
            setEditing(null);
            void reload();
          }}
        />
      )}
      <div className="filters" role="search" aria-label={t('agencies.filterLabel')}>
        <TextField
          label={t('agency.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField label={t('agency.kindFilter')} value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {AGENCY_KIND_VALUES.map((k) => (
            <option key={k} value={k}>
              {t(`agencyKind.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <h2 aria-live="polite">{t('agencies.listTitle', { shown: visible.length, total: agencies.length })}</h2>
      {loading ? <p role="status">{t('common.loading')}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agencies.name')}</th>
              <th scope="col">{t('agencies.kind')}</th>
              <th scope="col">{t('agencies.parent')}</th>
              <th scope="col">{t('agencies.unit')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.name}
                  <div className="muted">
                    {a.code}
                    {a.active ? '' : ` — ${t('users.inactive')}`}
                  </div>
                </td>
                <td>{t(`agencyKind.${a.kind}`)}</td>
                <td>{a.parentId ? (byId.get(a.parentId)?.shortName ?? '—') : '—'}</td>
                <td>{a.unitCode ?? '—'}</td>
                <td>
                  <Button variant="secondary" onClick={() => setEditing(a)}>
                    {t('common.edit')}
                    <span className="visually-hidden"> {a.name}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
