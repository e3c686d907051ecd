import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditEntryView } from '../../../contracts/identity.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextField } from '../../shared/ui/text-field.js';

const PAGE_SIZE = 50;

interface Filters {
  action: string;
  entityType: string;
  entityId: string;
}

function formatSummary(summary: Record<string, unknown>): string {
  const text = JSON.stringify(summary);
  return text === '{}' ? '' : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The audit log: newest first, filtered by action and entity, paged with "load more". */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>({ action: '', entityType: '', entityId: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [items, setItems] = useState<AuditEntryView[]>([]);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const dateFormat = new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });

  const load = useCallback(
    async (beforeId: number | null) => {
      setLoading(true);
      try {
        const res = await api<{ items: AuditEntryView[]; nextBeforeId: number | null }>(
          'GET',
          '/admin/audit',
          {
            query: { ...filters, beforeId, limit: PAGE_SIZE },
          },
        );
        setItems((current) => (beforeId ? [...current, ...res.items] : res.items));
        setNextBeforeId(res.nextBeforeId ?? null);
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

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters({
      action: draft.action.trim(),
      entityType: draft.entityType.trim(),
      entityId: draft.entityId.trim(),
    });
  }

  return (
    <section>
      <PageHeading>{t('audit.title')}</PageHeading>
      <ProblemAlert problem={problem} />
      <form className="filters" onSubmit={apply} role="search" aria-label={t('audit.filterLabel')}>
        <TextField
          label={t('audit.action')}
          hint={t('audit.actionHint')}
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        />
        <TextField
          label={t('audit.entityType')}
          hint={t('audit.entityTypeHint')}
          value={draft.entityType}
          onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}
        />
        <TextField
          label={t('audit.entityId')}
          value={draft.entityId}
          onChange={(e) => setDraft({ ...draft, entityId: e.target.value })}
        />
        <div className="field">
          <Button type="submit">{t('common.filter')}</Button>
        </div>
      </form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>{dateFormat.format(new Date(e.at))}</td>
                <td>
                  {e.actorLabel}
                  {e.ip ? <div className="muted">{e.ip}</div> : null}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.entityType}
                  {e.entityId ? <div className="muted summary">{e.entityId}</div> : null}
                </td>
                <td className="summary">{formatSummary(e.summary)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loading ? <p role="status">{t('common.loading')}</p> : null}
      {!loading && items.length === 0 ? <p>{t('audit.empty')}</p> : null}
      {nextBeforeId ? (
        <div className="actions">
          <Button variant="secondary" onClick={() => void load(nextBeforeId)} busy={loading}>
            {t('audit.loadMore')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
