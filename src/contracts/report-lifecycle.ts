import type { Role } from './roles.js';

/** Where a report is in its life. Stored as text with a CHECK constraint (see feedback.schema.ts). */
export const REPORT_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'assigned',
  'in_progress',
  'returned',
  'answered',
  'approved',
  'published',
  'closed',
  'reopened',
  'merged',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const STATUS_LABELS: Record<ReportStatus, { vi: string; en: string }> = {
  received: { vi: 'Mới tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã kiểm tra, chờ chuyển xử lý', en: 'Accepted, awaiting routing' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
  assigned: { vi: 'Đã chuyển cơ quan xử lý', en: 'Assigned to an agency' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  returned: { vi: 'Cơ quan trả lại IOC', en: 'Returned to the operations centre' },
  answered: { vi: 'Đã có dự thảo trả lời, chờ lãnh đạo duyệt', en: 'Answer drafted, awaiting the lead' },
  approved: { vi: 'Lãnh đạo đã duyệt, chờ IOC công khai', en: 'Answer approved, awaiting publication' },
  published: { vi: 'Đã trả lời, công khai', en: 'Answered and published' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  reopened: { vi: 'Mở lại', en: 'Reopened' },
  merged: { vi: 'Đã gộp vào phản ánh khác', en: 'Merged into another report' },
};

/** Statuses a citizen's report is still being worked on in (deadline running). */
export const OPEN_STATUSES: readonly ReportStatus[] = [
  'received',
  'accepted',
  'assigned',
  'in_progress',
  'returned',
  'answered',
  'approved',
  'reopened',
];

export const REJECT_REASONS = [
  'spam',
  'duplicate',
  'out_of_scope',
  'complaint_procedure',
  'insufficient_info',
  'emergency',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_LABELS: Record<RejectReason, { vi: string; en: string }> = {
  spam: { vi: 'Nội dung rác, quảng cáo hoặc không phù hợp', en: 'Spam or inappropriate content' },
  duplicate: { vi: 'Trùng với phản ánh đã có', en: 'Duplicate of an existing report' },
  out_of_scope: {
    vi: 'Không thuộc phạm vi tiếp nhận của Tổng đài 1022',
    en: 'Outside the scope of the 1022 hotline',
  },
  complaint_procedure: {
    vi: 'Là khiếu nại, tố cáo: cần gửi theo thủ tục của Luật Khiếu nại, Luật Tố cáo',
    en: 'A complaint or denunciation: it follows its own legal procedure',
  },
  insufficient_info: { vi: 'Thiếu thông tin để xác minh, xử lý', en: 'Not enough information to act on' },
  emergency: { vi: 'Tình huống khẩn cấp: gọi 113, 114, 115', en: 'An emergency: call 113, 114 or 115' },
};

export const EXTENSION_STATES = ['none', 'requested', 'granted', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** The actions that move a report, each a verb. */
export const REPORT_ACTIONS = [
  'accept',
  'reject',
  'assign',
  'reassign',
  'start',
  'return_to_ioc',
  'pass_down',
  'request_extension',
  'grant_extension',
  'refuse_extension',
  'submit_answer',
  'approve_answer',
  'send_back_answer',
  'publish',
  'close',
  'reopen',
  'reopen_by_citizen',
  'merge',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface Transition {
  action: ReportAction;
  from: readonly ReportStatus[];
  /** Resulting status; `same` keeps the status (extension steps). */
  to: ReportStatus | 'same';
  roles: readonly Role[];
  /** Agency roles act only on reports assigned to their agency (or its sub-units). */
  agencyScoped: boolean;
  /** The timeline step is shown to the reporter and on public pages. */
  public: boolean;
  /** Extra precondition on the extension state. */
  extension?: ExtensionState;
  label: { vi: string; en: string };
}

const IOC: readonly Role[] = ['ioc_operator'];
const AGENCY: readonly Role[] = ['agency_handler', 'agency_lead'];
const LEAD: readonly Role[] = ['agency_lead'];

/**
 * The report lifecycle, as data: the only place that says who may move a report from where to where.
 * The server's single transition command and the web app's action buttons both read it.
 */
export const REPORT_TRANSITIONS: readonly Transition[] = [
  {
    action: 'accept',
    from: ['received'],
    to: 'accepted',
    roles: IOC,
    agencyScoped: false,
    public: true,
    label: { vi: 'Tiếp nhận', en: 'Accept' },
  },
  {
    action: 'reject',
    from: ['received', 'accepted', 'reopened'],
    to: 'rejected',
    roles: IOC,
    agencyScoped: false,
    public: true,
    label: { vi: 'Từ chối', en: 'Reject' },
  },
  {
    action: 'assign',
    from: ['accepted', 'returned', 'reopened'],
    to: 'assigned',
    roles: IOC,
    agencyScoped: false,
    public: true,
    label: { vi: 'Chuyển xử lý', en: 'Assign' },
  },
  {
    action: 'reassign',
    from: ['assigned', 'in_progress'],
    to: 'assigned',
    roles: IOC,
    agencyScoped: false,
    public: false,
    label: { vi: 'Chuyển cơ quan khác', en: 'Reassign' },
  },
  {
    action: 'start',
    from: ['assigned'],
    to: 'in_progress',
    roles: AGENCY,
    agencyScoped: true,
    public: true,
    label: { vi: 'Nhận xử lý', en: 'Start handling' },
  },
  {
    action: 'return_to_ioc',
    from: ['assigned', 'in_progress'],
    to: 'returned',
    roles: AGENCY,
    agencyScoped: true,
    public: false,
    label: { vi: 'Trả lại IOC (không thuộc thẩm quyền)', en: 'Return to IOC (not ours)' },
  },
  {
    action: 'pass_down',
    from: ['assigned', 'in_progress'],
    to: 'assigned',
    roles: AGENCY,
    agencyScoped: true,
    public: false,
    label: { vi: 'Chuyển đơn vị cấp dưới', en: 'Pass down to a sub-unit' },
  },
  {
    action: 'request_extension',
    from: ['in_progress'],
    to: 'same',
    roles: AGENCY,
    agencyScoped: true,
    public: false,
    extension: 'none',
    label: { vi: 'Xin gia hạn', en: 'Request more time' },
  },
  {
    action: 'grant_extension',
    from: ['in_progress'],
    to: 'same',
    roles: IOC,
    agencyScoped: false,
    public: true,
    extension: 'requested',
    label: { vi: 'Đồng ý gia hạn', en: 'Grant extension' },
  },
  {
    action: 'refuse_extension',
    from: ['in_progress'],
    to: 'same',
    roles: IOC,
    agencyScoped: false,
    public: false,
    extension: 'requested',
    label: { vi: 'Không đồng ý gia hạn', en: 'Refuse extension' },
  },
  {
    action: 'submit_answer',
    from: ['in_progress'],
    to: 'answered',
    roles: AGENCY,
    agencyScoped: true,
    public: false,
    label: { vi: 'Gửi dự thảo trả lời', en: 'Submit the answer' },
  },
  {
    action: 'approve_answer',
    from: ['answered'],
    to: 'approved',
    roles: LEAD,
    agencyScoped: true,
    public: false,
    label: { vi: 'Duyệt trả lời', en: 'Approve the answer' },
  },
  {
    action: 'send_back_answer',
    from: ['answered', 'approved'],
    to: 'in_progress',
    roles: [...LEAD, ...IOC],
    agencyScoped: true,
    public: false,
    label: { vi: 'Yêu cầu sửa trả lời', en: 'Send the answer back' },
  },
  {
    action: 'publish',
    from: ['approved'],
    to: 'published',
    roles: IOC,
    agencyScoped: false,
    public: true,
    label: { vi: 'Công khai trả lời', en: 'Publish the answer' },
  },
  {
    action: 'close',
    from: ['published'],
    to: 'closed',
    roles: IOC,
    agencyScoped: false,
    public: true,
    label: { vi: 'Đóng', en: 'Close' },
  },
  {
    action: 'reopen',
    from: ['published', 'closed', 'rejected'],
    to: 'reopened',
    roles: IOC,
    agencyScoped: false,
    public: true,
    label: { vi: 'Mở lại', en: 'Reopen' },
  },
  {
    action: 'reopen_by_citizen',
    from: ['published', 'closed'],
    to: 'reopened',
    roles: ['citizen'],
    agencyScoped: false,
    public: true,
    label: { vi: 'Người dân chưa hài lòng, mở lại', en: 'Reopened by the citizen' },
  },
  {
    action: 'merge',
    from: ['received', 'accepted', 'assigned', 'returned', 'reopened'],
    to: 'merged',
    roles: IOC,
    agencyScoped: false,
    public: true,
    label: { vi: 'Gộp vào phản ánh khác', en: 'Merge into another report' },
  },
];

export function transitionFor(action: ReportAction): Transition {
  const t = REPORT_TRANSITIONS.find((x) => x.action === action);
  if (!t) throw new Error(`unknown action ${action}`);
  return t;
}

/** May a person holding `roles` perform `action` on a report in `status` (and extension state)? Scope is checked separately. */
export function canTransition(
  action: ReportAction,
  status: ReportStatus,
  roles: readonly Role[],
  extension: ExtensionState = 'none',
): boolean {
  const t = transitionFor(action);
  if (!t.from.includes(status)) return false;
  if (t.extension && t.extension !== extension) return false;
  return t.roles.some((r) => roles.includes(r));
}

/** The actions the UI should offer a person for a report. */
export function availableActions(
  status: ReportStatus,
  roles: readonly Role[],
  extension: ExtensionState = 'none',
): ReportAction[] {
  return REPORT_TRANSITIONS.filter((t) => canTransition(t.action, status, roles, extension)).map(
    (t) => t.action,
  );
}

/** The citizen may reopen (not satisfied) within this many days of publication. */
export const REOPEN_WINDOW_DAYS = 30;
/** A published report without rating closes itself after this many days. */
export const QUIET_CLOSE_DAYS = 14;
