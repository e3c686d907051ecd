import { useCallback, useEffect, useState } from 'react';
import type { AgencyView } from '../../../contracts/identity.js';
import { api } from '../../shared/api.js';
import { problemText } from '../../shared/problem-text.js';

/** Loads all agencies once per page (the list is small: a few hundred rows). */
export function useAgencies() {
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api<{ items: AgencyView[] }>('GET', '/agencies');
      setAgencies(res.items);
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { agencies, loading, problem, reload };
}
