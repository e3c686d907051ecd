import { useEffect, useState } from 'react';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { useSession } from '../session.js';
import { Dashboard } from './dashboard.js';
import { ReportFormView } from './report-form.js';
import { TeamForm } from './team-form.js';
import { PlanEditor } from './plan-editor.js';
import { viDate, type PlanDetail, type PlanSummary, type QuarterList } from './types.js';
import './campaigns.css';

type Tab = 'mine' | 'reports' | 'dashboard' | 'plan' | 'team';

/** Status of every assigned agency for the quarter; the Department opens one to review it. */
function StatusList({ planId, year, quarter }: { planId: string; year: number; quarter: number }) {
  const [list, setList] = useState<QuarterList | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  useEffect(() => {
    if (open) return;
    api<QuarterList>('GET', `/campaigns/plans/${planId}/reports`, { query: { year, quarter } })
      .then(setList)
      .catch((e) => setProblem(problemText(e)));
  }, [planId, year, quarter, open]);
  if (open) {
    return (
      <>
        <Button variant="link" onClick={() => setOpen(null)}>
          {t('campaigns.back')}
        </Button>
        <ReportFormView planId={planId} year={year} quarter={quarter} agencyId={open} />
      </>
    );
  }
  if (!list) return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('common.loading')}</p>;
  return (
    <section className="card">
      <h2>
        {list.quarterLabel} · {t('campaigns.dueOn', { date: viDate(list.dueOn) })}
      </h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.agency')}</th>
              <th scope="col">{t('campaigns.status')}</th>
              <th scope="col">{t('campaigns.submittedAt')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((i) => (
              <tr key={i.agencyId} className={i.status === 'missing' ? 'campaign-missing' : undefined}>
                <th scope="row">{i.agencyName}</th>
                <td>
                  {i.statusLabel}
                  {i.late ? ` · ${t('campaigns.late')}` : ''}
                </td>
                <td>{i.submittedAt ? viDate(i.submittedAt) : ''}</td>
                <td>
                  <Button
                    variant="link"
                    onClick={() => setOpen(i.agencyId)}
                    aria-label={`${t('campaigns.open')}: ${i.agencyName}`}
                  >
                    {t('campaigns.open')}
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

function PlanView({ plan }: { plan: PlanDetail }) {
  return (
    <section className="card">
      <h2>
        {plan.number} — {plan.title}
      </h2>
      <p>{plan.issuingBody}</p>
      <h3>{t('campaigns.tasks')}</h3>
      <ol>
        {plan.tasks.map((task) => (
          <li key={task.id}>
            <strong>{task.title}</strong>
            <p className="field-hint">
              {t('campaigns.assignedTo', { group: task.assigneeLabel, count: task.assignees.length })}
            </p>
            <p>{task.description}</p>
            <ul>
              {task.measures.map((m) => (
                <li key={m.code}>
                  {m.name} ({m.unit})
                  {m.minimum !== null ? ` — ${t('campaigns.minimum', { value: m.minimum })}` : ''}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Campaigns: plans and tasks, the agency's quarterly report, the Department's review and dashboard, teams. */
export function CampaignsPage() {
  const { user } = useSession();
  const department = user.permissions.includes('campaigns.manage');
  const agency = user.roles.some((r) => r.role === 'agency_lead' || r.role === 'agency_handler');
  const team = user.roles.some((r) => r.role === 'community_team');
  const tabs: [Tab, string][] = [
    ...(agency ? ([['mine', t('campaigns.tabMyReport')]] as [Tab, string][]) : []),
    ...(department
      ? ([
          ['reports', t('campaigns.tabReports')],
          ['dashboard', t('campaigns.tabDashboard')],
        ] as [Tab, string][])
      : []),
    ...(team ? ([['team', t('campaigns.tabTeam')]] as [Tab, string][]) : []),
    ['plan', t('campaigns.tabPlan')],
  ];
  const [tab, setTab] = useState<Tab>(tabs[0]![0]);
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [planId, setPlanId] = useState('');
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [quarterKey, setQuarterKey] = useState('');
  const [notices, setNotices] = useState<{ id: string; text: string }[]>([]);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api<{ items: PlanSummary[] }>('GET', '/campaigns/plans')
      .then((r) => {
        setPlans(r.items);
        if (r.items[0]) {
          setPlanId(r.items[0].id);
          setQuarterKey(r.items[0].currentQuarter);
        }
      })
      .catch((e) => setProblem(problemText(e)));
    api<{ items: { id: string; text: string }[] }>('GET', '/campaigns/notices')
      .then((r) => setNotices(r.items.slice(0, 5)))
      .catch(() => setNotices([]));
  }, []);
  useEffect(() => {
    if (!planId) return;
    api<PlanDetail>('GET', `/campaigns/plans/${planId}`)
      .then(setPlan)
      .catch((e) => setProblem(problemText(e)));
  }, [planId, reload]);
  const planChanged = (newPlanId?: string) => {
    if (newPlanId) {
      void api<{ items: PlanSummary[] }>('GET', '/campaigns/plans').then((r) => {
        setPlans(r.items);
        const created = r.items.find((p) => p.id === newPlanId);
        if (created) setQuarterKey(created.currentQuarter);
        setPlanId(newPlanId);
      });
    } else setReload((n) => n + 1);
  };

  const [year, quarter] = quarterKey.split('-Q').map(Number) as [number, number];
  return (
    <section>
      <PageHeading>{t('campaigns.title')}</PageHeading>
      <ProblemAlert problem={problem} />
      {plans && plans.length === 0 ? <p>{t('campaigns.noPlan')}</p> : null}
      {notices.length && !team ? (
        <section className="card" aria-labelledby="campaign-notices">
          <h2 id="campaign-notices">{t('campaigns.notices')}</h2>
          <ul>
            {notices.map((n) => (
              <li key={n.id}>{n.text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan ? (
        <div className="campaign-controls">
          <SelectField label={t('campaigns.plan')} value={planId} onChange={(e) => setPlanId(e.target.value)}>
            {(plans ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.number}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('campaigns.quarter')}
            value={quarterKey}
            onChange={(e) => setQuarterKey(e.target.value)}
          >
            {plan.quarters.map((q) => (
              <option key={q.key} value={q.key}>
                {q.label}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <div role="tablist" aria-label={t('campaigns.tabs')} className="campaign-tabs">
        {tabs.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? 'btn btn-primary' : 'btn btn-secondary'}
            onClick={() => setTab(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {plan && year ? (
          <>
            {tab === 'mine' ? <ReportFormView planId={plan.id} year={year} quarter={quarter} /> : null}
            {tab === 'reports' ? <StatusList planId={plan.id} year={year} quarter={quarter} /> : null}
            {tab === 'dashboard' ? <Dashboard planId={plan.id} year={year} quarter={quarter} /> : null}
            {tab === 'plan' ? (
              department ? (
                <PlanEditor plan={plan} onChanged={planChanged} />
              ) : (
                <PlanView plan={plan} />
              )
            ) : null}
          </>
        ) : null}
        {tab === 'team' ? <TeamForm /> : null}
      </div>
    </section>
  );
}
