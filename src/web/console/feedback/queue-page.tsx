import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReportView } from '../../../contracts/feedback.js';
import { REPORT_STATUSES, type ReportStatus } from '../../../contracts/report-lifecycle.js';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { FilterableSelect } from '../../shared/ui/filterable-select.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { hasAny, useSession } from '../session.js';
import './feedback.css';
import { CHANNEL_VALUES, channelLabel, formatDateTime, statusLabel } from './labels.js';
import { categoryName, useReference } from './reference-data.js';
import { useReportStream } from './use-report-stream.js';

const PAGE_SIZE = 50;

interface Filters {
  statuses: ReportStatus[];
  channel: string;
  category: string;
  unit: string;
  agencyId: string;
  overdue: boolean;
  q: string;
}

const EMPTY: Filters = {
  statuses: [],
  channel: '',
  category: '',
  unit: '',
  agencyId: '',
  overdue: false,
  q: '',
};

function queryString(f: Filters, after: string | null): string {
  const params = new URLSearchParams();
  for (const s of f.statuses) params.append('status', s);
  if (f.channel) params.set('channel', f.channel);
  if (f.category) params.set('category', f.category);
  if (f.unit) params.set('unit', f.unit);
  if (f.agencyId) params.set('agencyId', f.agencyId);
  if (f.overdue) params.set('overdue', 'true');
  if (f.q.trim()) params.set('q', f.q.trim());
  params.set('limit', String(PAGE_SIZE));
  if (after) params.set('after', after);
  return params.toString();
}

