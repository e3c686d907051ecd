import { z } from 'zod';
import {
  CAP_CATEGORIES,
  CAP_RESPONSE_TYPES,
  CAP_URGENCIES,
  CAP_SEVERITIES,
  CAP_CERTAINTIES,
  ALERT_STATES,
  type CapStatus,
  type CapMsgType,
  type CapCategory,
  type CapResponseType,
  type CapUrgency,
  type CapSeverity,
  type CapCertainty,
  type AlertState,
} from './alert-labels.js';

export * from './alert-labels.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Texts of one CAP `info` block in one language. */
export const alertTexts = z.strictObject({
  event: text(2, 120),
  headline: text(5, 160),
  description: text(10, 4000),
  instruction: text(0, 2000).default(''),
});
export type AlertTexts = z.infer<typeof alertTexts>;

const latLon = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);

/**
 * The alert's area: administrative units and optionally a polygon or a circle; push targeting reaches the
 * units and the profile's boundary units the polygon or circle touches.
 */
export const alertArea = z.strictObject({
  unitCodes: z.array(z.string().regex(/^\d{1,10}$/)).min(1, {
    error: 'Chọn ít nhất một đơn vị hành chính / Choose at least one administrative unit',
  }),
  /** Closed ring of [lat, lon] (first point = last point), at least four points. */
  polygon: z.array(latLon).min(4).max(500).nullable().default(null),
  circle: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      radiusKm: z.number().positive().max(500),
    })
    .nullable()
    .default(null),
});
export type AlertArea = z.infer<typeof alertArea>;

export const alertDraftRequest = z.strictObject({
  templateCode: z.string().max(40).nullable().default(null),
  status: z.enum(['Actual', 'Exercise', 'Test']).default('Actual'),
  category: z.enum(CAP_CATEGORIES),
  responseType: z.enum(CAP_RESPONSE_TYPES),
  urgency: z.enum(CAP_URGENCIES),
  severity: z.enum(CAP_SEVERITIES),
  certainty: z.enum(CAP_CERTAINTIES),
  onset: z.iso.datetime({ offset: true }).nullable().default(null),
  expires: z.iso.datetime({ offset: true }),
  vi: alertTexts,
  en: alertTexts.nullable().default(null),
  web: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  area: alertArea,
});
export type AlertDraftRequest = z.infer<typeof alertDraftRequest>;

export const alertRejectRequest = z.strictObject({ reason: text(3, 500) });
export const alertFollowUpRequest = z.strictObject({ kind: z.enum(['Update', 'Cancel']) });
export const alertListQuery = z.strictObject({
  state: z.enum(ALERT_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const pushSubscriptionRequest = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }).max(1000),
  keys: z.strictObject({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{40,200}={0,2}$/),
    auth: z.string().regex(/^[A-Za-z0-9_-]{8,64}={0,2}$/),
  }),
  unitCodes: z
    .array(z.string().regex(/^\d{1,10}$/))
    .min(1)
    .max(50),
  lang: z.enum(['vi', 'en']).default('vi'),
  /** Opt in to exercise and test messages (drills); the public never receives them otherwise. */
  drills: z.boolean().default(false),
  /**
   * "My current location" (optional): stored rounded to 3 decimals (about 100 m); alerts whose drawn
   * polygon or circle contains it reach this device even outside its chosen units.
   */
  location: z
    .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .nullable()
    .default(null),
});
export const pushUnsubscribeRequest = z.strictObject({ endpoint: z.url().max(1000) });

const contactUnits = z
  .array(z.string().regex(/^\d{1,10}$/))
  .min(1)
  .max(50);
