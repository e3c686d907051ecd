import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { TextField } from '../../shared/ui/text-field.js';
import type { PlanDetail, PlanMeasure } from './types.js';

type Problem = { title: string; detail?: string } | null;
const GROUPS = [
  'all_recipients',
  'departments',
  'district_pcs',
  'sociopolitical',
  'press',
  'service_centres',
] as const;

interface PlanFieldsState {
  number: string;
  title: string;
  issuingBody: string;
  startsOn: string;
  endsOn: string;
  dueDay: string;
  remindDaysBefore: string;
}

function PlanFields({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: PlanFieldsState;
  submitLabel: string;
  onSubmit: (v: PlanFieldsState) => Promise<void>;
}) {
  const [v, setV] = useState(initial);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof PlanFieldsState) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(v);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="campaign-plan-form">
      <TextField label={t('campaigns.planNumber')} value={v.number} onChange={set('number')} required />
      <TextField label={t('campaigns.planTitle')} value={v.title} onChange={set('title')} required />
      <TextField
        label={t('campaigns.planIssuer')}
        value={v.issuingBody}
        onChange={set('issuingBody')}
        required
      />
      <TextField
        label={t('campaigns.planStarts')}
        type="date"
        value={v.startsOn}
        onChange={set('startsOn')}
      />
      <TextField label={t('campaigns.planEnds')} type="date" value={v.endsOn} onChange={set('endsOn')} />
      <TextField
        label={t('campaigns.planDueDay')}
        type="number"
        min={1}
        max={28}
        value={v.dueDay}
        onChange={set('dueDay')}
      />
      <TextField
        label={t('campaigns.planRemindDays')}
        type="number"
        min={0}
        max={60}
        value={v.remindDaysBefore}
        onChange={set('remindDaysBefore')}
      />
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

const planBody = (v: PlanFieldsState) => ({
  number: v.number.trim(),
  title: v.title.trim(),
  issuingBody: v.issuingBody.trim(),
  startsOn: v.startsOn,
  endsOn: v.endsOn,
  dueDay: Number(v.dueDay),
  remindDaysBefore: Number(v.remindDaysBefore),
});

type Task = PlanDetail['tasks'][number];
const emptyMeasure = (): PlanMeasure => ({ code: '', name: '', unit: '', minimum: null });

