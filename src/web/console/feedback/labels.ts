import type { Channel, UrgencyClass } from '../../../contracts/feedback.js';
import {
  REJECT_REASON_LABELS,
  REPORT_TRANSITIONS,
  STATUS_LABELS,
  type RejectReason,
  type ReportStatus,
} from '../../../contracts/report-lifecycle.js';
import { getLang, t, type MessageKey } from '../../shared/i18n.js';

const CHANNEL_KEYS: Record<Channel, MessageKey> = {
  app: 'channel.app',
  web: 'channel.web',
  phone: 'channel.phone',
  email: 'channel.email',
  open311: 'channel.open311',
  walk_in: 'channel.walk_in',
  other: 'channel.other',
};
export const CHANNEL_VALUES = Object.keys(CHANNEL_KEYS) as Channel[];

const URGENCY_KEYS: Record<UrgencyClass, MessageKey> = {
  urgent: 'urgency.urgent',
  field: 'urgency.field',
  normal: 'urgency.normal',
};
export const URGENCY_VALUES = Object.keys(URGENCY_KEYS) as UrgencyClass[];

/** Timeline events that are not lifecycle actions (those take their label from REPORT_TRANSITIONS). */
const EVENT_KEYS: Record<string, MessageKey> = {
  received: 'event.received',
  triaged: 'event.triaged',
  triage: 'event.triaged',
  public_text_edited: 'event.public_text_edited',
  note: 'event.note',
  due_soon: 'event.due_soon',
  overdue: 'event.overdue',
  reporter_notified: 'event.reporter_notified',
  reporter_pushed: 'event.reporter_pushed',
  anonymised: 'event.anonymised',
  merged_in: 'event.merged_in',
  merged_outcome: 'event.merged_outcome',
  rated_satisfied: 'event.rated_satisfied',
  rated_unsatisfied: 'event.rated_unsatisfied',
  reopen_by_citizen: 'event.reopen_by_citizen',
  auto_assigned: 'event.auto_assigned',
  auto_closed: 'event.auto_closed',
};

export function channelLabel(channel: Channel): string {
  const key = CHANNEL_KEYS[channel];
  return key ? t(key) : channel;
}

export function urgencyLabel(urgency: UrgencyClass): string {
  const key = URGENCY_KEYS[urgency];
  return key ? t(key) : urgency;
}

export function statusLabel(status: ReportStatus): string {
  return STATUS_LABELS[status]?.[getLang()] ?? status;
}

export function rejectReasonLabel(reason: RejectReason): string {
  return REJECT_REASON_LABELS[reason]?.[getLang()] ?? reason;
}

/** A timeline step's name: the lifecycle label for actions, otherwise the event's own label. */
export function eventLabel(action: string): string {
  const key = EVENT_KEYS[action];
  if (key) return t(key);
  const transition = REPORT_TRANSITIONS.find((x) => x.action === action);
  return transition ? transition.label[getLang()] : action;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}
