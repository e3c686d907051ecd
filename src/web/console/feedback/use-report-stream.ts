import { useEffect, useRef } from 'react';

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
