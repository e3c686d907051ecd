import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';

export type Problem = { title: string; detail?: string } | null;

/** Date and time as the staff console lists show them (short, in the reader's language). */
export function listDateFormat(): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/**
 * Loads a console list (`GET path` answering `{ items, ... }`) and loads it again when the query changes
 * or `reload` is called. The whole answer is kept in `data` for what a page lists beside the items.
 * `problem` is the last failed request's text; pages set it for their own actions too.
 */
export function useListLoad<T, R extends { items: T[] } = { items: T[] }>(
  path: string,
  query: Record<string, string> = {},
) {
  const [data, setData] = useState<R | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const queryKey = JSON.stringify(query);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api<R>('GET', path, { query: JSON.parse(queryKey) as Record<string, string> }));
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setLoading(false);
    }
  }, [path, queryKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, items: data?.items ?? [], loading, problem, setProblem, reload };
}

/**
 * A console list's heading (with its count, read out when it changes), loading and empty states, and its
 * table: `columns` are the header labels (the last is usually `common.actions`), `row` draws one item.
 */
export function ListTable<T>({
  title,
  empty,
  loading,
  items,
  columns,
  row,
}: {
  title: string;
  empty: string;
  loading: boolean;
  items: T[];
  columns: string[];
  row: (item: T) => ReactNode;
}) {
  return (
    <>
      <h2 aria-live="polite">{title}</h2>
      {loading ? <p role="status">{t('common.loading')}</p> : null}
      {!loading && items.length === 0 ? <p>{empty}</p> : null}
      {items.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
