import { useEffect, useState } from 'react';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { ListTable, listDateFormat, useListLoad } from '../shell/list-page.js';
import './channels.css';

type Status = 'held' | 'processed' | 'discarded';
const STATUSES: Status[] = ['held', 'processed', 'discarded'];

interface Item {
  id: string;
  receivedAt: string;
  size: number;
  reason: string;
  status: Status;
  fromAddress: string | null;
  subject: string | null;
  reportId: string | null;
}
/** A mail server's state (GET /mail/health): a failing one is shown above the quarantine. */
interface Health {
  channel: 'imap' | 'smtp';
  ok: boolean;
  failingSince: string | null;
  lastError: string | null;
  checkedAt: string;
}
interface Detail extends Item {
  sha256: string;
  headers: string;
}
type Outcome =
  | { outcome: 'report'; trackingCode: string }
  | { outcome: 'follow_up' | 'bounce' | 'duplicate' }
  | { outcome: 'quarantined'; reason: string };

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function outcomeText(o: Outcome): string {
  if (o.outcome === 'report') return t('mailbox.outcome.report', { code: o.trackingCode });
  if (o.outcome === 'quarantined') return t('mailbox.outcome.quarantined', { reason: o.reason });
  return t(`mailbox.outcome.${o.outcome}`);
}

/** Mail the intake could not take in (IOC and administrators): list, headers, .eml, reprocess, discard. */
export function MailQuarantinePage() {
  const [status, setStatus] = useState<Status>('held');
  const { items, loading, problem, setProblem, reload } = useListLoad<Item>('/mail/quarantine', { status });
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<Detail | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const dateFormat = listDateFormat();

  const [health, setHealth] = useState<Health[]>([]);
  useEffect(() => {
    api<{ items: Health[] }>('GET', '/mail/health')
      .then((res) => setHealth(res.items))
      .catch(() => undefined);
  }, []);

  async function view(id: string) {
    try {
      setOpen(await api<Detail>('GET', `/mail/quarantine/${id}`));
      setConfirmDiscard(false);
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    }
  }

  async function act(kind: 'reprocess' | 'discard') {
    if (!open) return;
    setBusy(true);
    try {
      if (kind === 'reprocess') {
        const outcome = await api<Outcome>('POST', `/mail/quarantine/${open.id}/reprocess`);
        setNotice(outcomeText(outcome));
      } else {
        await api('POST', `/mail/quarantine/${open.id}/discard`);
        setNotice(t('mailbox.discarded'));
      }
      setOpen(null);
      setProblem(null);
      await reload();
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
      setConfirmDiscard(false);
    }
  }

  return (
    <section>
      <PageHeading>{t('mailbox.title')}</PageHeading>
      <p>{t('mailbox.intro')}</p>
      {health
        .filter((h) => !h.ok)
        .map((h) => (
          <Alert
            key={h.channel}
            tone="error"
            title={t(`mailbox.health.${h.channel}`, {
              since: dateFormat.format(new Date(h.failingSince ?? h.checkedAt)),
            })}
          >
            {h.lastError ? t('mailbox.health.error', { error: h.lastError }) : null}
          </Alert>
        ))}
      {notice ? <Alert tone="success" title={notice} /> : null}
      <ProblemAlert problem={problem} />
      <div className="filters">
        <SelectField
          label={t('mailbox.statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.target.value as Status)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`mailbox.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>

      {open ? (
        <section className="channels-panel" aria-labelledby="quarantine-detail">
          <h2 id="quarantine-detail">
            {t('mailbox.detailTitle')}: {open.subject ?? t('mailbox.noSubject')}
          </h2>
          <dl>
            <dt>{t('mailbox.from')}</dt>
            <dd>{open.fromAddress ?? t('mailbox.unknownSender')}</dd>
            <dt>{t('mailbox.size')}</dt>
            <dd>{size(open.size)}</dd>
            <dt>{t('mailbox.reason')}</dt>
            <dd>{open.reason}</dd>
            <dt>SHA-256</dt>
            <dd>
              <code>{open.sha256}</code>
            </dd>
          </dl>
          <h3>{t('mailbox.headers')}</h3>
          <pre className="mail-headers" tabIndex={0} aria-label={t('mailbox.headers')}>
            {open.headers}
          </pre>
          <p>
            <a href={`/api/v1/mail/quarantine/${open.id}/raw`} download={`thu-${open.id}.eml`}>
              {t('mailbox.download')}
            </a>
          </p>
          {open.status === 'held' ? (
            <div className="channels-actions">
              <Button busy={busy} onClick={() => void act('reprocess')}>
                {t('mailbox.reprocess')}
              </Button>
              {confirmDiscard ? (
                <>
                  <span role="status">{t('mailbox.discardConfirm')}</span>
                  <Button variant="danger" busy={busy} onClick={() => void act('discard')}>
                    {t('mailbox.discard')}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirmDiscard(false)}>
                    {t('common.cancel')}
                  </Button>
                </>
              ) : (
                <Button variant="danger" onClick={() => setConfirmDiscard(true)}>
                  {t('mailbox.discard')}
                </Button>
              )}
            </div>
          ) : null}
          <Button variant="secondary" onClick={() => setOpen(null)}>
            {t('mailbox.close')}
          </Button>
        </section>
      ) : null}

      <ListTable
        title={t('mailbox.listTitle', { count: items.length })}
        empty={t('mailbox.empty')}
        loading={loading}
        items={items}
        columns={[
          t('mailbox.received'),
          t('mailbox.from'),
          t('mailbox.subject'),
          t('mailbox.size'),
          t('mailbox.reason'),
          t('common.actions'),
        ]}
        row={(i) => (
          <tr key={i.id}>
            <td>{dateFormat.format(new Date(i.receivedAt))}</td>
            <td>{i.fromAddress ?? t('mailbox.unknownSender')}</td>
            <td>{i.subject ?? t('mailbox.noSubject')}</td>
            <td>{size(i.size)}</td>
            <td>{i.reason}</td>
            <td>
              <Button variant="secondary" onClick={() => void view(i.id)}>
                {t('mailbox.view')}
                <span className="visually-hidden"> {i.subject ?? i.id}</span>
              </Button>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
