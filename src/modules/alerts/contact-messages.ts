import type { AlertTexts, CapMsgType, CapStatus } from '../../contracts/alerts.js';
import { smsBudget } from '../../platform/sms/sms.js';

// Alert texts for the SMS and email channels (pure). SMS: one message split by the phone network into
// segments of 160 GSM-7 characters (153 when concatenated) or 70 UCS-2 code units (67 when concatenated);
// Vietnamese with diacritics needs UCS-2. Texts are cut to SMS_MAX_SEGMENTS segments.

export const SMS_MAX_SEGMENTS = 3;

export { smsBudget, type SmsBudget } from '../../platform/sms/sms.js';

/** Cuts `body` (at a word when possible, with "…") so `prefix + body + suffix` fits `maxSegments`. */
export function fitSms(prefix: string, body: string, suffix: string, maxSegments = SMS_MAX_SEGMENTS): string {
  const whole = prefix + body + suffix;
  if (smsBudget(whole).segments <= maxSegments) return whole;
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (smsBudget(prefix + body.slice(0, mid).trimEnd() + '…' + suffix).segments <= maxSegments) lo = mid;
    else hi = mid - 1;
  }
  let cut = body.slice(0, lo);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  return prefix + cut.trimEnd() + '…' + suffix;
}

export interface ContactAlert {
  id: string;
  status: CapStatus;
  msgType: CapMsgType;
  textsVi: AlertTexts;
  textsEn: AlertTexts | null;
}

/** "[CẢNH BÁO]", "[CẬP NHẬT]", "[HỦY CẢNH BÁO]", with "DIỄN TẬP"/"THỬ NGHIỆM" for exercises and tests. */
export function channelTag(a: Pick<ContactAlert, 'status' | 'msgType'>, lang: 'vi' | 'en'): string {
  const kind =
    lang === 'vi'
      ? { Alert: 'CẢNH BÁO', Update: 'CẬP NHẬT CẢNH BÁO', Cancel: 'HỦY CẢNH BÁO' }[a.msgType]
      : { Alert: 'ALERT', Update: 'ALERT UPDATE', Cancel: 'ALERT CANCELLED' }[a.msgType];
  const drill =
    a.status === 'Exercise'
      ? lang === 'vi'
        ? 'DIỄN TẬP – '
        : 'EXERCISE – '
      : a.status === 'Test'
        ? lang === 'vi'
          ? 'THỬ NGHIỆM – '
          : 'TEST – '
        : '';
  return `[${drill}${kind}]`;
}

const textsFor = (a: ContactAlert, lang: 'vi' | 'en') => (lang === 'en' && a.textsEn ? a.textsEn : a.textsVi);

/** The SMS: tag, headline, instruction (or description), link; within SMS_MAX_SEGMENTS segments. */
export function smsText(a: ContactAlert, lang: 'vi' | 'en', publicUrl: string): string {
  const t = textsFor(a, lang);
  const body = [t.headline, t.instruction || t.description].filter(Boolean).join('. ');
  return fitSms(`${channelTag(a, lang)} `, body, ` ${publicUrl}/canh-bao/${a.id}`);
}

/** Subject and text of the alert mail; the unsubscribe link is in every mail. */
export function alertMail(
  a: ContactAlert,
  lang: 'vi' | 'en',
  publicUrl: string,
  unsubscribeUrl: string,
  brand: string,
): { subject: string; text: string } {
  const t = textsFor(a, lang);
  const vi = lang === 'vi';
  const lines = [
    t.headline,
    '',
    t.description,
    ...(t.instruction ? ['', `${vi ? 'Hướng dẫn' : 'What to do'}: ${t.instruction}`] : []),
    '',
    `${vi ? 'Chi tiết' : 'Details'}: ${publicUrl}/canh-bao/${a.id}`,
    ...(a.msgType === 'Cancel'
      ? ['', vi ? 'Cảnh báo trước đó đã được hủy.' : 'The earlier alert has been cancelled.']
      : a.msgType === 'Update'
        ? ['', vi ? 'Thư này cập nhật cảnh báo trước đó.' : 'This mail updates the earlier alert.']
        : []),
    '',
    '—',
    vi
      ? `${brand}: bạn nhận thư này vì đã đăng ký nhận cảnh báo qua email. Ngừng nhận: ${unsubscribeUrl}`
      : `${brand}: you receive this because you subscribed to alerts by email. Unsubscribe: ${unsubscribeUrl}`,
  ];
  return { subject: `${channelTag(a, lang)} ${t.headline}`, text: lines.join('\n') };
}

/** Masks an address for display: +8491*****78, c***@example.vn. */
export function maskAddress(channel: 'sms' | 'email', address: string): string {
  if (channel === 'sms')
    return address.length <= 6
      ? '***'
      : `${address.slice(0, 5)}${'*'.repeat(address.length - 7)}${address.slice(-2)}`;
  const [user, domain] = address.split('@');
  return `${user!.slice(0, 1)}***@${domain}`;
}
