// CAP 1.2 enumerations and their labels: plain data without zod, so the citizen app can import them
// without bringing the validation library into its first load. Re-exported by `alerts.ts`.
/** CAP 1.2 enumerations (OASIS CAP 1.2 §3.2). */
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_CATEGORIES = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const;
export const CAP_RESPONSE_TYPES = [
  'Shelter',
  'Evacuate',
  'Prepare',
  'Execute',
  'Avoid',
  'Monitor',
  'Assess',
  'AllClear',
  'None',
] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type CapStatus = (typeof CAP_STATUSES)[number];
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];
export type CapCategory = (typeof CAP_CATEGORIES)[number];
export type CapResponseType = (typeof CAP_RESPONSE_TYPES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** The alert's workflow (ours, not CAP's): who may do what is in the alerts module's workflow table. */
export const ALERT_STATES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'published',
  'superseded',
  'cancelled',
  'expired',
] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const ALERT_STATE_LABELS: Record<AlertState, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt, chờ phát', en: 'Approved, not yet published' },
  rejected: { vi: 'Bị trả lại', en: 'Rejected' },
  published: { vi: 'Đang hiệu lực', en: 'Published' },
  superseded: { vi: 'Đã được cập nhật', en: 'Superseded' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
};

export const SEVERITY_LABELS: Record<CapSeverity, { vi: string; en: string }> = {
  Extreme: { vi: 'Đặc biệt nguy hiểm', en: 'Extreme' },
  Severe: { vi: 'Nguy hiểm', en: 'Severe' },
  Moderate: { vi: 'Trung bình', en: 'Moderate' },
  Minor: { vi: 'Nhẹ', en: 'Minor' },
  Unknown: { vi: 'Chưa rõ', en: 'Unknown' },
};

export const STATUS_MARKS: Partial<Record<CapStatus, { vi: string; en: string }>> = {
  Exercise: { vi: 'DIỄN TẬP', en: 'EXERCISE' },
  Test: { vi: 'THỬ NGHIỆM', en: 'TEST' },
  System: { vi: 'HỆ THỐNG', en: 'SYSTEM' },
  Draft: { vi: 'BẢN NHÁP', en: 'DRAFT' },
};
