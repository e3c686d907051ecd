import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api.js';
import { t, type MessageKey } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { formatDateTime } from '../feedback/labels.js';
import { useReportStream } from '../feedback/use-report-stream.js';

interface StaffNotice {
  id: string;
  kind: 'report_due_soon' | 'report_overdue' | 'report_assigned' | 'report_returned';
  reportId: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

interface NoticePage {
  unread: number;
  items: StaffNotice[];
  nextBefore: string | null;
}

/** Sent on the window when notices may have changed (marked read, a report moved): bell and list reload. */
const CHANGED = 'tinhso:notifications-changed';
const REFRESH_MS = 60_000;

/** Calls `reload` every minute and whenever notices may have changed. */
function useNoticeRefresh(reload: () => void) {
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    window.addEventListener(CHANGED, reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener(CHANGED, reload);
    };
  }, [reload]);
}

const announce = () => window.dispatchEvent(new Event(CHANGED));

/** An escalation, an assignment or a return is a report change: the live report stream says so at once. */
function ReportStreamRefresh() {
  useReportStream(announce);
  return null;
}

/** The header's link to the notices, with the number unread: "Thông báo (3)". */
export function NotificationBell({ followsReports }: { followsReports: boolean }) {
  const [unread, setUnread] = useState(0);
  const load = useCallback(() => {
    api<NoticePage>('GET', '/me/notifications', { query: { limit: 1, unread: 'true' } })
      .then((page) => setUnread(page.unread))
      .catch(() => {
        // The count is a convenience: a failed refresh keeps the last one.
      });
  }, []);
  useEffect(load, [load]);
  useNoticeRefresh(load);
  return (
    <>
      {/* Only people who may read reports listen to their stream (others would get a refusal). */}
      {followsReports ? <ReportStreamRefresh /> : null}
      <Link
        href="/console/thong-bao"
        className="notification-bell"
        aria-label={unread > 0 ? t('notifications.bellLabel', { n: unread }) : undefined}
      >
        {unread > 0 ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell')}
      </Link>
    </>
  );
}

/** /console/thong-bao: my notices, newest first, with links to the reports and read marks. */
export function NotificationsPage() {
  const [page, setPage] = useState<NoticePage | null>(null);
  const [older, setOlder] = useState<StaffNotice[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const first = await api<NoticePage>('GET', '/me/notifications');
      setPage(first);
      setOlder([]);
      setNext(first.nextBefore);
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const reload = useCallback(() => void load(), [load]);
  useNoticeRefresh(reload);

  async function markRead(body: { ids: string[] } | { all: true }) {
    setBusy(true);
    try {
      await api('POST', '/me/notifications/read', { body });
      announce();
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  async function more() {
    if (!next) return;
    try {
      const p = await api<NoticePage>('GET', '/me/notifications', { query: { before: next } });
      setOlder((o) => [...o, ...p.items]);
      setNext(p.nextBefore);
    } catch (error) {
      setProblem(problemText(error));
    }
  }

  const items = page ? [...page.items, ...older] : [];
  return (
    <section>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p>{t('notifications.intro')}</p>
      <ProblemAlert problem={problem} />
      {!page && !problem ? <p role="status">{t('common.loading')}</p> : null}
      {page ? (
        <>
          <p role="status">{t('notifications.unreadCount', { n: page.unread })}</p>
          {page.unread > 0 ? (
            <Button variant="secondary" busy={busy} onClick={() => void markRead({ all: true })}>
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
          {items.length === 0 ? <p>{t('notifications.none')}</p> : null}
          <ul className="notification-list">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'card notice-read' : 'card notice-unread'}>
                <p>
                  <strong>{t(`notifications.kind.${n.kind}` as MessageKey)}</strong>
                  {' · '}
                  <span>{n.readAt ? t('notifications.read') : t('notifications.unread')}</span>
                  {' · '}
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                </p>
                <h2>
                  <Link href={`/console/phan-anh/${n.reportId}`}>{n.title}</Link>
                </h2>
                <p>{n.body}</p>
                {n.readAt ? null : (
                  <Button
                    variant="link"
                    busy={busy}
                    aria-label={`${t('notifications.markRead')}: ${n.title}`}
                    onClick={() => void markRead({ ids: [n.id] })}
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {next ? (
            <Button variant="secondary" onClick={() => void more()}>
              {t('notifications.more')}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
