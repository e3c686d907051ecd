/** Roles a person can hold. Agency roles are scoped to an agency and its sub-units. */
export const ROLES = [
  'citizen',
  'call_agent',
  'ioc_operator',
  'agency_handler',
  'agency_lead',
  'alert_officer',
  'alert_approver',
  'editor',
  'department_staff',
  'community_team',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ROLES.filter((r) => r !== 'citizen');

/** Roles that only make sense tied to an agency (their data is limited to that agency's subtree). */
export const AGENCY_SCOPED_ROLES: readonly Role[] = ['agency_handler', 'agency_lead', 'community_team'];

/** Roles that must use two-factor authentication before doing anything privileged. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['admin', 'alert_approver'];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  citizen: { vi: 'Người dân', en: 'Citizen' },
  call_agent: { vi: 'Điện thoại viên 1022', en: 'Call-centre agent' },
  ioc_operator: { vi: 'Điều hành viên IOC', en: 'IOC operator' },
  agency_handler: { vi: 'Cán bộ xử lý', en: 'Agency handler' },
  agency_lead: { vi: 'Lãnh đạo cơ quan', en: 'Agency lead' },
  alert_officer: { vi: 'Cán bộ soạn cảnh báo', en: 'Alert officer' },
  alert_approver: { vi: 'Người duyệt cảnh báo', en: 'Alert approver' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  department_staff: { vi: 'Cán bộ Sở', en: 'Department staff' },
  community_team: { vi: 'Tổ công nghệ số cộng đồng', en: 'Community digital team' },
  admin: { vi: 'Quản trị viên', en: 'Administrator' },
};

/**
 * The permission table: which roles may do what. The only place where access rules live;
 * the server checks it in every use case and the web app reads it to show or hide actions.
 */
export const PERMISSIONS = {
  'console.access': STAFF_ROLES,
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'agencies.read': STAFF_ROLES,
  'agencies.manage': ['admin'],
  'units.read': ROLES,
  'audit.read': ['admin'],
  'settings.manage': ['admin'],
  'reports.submit': ROLES,
  'reports.read': ['ioc_operator', 'call_agent', 'agency_handler', 'agency_lead', 'admin'],
  'reports.triage': ['ioc_operator', 'admin'],
  'reports.record_for_caller': ['call_agent', 'ioc_operator'],
  'reports.handle': ['agency_handler', 'agency_lead'],
  'reports.approve_answer': ['agency_lead', 'ioc_operator'],
  'routing.manage': ['ioc_operator', 'admin'],
  'templates.manage': ['ioc_operator', 'agency_lead', 'admin'],
  'reports.read_contact': ['ioc_operator', 'call_agent', 'agency_lead'],
  /** Data subject requests (Decree 356/2025): the 1022 centre answers them; administrators oversee. */
  'data_requests.handle': ['ioc_operator', 'admin'],
  'alerts.draft': ['alert_officer'],
  'alerts.approve': ['alert_approver'],
  'content.edit': ['editor'],
  // Content workflow (issue 7): contributors write drafts and submit them (the community team only for its
  // own agency); approvers approve or return a submission (never their own: four eyes); editors
  // (content.edit) publish, unpublish, archive and correct any item.
  'content.contribute': ['editor', 'department_staff', 'community_team'],
  'content.approve': ['editor', 'department_staff'],
  'campaigns.manage': ['department_staff'],
  'campaigns.report': ['agency_lead', 'agency_handler', 'community_team', 'department_staff'],
  'analytics.read': ['ioc_operator', 'department_staff', 'agency_lead', 'admin'],
  'triage.manage': ['ioc_operator', 'admin'],
  // Call-centre statistics per agent and hour (issue 5): the IOC supervises the 1022 agents.
  'calls.stats': ['ioc_operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Permissions that additionally need a session verified with a second factor when the role requires it. */
export const MFA_GUARDED: readonly Permission[] = [
  'users.read',
  'users.manage',
  'agencies.manage',
  'audit.read',
  'settings.manage',
  'alerts.approve',
];

export function rolesAllowed(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}