/** The report queue: the IOC sees every report, agency staff their agency's (the server scopes it). */
export function QueuePage() {
  const { user } = useSession();
  const canTriage = hasAny(user, ['reports.triage']);
  const agencyView = !canTriage && hasAny(user, ['reports.handle']);
  const ref = useReference();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<ReportView[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [pages, setPages] = useState(1);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [pending, setPending] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const pagesRef = useRef(1);
  pagesRef.current = pages;

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const res = await api<{ items: ReportView[]; nextCursor: string | null }>(
          'GET',
          `/reports?${queryString(filters, after)}`,
        );
        setItems((current) => (after ? [...current, ...res.items] : res.items));
        setNextCursor(res.nextCursor ?? null);
        setPages((p) => (after ? p + 1 : 1));
        if (!after) {
          setPending(0);
          const ids = new Set(res.items.map((r) => r.id));
          setSelected((current) => new Set([...current].filter((id) => ids.has(id))));
        }
        setProblem(null);
      } catch (error) {
        setProblem(problemText(error));
      } finally {
        setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  // Live queue: with only the first page shown, refresh it quietly; otherwise offer a reload.
  useReportStream(
    useCallback(() => {
      if (pagesRef.current <= 1) void load(null);
      else setPending((n) => n + 1);
    }, [load]),
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters({ ...draft });
  }

  function reset() {
    setDraft(EMPTY);
    setFilters(EMPTY);
  }

  function toggleStatus(status: ReportStatus, on: boolean) {
    setDraft((d) => ({
      ...d,
      statuses: on ? [...d.statuses, status] : d.statuses.filter((s) => s !== status),
    }));
  }

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const title = agencyView ? t('queue.titleAgency') : t('queue.title');
  const allSelected = items.length > 0 && items.every((r) => selected.has(r.id));

  return (
    <section>
      <PageHeading>{title}</PageHeading>
      <ProblemAlert problem={problem} />
      <form className="card" onSubmit={apply} role="search" aria-label={t('queue.filterLabel')}>
        <fieldset className="checks">
          <legend>{t('queue.status')}</legend>
          <div className="status-checks">
            {REPORT_STATUSES.map((s) => (
              <label key={s} className="check">
                <input
                  type="checkbox"
                  checked={draft.statuses.includes(s)}
                  onChange={(e) => toggleStatus(s, e.target.checked)}
                />
                {statusLabel(s)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="filters">
          <TextField
            label={t('queue.search')}
            hint={t('queue.searchHint')}
            type="search"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
          <SelectField
            label={t('queue.channel')}
            value={draft.channel}
            onChange={(e) => setDraft({ ...draft, channel: e.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {CHANNEL_VALUES.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('queue.category')}
            value={draft.category}
            onChange={(e) => setDraft({ ...draft, category: e.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {(ref?.categories ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {categoryName(ref, c.code)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('queue.unit')}
            value={draft.unit}
            onChange={(e) => setDraft({ ...draft, unit: e.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {(ref?.districts ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </SelectField>
          {agencyView ? null : (
            <SelectField
              label={t('queue.agency')}
              value={draft.agencyId}
              onChange={(e) => setDraft({ ...draft, agencyId: e.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {(ref?.agencies ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          )}
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={draft.overdue}
                onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })}
              />
              {t('queue.overdueOnly')}
            </label>
          </div>
        </div>
        <div className="actions">
          <Button type="submit">{t('common.filter')}</Button>
          <Button variant="secondary" onClick={reset}>
            {t('queue.reset')}
          </Button>
        </div>
      </form>

      {pending > 0 ? (
        <Alert tone="info" title={t('queue.newChanges', { count: pending })}>
          <Button variant="secondary" onClick={() => void load(null)}>
            {t('queue.reload')}
          </Button>
        </Alert>
      ) : null}

      {notice ? <Alert tone="success" title={notice} /> : null}
      {canTriage && selected.size > 0 ? (
        <BulkAssign
          reports={items.filter((r) => selected.has(r.id))}
          onDone={(message) => {
            setNotice(message);
            setSelected(new Set());
            void load(null);
          }}
        />
      ) : null}

      <div className="table-wrap">
        <table>
          <caption>
            {t('queue.caption', { shown: items.length })}
            {loading ? <span className="muted"> — {t('common.loading')}</span> : null}
          </caption>
          <thead>
            <tr>
              {canTriage ? (
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('queue.selectAll')}
                    checked={allSelected}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(items.map((r) => r.id)) : new Set())
                    }
                  />
                </th>
              ) : null}
              <th scope="col">{t('fbReport.trackingCode')}</th>
              <th scope="col">{t('fbReport.title')}</th>
              <th scope="col">{t('fbReport.category')}</th>
              <th scope="col">{t('fbReport.unit')}</th>
              <th scope="col">{t('fbReport.agency')}</th>
              <th scope="col">{t('fbReport.status')}</th>
              <th scope="col">{t('fbReport.receivedAt')}</th>
              <th scope="col">{t('fbReport.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                {canTriage ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('queue.select', { code: r.trackingCode })}
                      checked={selected.has(r.id)}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                    />
                  </td>
                ) : null}
                <td className="nowrap">
                  <Link href={`/console/phan-anh/${r.id}`}>{r.trackingCode}</Link>
                </td>
                <td>{r.title}</td>
                <td>{categoryName(ref, r.categoryCode)}</td>
                <td>{r.unitName ?? '—'}</td>
                <td>{r.agencyName ?? '—'}</td>
                <td>{statusLabel(r.status)}</td>
                <td className="nowrap">{formatDateTime(r.receivedAt)}</td>
                <td>
                  {formatDateTime(r.extendedDeadlineAt ?? r.deadlineAt)}
                  {r.overdue ? (
                    <>
                      {' '}
                      <span className="badge badge-overdue">{t('fbReport.overdue')}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!loading && items.length === 0 ? <p>{t('queue.empty')}</p> : null}
      {nextCursor ? (
        <div className="actions">
          <Button variant="secondary" onClick={() => void load(nextCursor)} busy={loading}>
            {t('queue.loadMore')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/** Assigns the selected reports to one agency in one request; reports that changed meanwhile are listed. */
function BulkAssign({ reports, onDone }: { reports: ReportView[]; onDone: (message: string) => void }) {
  const ref = useReference();
  const [agencyId, setAgencyId] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!agencyId) {
      setError(t('action.agencyRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ results: { id: string; ok: boolean; code?: string }[] }>(
        'POST',
        '/reports/bulk-assign',
        {
          body: {
            items: reports.map((r) => ({ id: r.id, version: r.version })),
            agencyId,
            note: note.trim() || undefined,
          },
        },
      );
      const ok = res.results.filter((r) => r.ok).length;
      const failed = res.results
        .filter((r) => !r.ok)
        .map((r) => `${reports.find((x) => x.id === r.id)?.trackingCode ?? r.id} (${r.code ?? '?'})`);
      onDone(
        failed.length
          ? t('queue.bulkPartial', { ok, failed: failed.join(', ') })
          : t('queue.bulkDone', { ok }),
      );
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-label={t('queue.bulkTitle')}>
      <h2>{t('queue.bulkTitle')}</h2>
      <p>{t('queue.bulkSelected', { count: reports.length })}</p>
      <ProblemAlert problem={problem} />
      <FilterableSelect
        label={t('action.agency')}
        filterLabel={t('action.agencyFilter')}
        emptyLabel={t('agency.choose')}
        noMatchLabel={t('agency.noMatch')}
        options={(ref?.agencies ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }))}
        value={agencyId}
        onChange={setAgencyId}
        required
        error={error}
      />
      <TextField label={t('action.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        <Button type="submit" busy={busy}>
          {t('queue.bulkSubmit')}
        </Button>
      </div>
    </form>
  );
}
