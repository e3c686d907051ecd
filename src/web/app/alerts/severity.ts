import type { CapSeverity, PublicAlertView } from '../../../contracts/alerts.js';
import { SEVERITY_LABELS } from '../../../contracts/alert-labels.js';
import { translate, type Lang } from '../../shared/messages.js';

/** Severity colours (with white text, contrast ≥ 4.5:1), shared by the app, the console and public pages. */
export const SEVERITY_COLOURS: Record<CapSeverity, string> = {
  Extreme: '#6d0a0a',
  Severe: '#b3261e',
  Moderate: '#8a4500',
  Minor: '#1f5fa8',
  Unknown: '#4a4a4a',
};

export function severityLabel(lang: Lang, severity: CapSeverity): string {
  return SEVERITY_LABELS[severity][lang];
}

/** Marks shown before a headline: exercise, test, update, cancellation. */
export function alertMarks(lang: Lang, a: Pick<PublicAlertView, 'status' | 'msgType'>): string[] {
  const marks: string[] = [];
  if (a.status === 'Exercise') marks.push(translate(lang, 'alerts.mark.Exercise'));
  if (a.status === 'Test') marks.push(translate(lang, 'alerts.mark.Test'));
  if (a.msgType === 'Update') marks.push(translate(lang, 'alerts.mark.Update'));
  if (a.msgType === 'Cancel') marks.push(translate(lang, 'alerts.mark.Cancel'));
  return marks;
}

/** The texts in the reader's language, Vietnamese when there is no English version. */
export function textsFor(lang: Lang, a: Pick<PublicAlertView, 'vi' | 'en'>) {
  return lang === 'en' && a.en ? a.en : a.vi;
}

export function formatTime(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