function TaskForm({
  plan,
  task,
  onDone,
}: {
  plan: PlanDetail;
  task: Task | null;
  onDone: (problem: Problem, saved: boolean) => void;
}) {
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [group, setGroup] = useState(task?.assigneeGroup ?? 'district_pcs');
  const [materials, setMaterials] = useState(
    (task?.materials ?? []).map((m) => `${m.title} | ${m.url}`).join('\n'),
  );
  const [measures, setMeasures] = useState<PlanMeasure[]>(task?.measures ?? [emptyMeasure()]);
  const [problem, setProblem] = useState<Problem>(null);
  const setM = (i: number, k: keyof PlanMeasure, value: string) =>
    setMeasures(
      measures.map((m, j) =>
        j === i ? { ...m, [k]: k === 'minimum' ? (value === '' ? null : Number(value)) : value } : m,
      ),
    );
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = {
      version: plan.version,
      title,
      description,
      assigneeGroup: group,
      materials: materials
        .split('\n')
        .map((l) => l.split('|').map((x) => x.trim()))
        .filter(([a, b]) => a && b)
        .map(([a, b]) => ({ title: a!, url: b! })),
      measures: measures.map((m) => ({
        code: m.code.trim(),
        name: m.name.trim(),
        unit: m.unit.trim(),
        aggregation: m.aggregation ?? 'sum',
        minimum: m.minimum,
        communitySource: m.communitySource ?? null,
      })),
    };
    try {
      if (task) await api('PUT', `/campaigns/plans/${plan.id}/tasks/${task.id}`, { body });
      else await api('POST', `/campaigns/plans/${plan.id}/tasks`, { body });
      onDone(null, true);
    } catch (err) {
      setProblem(problemText(err));
    }
  }
  return (
    <form
      onSubmit={save}
      className="card"
      aria-label={task ? t('campaigns.editTask') : t('campaigns.addTask')}
    >
      <h3>{task ? t('campaigns.editTask') : t('campaigns.addTask')}</h3>
      <ProblemAlert problem={problem} />
      <TextField
        label={t('campaigns.taskTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
      />
      <TextArea
        label={t('campaigns.taskDescription')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <SelectField label={t('campaigns.taskGroup')} value={group} onChange={(e) => setGroup(e.target.value)}>
        {GROUPS.map((g) => (
          <option key={g} value={g}>
            {t(`campaigns.group.${g}`)}
          </option>
        ))}
      </SelectField>
      <TextArea
        label={t('campaigns.taskMaterials')}
        hint={t('campaigns.taskMaterialsHint')}
        value={materials}
        onChange={(e) => setMaterials(e.target.value)}
      />
      <fieldset>
        <legend>{t('campaigns.measuresReported')}</legend>
        {measures.map((m, i) => (
          <div key={i} className="campaign-measure-row">
            <TextField
              label={t('campaigns.measureCode', { n: i + 1 })}
              value={m.code}
              onChange={(e) => setM(i, 'code', e.target.value)}
              pattern="[a-z0-9_]{2,64}"
              required
            />
            <TextField
              label={t('campaigns.measureName', { n: i + 1 })}
              value={m.name}
              onChange={(e) => setM(i, 'name', e.target.value)}
              required
            />
            <TextField
              label={t('campaigns.measureUnit', { n: i + 1 })}
              value={m.unit}
              onChange={(e) => setM(i, 'unit', e.target.value)}
              required
            />
            <TextField
              label={t('campaigns.measureMinimum', { n: i + 1 })}
              type="number"
              min={0}
              value={m.minimum ?? ''}
              onChange={(e) => setM(i, 'minimum', e.target.value)}
            />
            <Button
              variant="secondary"
              onClick={() => setMeasures(measures.filter((_, j) => j !== i))}
              aria-label={t('campaigns.removeMeasure', { n: i + 1 })}
            >
              {t('campaigns.remove')}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setMeasures([...measures, emptyMeasure()])}>
          {t('campaigns.addMeasure')}
        </Button>
      </fieldset>
      <Button type="submit">{t('campaigns.saveTask')}</Button>{' '}
      <Button variant="link" onClick={() => onDone(null, false)}>
        {t('campaigns.cancel')}
      </Button>
    </form>
  );
}

/** Targets per district: base (smartphone users), target share and date, for the plan's targeted measure. */
function TargetsForm({ plan, onSaved }: { plan: PlanDetail; onSaved: () => void }) {
  const [rows, setRows] = useState(plan.targets);
  const [problem, setProblem] = useState<Problem>(null);
  const set = (i: number, k: 'baseValue' | 'targetPercent' | 'dueOn', value: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [k]: k === 'dueOn' ? value : Number(value) } : r)));
  if (!rows.length) return null;
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await api('PUT', `/campaigns/plans/${plan.id}/targets`, {
        body: { version: plan.version, targets: rows },
      });
      setProblem(null);
      onSaved();
    } catch (err) {
      setProblem(problemText(err));
    }
  }
  return (
    <form onSubmit={save} className="card">
      <h3>{t('campaigns.targets')}</h3>
      <ProblemAlert problem={problem} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.district')}</th>
              <th scope="col">{t('campaigns.targetBase')}</th>
              <th scope="col">{t('campaigns.targetPercent')}</th>
              <th scope="col">{t('campaigns.targetDue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.measureCode}:${r.unitCode}`}>
                <th scope="row">{r.unitCode}</th>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={`${t('campaigns.targetBase')} ${r.unitCode}`}
                    value={r.baseValue}
                    onChange={(e) => set(i, 'baseValue', e.target.value)}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={100}
                    aria-label={`${t('campaigns.targetPercent')} ${r.unitCode}`}
                    value={r.targetPercent}
                    onChange={(e) => set(i, 'targetPercent', e.target.value)}
                  />
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={`${t('campaigns.targetDue')} ${r.unitCode}`}
                    value={r.dueOn}
                    onChange={(e) => set(i, 'dueOn', e.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button type="submit">{t('campaigns.saveTargets')}</Button>
    </form>
  );
}

/**
 * The Department edits a plan: its fields, tasks with measures and materials, targets per district; or
 * creates a new plan. Every save sends the plan's version (a stale one is refused) and reloads the plan.
 */
export function PlanEditor({ plan, onChanged }: { plan: PlanDetail; onChanged: (planId?: string) => void }) {
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (msg: string) => {
    setProblem(null);
    setNotice(msg);
    onChanged();
  };
  async function removeTask(task: Task) {
    try {
      await api('DELETE', `/campaigns/plans/${plan.id}/tasks/${task.id}`, {
        query: { version: plan.version },
      });
      done(t('campaigns.taskRemoved'));
    } catch (err) {
      setProblem(problemText(err));
    }
  }
  return (
    <section className="card" aria-labelledby="plan-editor">
      <h2 id="plan-editor">{t('campaigns.editPlan')}</h2>
      <ProblemAlert problem={problem} />
      {notice ? <Alert tone="success" title={notice} /> : null}
      <PlanFields
        key={`${plan.id}:${plan.version}`}
        initial={{
          number: plan.number,
          title: plan.title,
          issuingBody: plan.issuingBody,
          startsOn: plan.startsOn,
          endsOn: plan.endsOn,
          dueDay: String(plan.dueDay),
          remindDaysBefore: String(plan.remindDaysBefore),
        }}
        submitLabel={t('campaigns.savePlan')}
        onSubmit={async (v) => {
          try {
            await api('PUT', `/campaigns/plans/${plan.id}`, {
              body: { ...planBody(v), version: plan.version, status: plan.status, issuedOn: plan.issuedOn },
            });
            done(t('campaigns.planSaved'));
          } catch (err) {
            setProblem(problemText(err));
          }
        }}
      />
      <h3>{t('campaigns.tasks')}</h3>
      <ol>
        {plan.tasks.map((task) => (
          <li key={task.id}>
            <strong>{task.title}</strong> — {task.assigneeLabel} (
            {task.measures.map((m) => m.name).join('; ')}){' '}
            <Button
              variant="link"
              onClick={() => setEditing(task)}
              aria-label={`${t('campaigns.edit')}: ${task.title}`}
            >
              {t('campaigns.edit')}
            </Button>
            <Button
              variant="link"
              onClick={() => void removeTask(task)}
              aria-label={`${t('campaigns.remove')}: ${task.title}`}
            >
              {t('campaigns.remove')}
            </Button>
          </li>
        ))}
      </ol>
      {editing ? (
        <TaskForm
          key={editing === 'new' ? 'new' : editing.id}
          plan={plan}
          task={editing === 'new' ? null : editing}
          onDone={(_p, saved) => {
            setEditing(null);
            if (saved) done(t('campaigns.taskSaved'));
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          {t('campaigns.addTask')}
        </Button>
      )}
      <TargetsForm key={`t:${plan.version}`} plan={plan} onSaved={() => done(t('campaigns.targetsSaved'))} />
      {creating ? (
        <section className="card">
          <h3>{t('campaigns.newPlan')}</h3>
          <PlanFields
            initial={{
              number: '',
              title: '',
              issuingBody: '',
              startsOn: '',
              endsOn: '',
              dueDay: '15',
              remindDaysBefore: '5',
            }}
            submitLabel={t('campaigns.createPlan')}
            onSubmit={async (v) => {
              try {
                const r = await api<{ id: string }>('POST', '/campaigns/plans', { body: planBody(v) });
                setCreating(false);
                setNotice(t('campaigns.planCreated'));
                onChanged(r.id);
              } catch (err) {
                setProblem(problemText(err));
              }
            }}
          />
        </section>
      ) : (
        <p>
          <Button variant="secondary" onClick={() => setCreating(true)}>
            {t('campaigns.newPlan')}
          </Button>
        </p>
      )}
    </section>
  );
}
