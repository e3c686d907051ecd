import type { Permission } from '../../contracts/roles.js';
import type { MessageKey } from '../shared/i18n.js';

export interface NavEntry {
  path: string;
  label: MessageKey;
  /** Shown when the person holds any of these. */
  permissions: Permission[];
  /** False while the module is not built yet: the page says so honestly. */
  built: boolean;
  children?: NavEntry[];
}

export const CONSOLE_BASE = '/console';

/** The console's navigation; each entry appears only for people allowed to use it. */
export const NAV: NavEntry[] = [
  { path: '/console/phan-anh', label: 'nav.reports', permissions: ['reports.read'], built: true },
  { path: '/console/han-xu-ly', label: 'nav.deadlines', permissions: ['reports.read'], built: true },
  { path: '/console/ban-do', label: 'nav.map', permissions: ['reports.read'], built: true },
  { path: '/console/dieu-phoi', label: 'nav.routing', permissions: ['routing.manage'], built: true },
  { path: '/console/diem-nong', label: 'triage.nav.hotspots', permissions: ['reports.triage'], built: true },
  {
    path: '/console/call-centre',
    label: 'nav.callCentre',
    permissions: ['reports.record_for_caller'],
    built: true,
  },
  {
    path: '/console/canh-bao',
    label: 'nav.alerts',
    permissions: ['alerts.draft', 'alerts.approve'],
    built: true,
  },
  {
    path: '/console/noi-dung',
    label: 'nav.content',
    permissions: ['content.contribute', 'content.approve', 'content.edit'],
    built: true,
  },
  {
    path: '/console/campaigns',
    label: 'nav.campaigns',
    permissions: ['campaigns.manage', 'campaigns.report'],
    built: true,
  },
  { path: '/console/analytics', label: 'nav.analytics', permissions: ['analytics.read'], built: true },
  { path: '/console/thu-cach-ly', label: 'mailbox.nav', permissions: ['reports.triage'], built: true },
  {
    path: '/console/du-lieu-ca-nhan',
    label: 'dataRequests.nav',
    permissions: ['data_requests.handle'],
    built: true,
  },
  { path: '/console/open311', label: 'open311.nav', permissions: ['settings.manage'], built: true },
  {
    path: '/console/admin',
    label: 'nav.admin',
    permissions: ['users.read', 'agencies.manage', 'audit.read'],
    built: true,
    children: [
      { path: '/console/admin/users', label: 'nav.users', permissions: ['users.read'], built: true },
      {
        path: '/console/admin/agencies',
        label: 'nav.agencies',
        permissions: ['agencies.manage'],
        built: true,
      },
      { path: '/console/admin/audit', label: 'nav.audit', permissions: ['audit.read'], built: true },
    ],
  },
];
