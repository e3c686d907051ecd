// The texts of notices the feedback module writes to a person — staff notices (console and their mail
// copy) and the data-request notices to a requester — in both languages, in one table. Vietnamese first;
// a person who chose English (`users.locale`, or the language a request was filed in) gets English.
import type { DataRequestKind } from '../../contracts/data-requests.js';
import type { StaffNotificationKind } from './feedback.schema.js';

export type NoticeLang = 'vi' | 'en';

/** The language of a stored preference: English only when chosen, Vietnamese otherwise. */
export const noticeLang = (locale: string | null | undefined): NoticeLang => (locale === 'en' ? 'en' : 'vi');

const TZ = 'Asia/Ho_Chi_Minh';
const two = (lang: NoticeLang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** "17:00 08/12/2026" in Vietnam time; English adds "(Vietnam time)". */
export function noticeTime(d: Date, lang: NoticeLang): string {
  const time = d.toLocaleTimeString(two(lang), { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
  const date = d.toLocaleDateString(two(lang), {
    timeZone: TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  return lang === 'vi' ? `${time} ${date}` : `${time} ${date} (Vietnam time)`;
}

/** Why a staff member hears about a report: it is their agency's, a sub-unit's of their agency, or the IOC's. */
export type StaffNoticeReason = 'holder' | 'parent' | 'ioc';

export interface StaffNoticeFacts {
  trackingCode: string;
  title: string;
  /** The deadline in force (extended when an extension was granted). */
  due: Date | null;
  /** The agency that holds the report (named to a parent agency's leads). */
  holderName: string | null;
}

type StaffTexts = Record<StaffNotificationKind, (f: StaffNoticeFacts, lang: NoticeLang) => Notice> & {
  /** The line a parent agency's lead gets under the notice: which sub-unit holds the report. */
  heldBySubUnit: (holder: string) => string;
  /** The assignment notice a parent agency's leads get. */
  assignedToSubUnit: (f: StaffNoticeFacts) => Notice;
  openReport: string;
  myNotices: string;
};

export interface Notice {
  title: string;
  body: string;
}

const at = (d: Date | null, lang: NoticeLang) => (d ? noticeTime(d, lang) : '—');

/** Staff notices by kind and language. */
export const STAFF_NOTICE_TEXTS: Record<NoticeLang, StaffTexts> = {
  vi: {
    report_due_soon: (f, l) => ({
      title: `Sắp đến hạn: ${f.trackingCode}`,
      body: `Phản ánh ${f.trackingCode} "${f.title}" đến hạn xử lý lúc ${at(f.due, l)}.`,
    }),
    report_overdue: (f, l) => ({
      title: `Quá hạn: ${f.trackingCode}`,
      body: `Phản ánh ${f.trackingCode} "${f.title}" đã quá hạn xử lý (hạn ${at(f.due, l)}).`,
    }),
    report_assigned: (f) => ({
      title: `Phản ánh mới chuyển đến: ${f.trackingCode}`,
      body: `Phản ánh ${f.trackingCode} "${f.title}" được chuyển đến cơ quan của bạn để xử lý.`,
    }),
    report_returned: (f) => ({
      title: `Cơ quan trả lại IOC: ${f.trackingCode}`,
      body: `Phản ánh ${f.trackingCode} "${f.title}" được cơ quan xử lý trả lại Trung tâm điều hành.`,
    }),
    heldBySubUnit: (holder) => `Đơn vị đang xử lý: ${holder} (trực thuộc cơ quan của bạn).`,
    assignedToSubUnit: (f) => ({
      title: `Chuyển đến đơn vị trực thuộc: ${f.trackingCode}`,
      body: `Phản ánh ${f.trackingCode} "${f.title}" được chuyển đến ${f.holderName ?? '—'} (trực thuộc cơ quan của bạn) để xử lý.`,
    }),
    openReport: 'Mở phản ánh',
    myNotices: 'Thông báo của bạn',
  },
  en: {
    report_due_soon: (f, l) => ({
      title: `Due soon: ${f.trackingCode}`,
      body: `Report ${f.trackingCode} "${f.title}" is due at ${at(f.due, l)}.`,
    }),
    report_overdue: (f, l) => ({
      title: `Overdue: ${f.trackingCode}`,
      body: `Report ${f.trackingCode} "${f.title}" is past its deadline (due ${at(f.due, l)}).`,
    }),
    report_assigned: (f) => ({
      title: `New report for your agency: ${f.trackingCode}`,
      body: `Report ${f.trackingCode} "${f.title}" has been assigned to your agency.`,
    }),
    report_returned: (f) => ({
      title: `Returned to the IOC: ${f.trackingCode}`,
      body: `Report ${f.trackingCode} "${f.title}" was returned to the operations centre by the agency.`,
    }),
    heldBySubUnit: (holder) => `Held by ${holder}, a sub-unit of your agency.`,
    assignedToSubUnit: (f) => ({
      title: `Assigned to a sub-unit: ${f.trackingCode}`,
      body: `Report ${f.trackingCode} "${f.title}" has been assigned to ${f.holderName ?? '—'}, a sub-unit of your agency.`,
    }),
    openReport: 'Open the report',
    myNotices: 'Your notifications',
  },
};

/** The notice one staff member gets, in their language, worded for why they get it. */
export function staffNoticeText(
  kind: StaffNotificationKind,
  f: StaffNoticeFacts,
  lang: NoticeLang,
  reason: StaffNoticeReason,
): Notice {
  const texts = STAFF_NOTICE_TEXTS[lang];
  if (reason !== 'parent' || !f.holderName) return texts[kind](f, lang);
  if (kind === 'report_assigned') return texts.assignedToSubUnit(f);
  const n = texts[kind](f, lang);
  return { title: n.title, body: `${n.body} ${texts.heldBySubUnit(f.holderName)}` };
}

/** What the requester of a data request is told, by step and language. */
export const DATA_REQUEST_TEXTS: Record<
  NoticeLang,
  {
    kind: Record<DataRequestKind, string>;
    about: (code: string) => string;
    filed: (brand: string, what: string, about: string, due: string) => Notice;
    refused: (brand: string, what: string, about: string, reason: string) => Notice;
    done: (brand: string, what: string, about: string) => Notice;
    heldOnReport: (h: HeldOnReport) => string;
    heldOnAccount: (h: HeldOnAccount) => string;
    retention: string;
  }
> = {
  vi: {
    kind: {
      access: 'cung cấp dữ liệu cá nhân đang lưu',
      correction: 'sửa dữ liệu cá nhân',
      deletion: 'xoá dữ liệu cá nhân',
      objection: 'phản đối xử lý dữ liệu cá nhân',
    },
    about: (code) => ` (phản ánh ${code})`,
    filed: (brand, what, about, due) => ({
      title: `${brand}: đã nhận yêu cầu ${what}`,
      body: `${brand}: chúng tôi đã nhận yêu cầu ${what}${about}. Hạn trả lời: ${due}.`,
    }),
    refused: (brand, what, about, reason) => ({
      title: `${brand}: yêu cầu ${what} không được chấp nhận`,
      body: `${brand}: yêu cầu ${what}${about} không được chấp nhận. Lý do: ${reason}`,
    }),
    done: (brand, what, about) => ({
      title: `${brand}: đã thực hiện yêu cầu ${what}`,
      body: `${brand}: yêu cầu ${what}${about} đã được thực hiện.`,
    }),
    heldOnReport: (h) =>
      `Phản ánh ${h.code}: họ tên ${h.name ?? '—'}, điện thoại ${h.phone ?? '—'}, email ${h.email ?? '—'}, ` +
      `hiển thị công khai: ${h.named ? 'có tên' : 'ẩn danh'}, đồng ý lúc ${h.consentAt ?? '—'}.`,
    heldOnAccount: (h) =>
      `Tài khoản: ${h.name}, điện thoại ${h.phone ?? '—'}, email ${h.email ?? '—'}; ` +
      `${h.codes.length} phản ánh (${h.codes.join(', ') || '—'}).`,
    retention: 'Thông tin người gửi được xoá khỏi phản ánh sau khi phản ánh đóng theo thời hạn lưu trữ.',
  },
  en: {
    kind: {
      access: 'to see the personal data we hold',
      correction: 'to correct personal data',
      deletion: 'to delete personal data',
      objection: 'to stop processing personal data',
    },
    about: (code) => ` (report ${code})`,
    filed: (brand, what, about, due) => ({
      title: `${brand}: your request ${what} was received`,
      body: `${brand}: we have received your request ${what}${about}. We will answer by ${due}.`,
    }),
    refused: (brand, what, about, reason) => ({
      title: `${brand}: your request ${what} was refused`,
      body: `${brand}: your request ${what}${about} was refused. Reason: ${reason}`,
    }),
    done: (brand, what, about) => ({
      title: `${brand}: your request ${what} was carried out`,
      body: `${brand}: your request ${what}${about} has been carried out.`,
    }),
    heldOnReport: (h) =>
      `Report ${h.code}: name ${h.name ?? '—'}, phone ${h.phone ?? '—'}, email ${h.email ?? '—'}, ` +
      `shown publicly: ${h.named ? 'with the name' : 'anonymously'}, consent given at ${h.consentAt ?? '—'}.`,
    heldOnAccount: (h) =>
      `Account: ${h.name}, phone ${h.phone ?? '—'}, email ${h.email ?? '—'}; ` +
      `${h.codes.length} report(s) (${h.codes.join(', ') || '—'}).`,
    retention:
      "The sender's details are removed from a report once it has been closed for the retention period.",
  },
};

export interface HeldOnReport {
  code: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  named: boolean;
  consentAt: string | null;
}

export interface HeldOnAccount {
  name: string;
  phone: string | null;
  email: string | null;
  codes: string[];
}
