import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { fmt, viDate } from './types.js';

interface Activity {
  id: string;
  unitCode: string;
  activityOn: string;
  place: string;
  householdsGuided: number;
  peopleGuided: number;
  installsHelped: number;
}
interface Activities {
  team: { id: string; name: string; unitCode: string | null } | null;
  items: Activity[];
}
interface Member {
  id: string;
  userId: string | null;
  fullName: string;
  phone: string | null;
  isLead: boolean;
  active: boolean;
}
interface Members {
  canManage: boolean;
  items: Member[];
}
type Pending = Record<string, unknown>;
const QUEUE_KEY = 'tinhso.campaigns.pending-activities';

function readQueue(): Pending[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as Pending[];
  } catch {
    return [];
  }
}
function writeQueue(items: Pending[]) {
  localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
}

/**
 * A community digital team member records a field activity, quickly, on a phone. Without a network the
 * record waits on the device (with its own key, so a resend is stored once) and goes when back online.
 */
export function TeamForm() {
  const [data, setData] = useState<Activities | null>(null);
  const [communes, setCommunes] = useState<{ code: string; name: string }[]>([]);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(readQueue().length);
  const [members, setMembers] = useState<Members | null>(null);
  const [memberId, setMemberId] = useState('');
  const [newMember, setNewMember] = useState({ fullName: '', phone: '' });
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const [f, setF] = useState({
    unitCode: '',
    activityOn: today,
    place: '',
    households: '',
    people: '',
    installs: '',
  });

  const load = useCallback(() => {
    api<Activities>('GET', '/campaigns/activities')
      .then(async (d) => {
        setData(d);
        if (d.team) {
          void api<Members>('GET', `/campaigns/teams/${d.team.id}/members`)
            .then(setMembers)
            .catch(() => setMembers(null));
        }
        const unit = d.team?.unitCode;
        if (!unit) return;
        const children = await api<{ items: { code: string; name: string }[] }>('GET', '/units', {
          query: { parent: unit },
        });
        const list = children.items.length ? children.items : [{ code: unit, name: d.team!.name }];
        setCommunes(list);
        setF((x) => ({ ...x, unitCode: x.unitCode || list[0]!.code }));
      })
      .catch((e) => setProblem(problemText(e)));
  }, []);

  const flush = useCallback(async () => {
    const left: Pending[] = [];
    for (const item of readQueue()) {
      try {
        await api('POST', '/campaigns/activities', { body: item });
      } catch (e) {
        if (e instanceof ApiError && e.status === 0) left.push(item);
      }
    }
    writeQueue(left);
    setQueued(left.length);
    load();
  }, [load]);

  useEffect(() => {
    load();
    window.addEventListener('online', flush);
    if (readQueue().length && navigator.onLine) void flush();
    return () => window.removeEventListener('online', flush);
  }, [load, flush]);

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    const body = {
      clientKey: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      unitCode: f.unitCode,
      activityOn: f.activityOn,
      place: f.place,
      householdsGuided: Number(f.households || 0),
      peopleGuided: Number(f.people || 0),
      installsHelped: Number(f.installs || 0),
      ...(memberId ? { memberId } : {}),
    };
    try {
      await api('POST', '/campaigns/activities', { body });
      setDone(t('campaigns.recorded'));
      setF({ ...f, place: '', households: '', people: '', installs: '' });
      load();
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) {
        const q = [...readQueue(), body];
        writeQueue(q);
        setQueued(q.length);
      } else setProblem(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!data) return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <section className="card">
        {data.team ? <p>{t('campaigns.teamArea', { name: data.team.name })}</p> : null}
        <ProblemAlert problem={problem} />
        {done ? <Alert tone="success">{done}</Alert> : null}
        {queued ? <Alert tone="info">{t('campaigns.queuedOffline', { count: queued })}</Alert> : null}
        <form
          className="campaign-team-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <SelectField
            label={t('campaigns.commune')}
            value={f.unitCode}
            onChange={(e) => setF({ ...f, unitCode: e.target.value })}
          >
            {communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          {members && members.items.some((m) => m.active) ? (
            <SelectField
              label={t('campaigns.member')}
              value={memberId}
              onChange={(e) => setMemberId(e.target.value)}
            >
              <option value="">—</option>
              {members.items
                .filter((m) => m.active)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.fullName}
                  </option>
                ))}
            </SelectField>
          ) : null}
          <TextField
            label={t('campaigns.activityOn')}
            type="date"
            max={today}
            required
            value={f.activityOn}
            onChange={(e) => setF({ ...f, activityOn: e.target.value })}
          />
          <TextField
            label={t('campaigns.place')}
            required
            minLength={2}
            value={f.place}
            onChange={(e) => setF({ ...f, place: e.target.value })}
          />
          <TextField
            label={t('campaigns.households')}
            type="number"
            inputMode="numeric"
            min={0}
            value={f.households}
            onChange={(e) => setF({ ...f, households: e.target.value })}
          />
          <TextField
            label={t('campaigns.people')}
            type="number"
            inputMode="numeric"
            min={0}
            value={f.people}
            onChange={(e) => setF({ ...f, people: e.target.value })}
          />
          <TextField
            label={t('campaigns.installs')}
            type="number"
            inputMode="numeric"
            min={0}
            value={f.installs}
            onChange={(e) => setF({ ...f, installs: e.target.value })}
          />
          <Button type="submit" busy={busy}>
            {t('campaigns.record')}
          </Button>
        </form>
      </section>
      {members && data.team ? (
        <section className="card" aria-labelledby="campaign-members">
          <h2 id="campaign-members">{t('campaigns.members')}</h2>
          <ul data-testid="team-members">
            {members.items.map((m) => (
              <li key={m.id}>
                {m.fullName}
                {m.isLead ? ` · ${t('campaigns.memberLead')}` : ''}
                {m.active ? '' : ` · ${t('campaigns.memberLeft')}`}
                {m.phone ? ` · ${m.phone}` : ''}
              </li>
            ))}
          </ul>
          {members.canManage ? (
            <form
              className="campaign-controls"
              onSubmit={(e) => {
                e.preventDefault();
                void api('POST', `/campaigns/teams/${data.team!.id}/members`, {
                  body: { fullName: newMember.fullName, phone: newMember.phone || null },
                })
                  .then(() => {
                    setNewMember({ fullName: '', phone: '' });
                    setDone(t('campaigns.memberAdded'));
                    load();
                  })
                  .catch((err) => setProblem(problemText(err)));
              }}
            >
              <TextField
                label={t('campaigns.memberName')}
                required
                minLength={2}
                value={newMember.fullName}
                onChange={(e) => setNewMember({ ...newMember, fullName: e.target.value })}
              />
              <TextField
                label={t('campaigns.memberPhone')}
                type="tel"
                value={newMember.phone}
                onChange={(e) => setNewMember({ ...newMember, phone: e.target.value })}
              />
              <Button type="submit" variant="secondary">
                {t('campaigns.addMember')}
              </Button>
            </form>
          ) : null}
        </section>
      ) : null}
      <section className="card">
        <h2>{t('campaigns.recentActivities')}</h2>
        {data.items.length === 0 ? (
          <p>{t('campaigns.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.activityOn')}</th>
                  <th scope="col">{t('campaigns.place')}</th>
                  <th scope="col">{t('campaigns.households')}</th>
                  <th scope="col">{t('campaigns.people')}</th>
                  <th scope="col">{t('campaigns.installs')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{viDate(a.activityOn)}</td>
                    <td>{a.place}</td>
                    <td className="num">{fmt(a.householdsGuided)}</td>
                    <td className="num">{fmt(a.peopleGuided)}</td>
                    <td className="num">{fmt(a.installsHelped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