/** Alerts by SMS to the signed-in citizen's verified phone, for the chosen units. */
export const alertSmsContactRequest = z.strictObject({
  unitCodes: contactUnits,
  lang: z.enum(['vi', 'en']).default('vi'),
  drills: z.boolean().default(false),
});
/** Alerts by email: a confirmation link and code go to the address first (double opt-in). */
export const alertEmailContactRequest = z.strictObject({
  email: z.email().max(254),
  unitCodes: contactUnits,
  lang: z.enum(['vi', 'en']).default('vi'),
  drills: z.boolean().default(false),
});
/** The token of a confirmation link (or the 8-character code from the same mail), or of an unsubscribe link. */
export const alertContactTokenRequest = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
export const alertContactChannelParams = z.strictObject({ channel: z.enum(['sms', 'email']) });

export interface AlertContactView {
  channel: 'sms' | 'email';
  /** Masked: +8491*****78, c***@example.vn. */
  address: string;
  unitCodes: string[];
  lang: 'vi' | 'en';
  drills: boolean;
  confirmed: boolean;
}

export interface DeliveryCounts {
  sent: number;
  failed: number;
  removed: number;
  pending: number;
  unknown: number;
}

export interface AlertView {
  id: string;
  identifier: string;
  sender: string;
  state: AlertState;
  status: CapStatus;
  msgType: CapMsgType;
  scope: 'Public' | 'Restricted' | 'Private';
  referencesId: string | null;
  templateCode: string | null;
  category: CapCategory;
  responseType: CapResponseType;
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  onset: string | null;
  expires: string;
  sent: string | null;
  vi: AlertTexts;
  en: AlertTexts | null;
  web: string | null;
  area: AlertArea & { areaDesc: string; units: { code: string; name: string }[] };
  createdBy: string;
  createdByLabel: string;
  approvedByLabel: string | null;
  rejectReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** Actions the viewer may take now (the console shows only these buttons). */
  availableActions: AlertAction[];
  /**
   * Push deliveries. `unknown`: claimed ('sending') longer ago than any attempt can last, i.e. the process
   * stopped while sending; never resent (at most once), the phone may or may not have it.
   */
  deliveries: DeliveryCounts;
  /** Per channel: push (same as `deliveries`), SMS and email (removed = the recipient unsubscribed). */
  deliveriesByChannel: { push: DeliveryCounts; sms: DeliveryCounts; email: DeliveryCounts };
  capUrl: string;
}

export type AlertAction = 'edit' | 'submit' | 'approve' | 'reject' | 'publish' | 'update' | 'cancel';

/** The public view of a current alert (feed, app, public page): no staff names, no workflow detail. */
export interface PublicAlertView {
  id: string;
  identifier: string;
  status: CapStatus;
  msgType: CapMsgType;
  category: CapCategory;
  severity: CapSeverity;
  urgency: CapUrgency;
  certainty: CapCertainty;
  responseType: CapResponseType;
  sent: string;
  onset: string | null;
  expires: string;
  vi: AlertTexts;
  en: AlertTexts | null;
  web: string | null;
  areaDesc: string;
  unitCodes: string[];
  capUrl: string;
  state: AlertState;
}

export interface AlertTemplateView {
  code: string;
  name: { vi: string; en: string };
  category: CapCategory;
  responseType: CapResponseType;
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  hours: number;
  vi: AlertTexts;
  en: AlertTexts;
}

export interface AlertPreview {
  reach: {
    subscriptions: number;
    accounts: number;
    drillSubscriptions: number;
    /** Accounts reached by SMS and by (confirmed) email. */
    sms: number;
    email: number;
  };
  phone: { title: string; body: string };
  units: { code: string; name: string; level: number }[];
  /** Units (districts) the drawn polygon or circle touches: they are targeted too. */
  shapeUnits: { code: string; name: string; level: number }[];
  problems: string[];
  /** The province's district boundaries (GeoJSON, [lon, lat]) with the alert's districts to highlight. */
  map: {
    boundaries: {
      type: 'FeatureCollection';
      features: {
        properties: { code: string; name: string };
        geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
      }[];
    } | null;
    highlight: string[];
    points: { lat: number; lon: number; label: string }[];
  };
}
