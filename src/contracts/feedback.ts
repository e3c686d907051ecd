import { z } from 'zod';
import { phoneInput } from './identity.js';
import {
  EXTENSION_STATES,
  REJECT_REASONS,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  type ExtensionState,
  type RejectReason,
  type ReportAction,
  type ReportStatus,
} from './report-lifecycle.js';

export const CHANNELS = ['app', 'web', 'phone', 'email', 'open311', 'walk_in', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, { vi: string; en: string }> = {
  app: { vi: 'Ứng dụng Long An Số', en: 'Citizen app' },
  web: { vi: 'Cổng thông tin 1022', en: '1022 web portal' },
  phone: { vi: 'Điện thoại 1022', en: 'Phone line' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  open311: { vi: 'Ứng dụng khác (Open311)', en: 'Other app (Open311)' },
  walk_in: { vi: 'Trực tiếp', en: 'Walk-in' },
  other: { vi: 'Khác', en: 'Other' },
};

export const URGENCY_CLASSES = ['urgent', 'field', 'normal'] as const;
export type UrgencyClass = (typeof URGENCY_CLASSES)[number];

/** Version of the privacy notice the citizen consented to; bump when the notice text changes. */
export const PRIVACY_NOTICE_VERSION = '2026-01';

export const geoPoint = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const createReportRequest = z.strictObject({
  categoryCode: z.string().trim().min(1).max(64),
  title: z.string().trim().min(5).max(200),
  body: z.string().trim().min(10).max(5000),
  location: geoPoint.optional(),
  address: z.string().trim().max(300).optional(),
  unitCode: z.string().trim().max(10).optional(),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
  /** The tokens returned by POST /uploads, proving the sender uploaded those files. */
  uploadTokens: z.array(z.string().max(64)).max(10).default([]),
  reporter: z
    .strictObject({
      name: z.string().trim().max(120).optional(),
      phone: phoneInput.optional(),
      email: z.email().max(200).optional(),
    })
    .default({}),
  displayPublicly: z.enum(['name', 'anonymous']).default('anonymous'),
  /** Explicit consent to the privacy notice; never pre-ticked in any form. */
  consent: z.literal(true, {
    error: 'Cần đồng ý với thông báo xử lý dữ liệu cá nhân / Consent to the privacy notice is required',
  }),
  /** Staff recording a report for someone (call centre, walk-in, email) say which channel it came through. */
  channel: z.enum(CHANNELS).optional(),
  urgency: z.enum(URGENCY_CLASSES).optional(),
  /**
   * The language the reporter's notices are written in. Staff recording for a caller or a visitor choose it
   * (their own console language says nothing about the caller's); without it, the request's language.
   */
  reporterLang: z.enum(['vi', 'en']).optional(),
});
export type CreateReportRequest = z.infer<typeof createReportRequest>;

export const transitionRequest = z.strictObject({
  action: z.enum(REPORT_ACTIONS),
  /** The version the person saw; a stale one gets a conflict, never a lost update. */
  version: z.number().int().min(1),
  note: z.string().trim().max(4000).optional(),
  reason: z.enum(REJECT_REASONS).optional(),
  agencyId: z.uuid().optional(),
  answer: z.string().trim().min(10).max(10000).optional(),
  extensionDays: z.number().int().min(1).max(30).optional(),
  mergeInto: z.string().trim().max(40).optional(),
  categoryCode: z.string().trim().max(64).optional(),
  attachmentIds: z.array(z.uuid()).max(10).optional(),
  uploadTokens: z.array(z.string().max(64)).max(10).optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequest>;

export const bulkAssignRequest = z.strictObject({
  items: z
    .array(z.strictObject({ id: z.uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(100),
  agencyId: z.uuid(),
  note: z.string().trim().max(2000).optional(),
});

export const noteRequest = z.strictObject({ text: z.string().trim().min(1).max(4000) });

/**
 * The title and text the public sees, as a moderator edits them (a neighbour's name, an insult taken out);
 * null keeps (or restores) what the reporter sent. Contact data is masked on public pages either way.
 */
export const publicTextRequest = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().trim().min(5).max(200).nullable(),
  body: z.string().trim().min(10).max(5000).nullable(),
  reason: z.string().trim().min(3).max(500),
});

export const triageRequest = z.strictObject({
  version: z.number().int().min(1),
  categoryCode: z.string().trim().max(64).optional(),
  urgency: z.enum(URGENCY_CLASSES).optional(),
  unitCode: z.string().trim().max(10).optional(),
});

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

export const listReportsQuery = z.strictObject({
  status: csv(REPORT_STATUSES),
  channel: csv(CHANNELS),
  category: z.string().max(64).optional(),
  unit: z.string().max(10).optional(),
  agencyId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset cursor: the id of the last report of the previous page. */
  after: z.string().max(200).optional(),
});

export const lookupQuery = z.strictObject({
  code: z.string().trim().min(4).max(40),
  /** The phone or email given at submission; not needed by the signed-in reporter. */
  contact: z.string().trim().min(4).max(200).optional(),
});

/** The reports a phone has sent (each with the contact given then), looked up in one request. */
export const lookupManyRequest = z.strictObject({
  items: z.array(lookupQuery).min(1).max(20),
});

export const ratingRequest = z.strictObject({
  contact: z.string().trim().min(4).max(200).optional(),
  satisfied: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});

export interface TimelineEntry {
  id: number;
  at: string;
  action: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  public: boolean;
  actorLabel: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** A masked part of a photo, as fractions (0–1) of its width and height from the top-left corner. */
export const redactionRegion = z
  .strictObject({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().min(0.01).max(1),
    height: z.number().min(0.01).max(1),
  })
  .refine((r) => r.x + r.width <= 1.0001 && r.y + r.height <= 1.0001, {
    message: 'Vùng che phải nằm trong ảnh / The region must lie inside the photo',
  });
export type RedactionRegion = z.infer<typeof redactionRegion>;

/** Masks regions of a photo for the public (an empty list removes the mask); the reason goes to the audit log. */
export const redactionRequest = z.strictObject({
  regions: z.array(redactionRegion).max(20),
  reason: z.string().trim().min(3).max(500),
});

export interface AttachmentView {
  id: string;
  kind: 'photo' | 'video' | 'document';
  fileName: string;
  mimeType: string;
  size: number;
  purpose: 'report' | 'answer';
  hidden: boolean;
  /** Masked regions of a photo (empty when the public sees it whole). */
  redactions: RedactionRegion[];
  url: string;
}

/** A report as staff see it (contact data only for roles allowed to read it). */
export interface ReportView {
  id: string;
  trackingCode: string;
  version: number;
  status: ReportStatus;
  channel: Channel;
  /** The language the reporter's notices are written in (answer them in it too). */
  reporterLang: 'vi' | 'en';
  citizenCategoryCode: string;
  categoryCode: string;
  title: string;
  body: string;
  /** The title and text as edited for the public by a moderator (null: the public sees what was sent). */
  publicTitle: string | null;
  publicBody: string | null;
  address: string | null;
  location: { lat: number; lon: number } | null;
  unitCode: string | null;
  unitName: string | null;
  urgency: UrgencyClass;
  receivedAt: string;
  deadlineAt: string | null;
  extendedDeadlineAt: string | null;
  extensionState: ExtensionState;
  overdue: boolean;
  agencyId: string | null;
  agencyName: string | null;
  suggestedAgencyId: string | null;
  handlerId: string | null;
  displayPublicly: 'name' | 'anonymous';
  reporter: { name: string | null; phone: string | null; email: string | null } | null;
  answer: string | null;
  answeredAt: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  rating: 'satisfied' | 'unsatisfied' | null;
  ratingComment: string | null;
  rejectReason: RejectReason | null;
  mergedIntoCode: string | null;
  timeliness: 'on_time' | 'late' | 'late_with_extension' | null;
  attachments: AttachmentView[];
  availableActions: ReportAction[];
}

/** What anyone may see of a report: no personal data. */
export interface PublicReportView {
  trackingCode: string;
  status: ReportStatus;
  categoryCode: string;
  title: string;
  body: string;
  unitName: string | null;
  location: { lat: number; lon: number } | null;
  receivedAt: string;
  reporterName: string | null;
  agencyName: string | null;
  answer: string | null;
  publishedAt: string | null;
  rating: 'satisfied' | 'unsatisfied' | null;
  rejectReason: RejectReason | null;
  timeline: { at: string; action: string; toStatus: ReportStatus | null }[];
  /** Not hidden files of a published answer: the citizen's (`report`) and the agency's (`answer`). */
  attachments: { url: string; kind: string; purpose: 'report' | 'answer' }[];
}

export { EXTENSION_STATES, REJECT_REASONS, REPORT_ACTIONS, REPORT_STATUSES };

/** A likely duplicate of a report, as the IOC sees it. */
export interface DuplicateView {
  id: string;
  trackingCode: string;
  title: string;
  status: string;
  /** The same category or a related one (e.g. a flooded road reported as road damage). */
  categoryCode: string;
  receivedAt: string;
  /** Metres between the two places; null when either has no point. */
  distanceM: number | null;
  /** Text similarity of the normalised texts (rare words weigh more), 0–1. */
  similarity: number;
  /** Combined score, 0–1: text, closeness within the category's radius, time apart, category relation. */
  score: number;
}

export interface TemplateView {
  id: string;
  title: string;
  body: string;
  categoryCode: string | null;
  purpose: 'answer' | 'reject' | 'note';
}

export interface RoutingRuleView {
  id: string;
  categoryCode: string;
  unitCode: string | null;
  agencyCode: string;
  active: boolean;
}

export interface CategoryView {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  urgency: UrgencyClass;
}

/** A device's Web Push subscription (as `PushSubscription.toJSON()` gives it). */
const pushDevice = {
  endpoint: z.url({ protocol: /^https?$/ }).max(1000),
  keys: z.strictObject({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{40,200}={0,2}$/),
    auth: z.string().regex(/^[A-Za-z0-9_-]{8,64}={0,2}$/),
  }),
  lang: z.enum(['vi', 'en']).default('vi'),
};

/** Signed-in citizen: tell this device when any of my reports moves. */
export const myReportPushRequest = z.strictObject(pushDevice);

/** Any device: tell it when these reports move (each proved by its code and the contact given). */
export const reportPushRequest = z.strictObject({
  ...pushDevice,
  items: z.array(lookupQuery).min(1).max(20),
});

export const pushEndpointRequest = z.strictObject({ endpoint: z.url({ protocol: /^https?$/ }).max(1000) });
