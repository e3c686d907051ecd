import { useEffect, useState, type FormEvent } from 'react';
import {
  CONTENT_CATEGORIES,
  CONTENT_STATUSES,
  CONTENT_STATUS_LABELS,
  CONTENT_TYPE_LABELS,
  CONTENT_TYPES,
  type ContentStatus,
  type ContentType,
  type StaffContentItem,
} from '../../../contracts/content.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import './content.css';

export const CONTENT_CONSOLE = '/console/noi-dung';

export function formatWhen(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(getLang() === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/** Content items for editors, newest change first, filtered by status, type and text. */
export function ContentListPage() {
  const lang = getLang();
  const [status, setStatus] = useState<ContentStatus | ''>('');
  const [type, setType] = useState<ContentType | ''>('');
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState({ status: '', type: '', q: '' });
  const [items, setItems] = useState<StaffContentItem[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api<{ items: StaffContentItem[]; total: number }>('GET', '/content/items', {
      query: { ...applied, limit: 100 },
    })
      .then((res) => {
        if (!live) return;
        setItems(res.items);
        setTotal(res.total);
        setProblem(null);
      })
      .catch((err: unknown) => live && setProblem(problemText(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [applied]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ status, type, q });
  };

  return (
    <>
      <PageHeading>{t('content.console.title')}</PageHeading>
      <p>
        <Link href={`${CONTENT_CONSOLE}/moi`}>{t('content.console.new')}</Link>
      </p>
      <form className="content-filters" onSubmit={submit} aria-label={t('common.filter')}>
        <SelectField
          label={t('content.console.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as ContentStatus | '')}
        >
          <option value="">{t('common.all')}</option>
          {CONTENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CONTENT_STATUS_LABELS[s][lang]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('content.console.type')}
          value={type}
          onChange={(e) => setType(e.target.value as ContentType | '')}
        >
          <option value="">{t('common.all')}</option>
          {CONTENT_TYPES.map((ct) => (
            <option key={ct} value={ct}>
              {CONTENT_TYPE_LABELS[ct][lang]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('common.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={200}
        />
        <Button type="submit">{t('common.filter')}</Button>
      </form>
      <ProblemAlert problem={problem} />
      <p role="status">{loading ? t('common.loading') : t('content.console.count', { n: total })}</p>
      <table className="content-table">
        <thead>
          <tr>
            <th scope="col">{t('content.console.itemTitle')}</th>
            <th scope="col">{t('content.console.type')}</th>
            <th scope="col">{t('content.console.status')}</th>
            <th scope="col">{t('content.console.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link href={`${CONTENT_CONSOLE}/${i.id}`}>{i.title}</Link>
              </td>
              <td>
                {CONTENT_TYPE_LABELS[i.type][lang]} ·{' '}
                {CONTENT_CATEGORIES[i.type][i.category]?.[lang] ?? i.category}
              </td>
              <td>
                {CONTENT_STATUS_LABELS[i.status][lang]}
                {i.status === 'published' && !i.live ? ` (${t('content.console.scheduled')})` : ''}
                {i.revision
                  ? ` · ${t(i.revision.status === 'submitted' ? 'content.console.correctionSubmitted' : 'content.console.correctionDraft')}`
                  : ''}
              </td>
              <td>{formatWhen(i.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
