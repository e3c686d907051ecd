import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.js';
import { problemText } from '../../shared/problem-text.js';

export interface ReportChange {
  id: string;
  status: string;
  agencyId: string | null;
  version: number;
  action: string;
}

/**
 * Listens to the live report stream (server-sent events, cookie auth) and calls `onChange` at most
 * once per half second with the changes heard meanwhile. The browser reconnects by itself.
 */
export function useReportStream(onChange: (changes: ReportChange[]) => void): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/v1/reports/stream');
    let batch: ReportChange[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    source.addEventListener('report', (event) => {
      try {
        batch.push(JSON.parse((event as MessageEvent<string>).data) as ReportChange);
      } catch {
        return;
      }
      timer ??= setTimeout(() => {
        const changes = batch;
        batch = [];
        timer = null;
        handler.current(changes);
      }, 500);
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, []);
}

/** GETs an API resource and reloads it whenever a report changes (deadline board, map). */
export function useLiveResource<T>(path: string): {
  data: T | null;
  problem: { title: string; detail?: string } | null;
} {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await api<T>('GET', path));
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);
  useReportStream(
    useCallback(() => {
      void load();
    }, [load]),
  );
  return { data, problem };
}
