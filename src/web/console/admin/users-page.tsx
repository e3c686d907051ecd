import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { UserView } from '../../../contracts/identity.js';
import { ROLE_LABELS, STAFF_ROLES } from '../../../contracts/roles.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { hasAny, useSession } from '../session.js';
import { useAgencies } from './use-agencies.js';
import { UserForm } from './user-form.js';

const PAGE_SIZE = 50;

/** Administration of people: search, create staff accounts, edit roles, deactivate. */
export function UsersPage() {
  const { user: me } = useSession();
  const canManage = hasAny(me, ['users.manage']);
  const lang = getLang();
  const { agencies } = useAgencies();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [query, setQuery] = useState({ q: '', role: '', offset: 0 });
  const [items, setItems] = useState<UserView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api<{ items: UserView[]; total: number }>('GET', '/admin/users', {
        query: { q: query.q, role: query.role, limit: PAGE_SIZE, offset: query.offset },
      });
      setItems(res.items);
      setTotal(res.total);
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setLoading(false);
    }
  }, [query]);

  useEffect(() => {
    void load();
  }, [load]);

  function search(event: FormEvent) {
    event.preventDefault();
    setQuery({ q: q.trim(), role, offset: 0 });
  }

  async function setActive(user: UserView, active: boolean) {
    if (!active && !window.confirm(t('users.confirmDeactivate', { name: user.fullName }))) return;
    try {
      await api<UserView>('PATCH', `/admin/users/${user.id}`, { body: { active } });
      setNotice(t(active ? 'users.reactivated' : 'users.deactivated', { name: user.fullName }));
      await load();
    } catch (error) {
      setProblem(problemText(error));
    }
  }

  return (
    <section>
      <PageHeading>{t('users.title')}</PageHeading>
      {notice ? <Alert tone="success" title={notice} /> : null}
      <ProblemAlert problem={problem} />
      <form className="filters" onSubmit={search} role="search" aria-label={t('users.searchLabel')}>
        <TextField label={t('users.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <SelectField label={t('users.roleFilter')} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r][lang]}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <Button type="submit">{t('common.search')}</Button>
        </div>
      </form>
      {canManage && editing === null ? (
        <Button onClick={() => setEditing('new')}>{t('users.createTitle')}</Button>
      ) : null}
      {editing !== null ? (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? undefined : editing}
          agencies={agencies}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setNotice(t(editing === 'new' ? 'users.created' : 'users.saved', { name: saved.fullName }));
            setEditing(null);
            void load();
          }}
        />
      ) : null}
      <h2>{t('users.listTitle', { total })}</h2>
      {loading ? <p role="status">{t('common.loading')}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.fullName')}</th>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.status')}</th>
              {canManage ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.fullName}
                  {u.email ? <div className="muted">{u.email}</div> : null}
                </td>
                <td>{u.username ?? '—'}</td>
                <td>
                  {u.roles.map((r, i) => (
                    <div key={`${r.role}-${i}`}>
                      {ROLE_LABELS[r.role][lang]}
                      {r.agencyName ? <span className="muted"> — {r.agencyName}</span> : null}
                    </div>
                  ))}
                </td>
                <td>
                  {u.active ? t('users.active') : t('users.inactive')}
                  {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                    <div>{t('users.locked')}</div>
                  ) : null}
                  {u.totpEnabled ? <div className="muted">{t('users.twoFactorOn')}</div> : null}
                </td>
                {canManage ? (
                  <td>
                    <div className="actions">
                      <Button variant="secondary" onClick={() => setEditing(u)}>
                        {t('common.edit')}
                        <span className="visually-hidden"> {u.fullName}</span>
                      </Button>
                      {u.id !== me.id ? (
                        <Button
                          variant={u.active ? 'danger' : 'secondary'}
                          onClick={() => setActive(u, !u.active)}
                        >
                          {u.active ? t('users.deactivate') : t('users.reactivate')}
                          <span className="visually-hidden"> {u.fullName}</span>
                        </Button>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        {query.offset > 0 ? (
          <Button
            variant="secondary"
            onClick={() => setQuery({ ...query, offset: query.offset - PAGE_SIZE })}
          >
            {t('common.previous')}
          </Button>
        ) : null}
        {query.offset + PAGE_SIZE < total ? (
          <Button
            variant="secondary"
            onClick={() => setQuery({ ...query, offset: query.offset + PAGE_SIZE })}
          >
            {t('common.next')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
