import { t } from '../../shared/i18n.js';
import { AgenciesPage } from '../admin/agencies-page.js';
import { ContentEditPage } from '../content/content-edit-page.js';
import { ContentListPage } from '../content/content-list-page.js';
import { AuditPage } from '../admin/audit-page.js';
import { AlertDetailPage, AlertFormPage, AlertsListPage } from '../alerts/alerts-pages.js';
import { CampaignsPage } from '../campaigns/campaigns-page.js';
import { CallCentrePage } from '../call-centre/call-centre-page.js';
import { MailQuarantinePage } from '../channels/mail-quarantine-page.js';
import { Open311KeysPage } from '../channels/open311-keys-page.js';
import { UsersPage } from '../admin/users-page.js';
import { DeadlinePage } from '../feedback/deadline-page.js';
import { MapPage } from '../feedback/map-page.js';
import { DataRequestsPage } from '../feedback/data-requests-page.js';
import { AgencyAnalyticsPage } from '../analytics/agency-page.js';
import { AnalyticsPage } from '../analytics/analytics-page.js';
import { QueuePage } from '../feedback/queue-page.js';
import { ReportPage } from '../feedback/report-page.js';
import { RoutingPage } from '../feedback/routing-page.js';
import type { NavEntry } from '../routes.js';
import { SecurityPage } from '../security/security-page.js';
import { HotspotsPage } from '../triage/hotspots-page.js';
import { HomePage } from './home-page.js';
import { NotificationsPage } from './notifications.js';
import { NotFoundPage, UnderConstructionPage } from './simple-pages.js';

const BUILT_PAGES: Record<string, () => React.JSX.Element> = {
  '/console/admin/users': UsersPage,
  '/console/admin/agencies': AgenciesPage,
  '/console/admin/audit': AuditPage,
  '/console/phan-anh': QueuePage,
  '/console/han-xu-ly': DeadlinePage,
  '/console/dieu-phoi': RoutingPage,
  '/console/ban-do': MapPage,
  '/console/canh-bao': AlertsListPage,
  '/console/diem-nong': HotspotsPage,
  '/console/noi-dung': ContentListPage,
  '/console/campaigns': CampaignsPage,
  '/console/call-centre': CallCentrePage,
  '/console/analytics': AnalyticsPage,
  '/console/thu-cach-ly': MailQuarantinePage,
  '/console/open311': Open311KeysPage,
  '/console/du-lieu-ca-nhan': DataRequestsPage,
};

/** Picks the page for the path among the entries this person may open. */
export function ConsoleRoutes({ path, entries }: { path: string; entries: NavEntry[] }) {
  const normalised = path.replace(/\/+$/, '') || '/';
  if (normalised === '/console') return <HomePage entries={entries} />;
  if (normalised === '/console/security') return <SecurityPage />;
  if (normalised === '/console/thong-bao') return <NotificationsPage />;
  const flat = entries.flatMap((e) => [e, ...(e.children ?? [])]);
  if (normalised === '/console/admin') {
    const first = flat.find((e) => e.path.startsWith('/console/admin/'));
    const Page = first ? BUILT_PAGES[first.path] : undefined;
    return Page ? <Page /> : <NotFoundPage />;
  }
  const report = /^\/console\/phan-anh\/([0-9a-f-]{36})$/i.exec(normalised);
  if (report && flat.some((e) => e.path === '/console/phan-anh')) return <ReportPage id={report[1]!} />;
  const alert = /^\/console\/canh-bao\/(moi|[0-9a-f-]{36})(\/sua)?$/i.exec(normalised);
  if (alert && flat.some((e) => e.path === '/console/canh-bao')) {
    if (alert[1] === 'moi') return <AlertFormPage />;
    return alert[2] ? <AlertFormPage id={alert[1]!} /> : <AlertDetailPage id={alert[1]!} />;
  }
  const content = /^\/console\/noi-dung\/(moi|[0-9a-f-]{36})$/i.exec(normalised);
  if (content && flat.some((e) => e.path === '/console/noi-dung'))
    return content[1] === 'moi' ? <ContentEditPage /> : <ContentEditPage key={content[1]} id={content[1]!} />;
  const agency = /^\/console\/analytics\/co-quan\/([0-9a-f-]{36})$/i.exec(normalised);
  if (agency && flat.some((e) => e.path === '/console/analytics'))
    return <AgencyAnalyticsPage id={agency[1]!} />;
  const entry = flat.find((e) => e.path === normalised);
  if (!entry) return <NotFoundPage />;
  const Page = BUILT_PAGES[entry.path];
  if (Page) return <Page />;
  return <UnderConstructionPage title={t(entry.label)} />;
}
