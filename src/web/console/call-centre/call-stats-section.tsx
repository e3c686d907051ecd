import { useEffect, useState, type FormEvent } from 'react';
import {
  CALL_OUTCOME_LABELS,
  CALL_OUTCOMES,
  type CallStatsRow,
  type CallStatsView,
} from '../../../contracts/calls.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextField } from '../../shared/ui/text-field.js';

const locale = () => (getLang() === 'vi' ? 'vi-VN' : 'en-GB');
const fmt = (n: number) => new Intl.NumberFormat(locale()).format(n);

/** 185 s → "3:05" (minutes:seconds). */
function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const m = Math.floor(seconds / 60);
  return `${fmt(m)}:${String(seconds % 60).padStart(2, '0')}`;
}

function outcomes(row: CallStatsRow): string {
  const lang = getLang();
  return (
    CALL_OUTCOMES.filter((o) => row.outcomes[o])
      .map((o) => `${CALL_OUTCOME_LABELS[o][lang]}: ${fmt(row.outcomes[o] ?? 0)}`)
      .join('; ') || '—'
  );
}

/** A Vietnam calendar day, `days` before today. */
function vnDay(daysAgo = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

function Cells({ row }: { row: CallStatsRow }) {
  return (
    <>
      <td className="num">{fmt(row.calls)}</td>
      <td className="num">{fmt(row.answered)}</td>
      <td className="num">{fmt(row.missed)}</td>
      <td className="num">{duration(row.avgHandleSeconds)}</td>
      <td>{outcomes(row)}</td>
    </>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('channels.statsCalls')}</th>
        <th scope="col">{t('channels.statsAnswered')}</th>
        <th scope="col">{t('channels.statsMissed')}</th>
        <th scope="col">{t('channels.statsHandle')}</th>
        <th scope="col">{t('channels.statsOutcomes')}</th>
      </tr>
    </thead>
  );
}

/** Call statistics per agent and per hour of day (Vietnam time), for the IOC supervising the line. */
export function CallStatsSection() {
  const [from, setFrom] = useState(() => vnDay(6));
  const [to, setTo] = useState(() => vnDay());
  const [data, setData] = useState<CallStatsView | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  async function load(event?: FormEvent) {
    event?.preventDefault();
    try {
      setData(await api<CallStatsView>('GET', '/call-centre/stats', { query: { from, to } }));
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    }
  }
  useEffect(() => {
    void load();
    // First load only; later loads come from the form.
  }, []);

  return (
    <section className="card call-stats" aria-labelledby="call-stats-title">
      <h2 id="call-stats-title">{t('channels.statsTitle')}</h2>
      <form className="call-stats-range" onSubmit={load}>
        <TextField
          label={t('channels.statsFrom')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          label={t('channels.statsTo')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('channels.statsShow')}
        </Button>
      </form>
      <ProblemAlert problem={problem} />
      {data && data.total.calls === 0 ? <p className="muted">{t('channels.statsNone')}</p> : null}
      {data && data.total.calls > 0 ? (
        <>
          <table className="table">
            <caption>{t('channels.statsAgents')}</caption>
            <Head first={t('channels.statsAgent')} />
            <tbody>
              {data.agents.map((a) => (
                <tr key={a.agentId ?? 'none'}>
                  <th scope="row">{a.agentName ?? t('channels.statsNoAgent')}</th>
                  <Cells row={a} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('channels.statsTotal')}</th>
                <Cells row={data.total} />
              </tr>
            </tfoot>
          </table>
          <table className="table">
            <caption>{t('channels.statsHours')}</caption>
            <Head first={t('channels.statsHour')} />
            <tbody>
              {data.hours.map((h) => (
                <tr key={h.hour}>
                  <th scope="row">{`${String(h.hour).padStart(2, '0')}:00–${String(h.hour).padStart(2, '0')}:59`}</th>
                  <Cells row={h} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
