import type { MailAudience } from '../../feedback/jobs/notify-reporter.js';

/** Who sends our automatic mail, as the footer names them. */
export interface MailSender {
  /** The hotline's name ("Tổng đài 1022") and its English name. */
  hotline: string;
  hotlineEn: string;
  /** The Department that runs the campaigns, in both languages. */
  department: string;
  departmentEn: string;
  /** Where the console is (`PUBLIC_URL`). */
  publicUrl: string;
}

const NO_REPLY = {
  vi: 'Xin đừng trả lời thư này: thư trả lời đến hộp thư tiếp nhận phản ánh của người dân.',
  en: "Please do not reply: replies go to the citizens' feedback mailbox.",
};

/**
 * The footer under an automatic mail, by who it is for: a reporter (keep the tracking code when replying,
 * the reply joins the report), a staff member (why they get it and where their notifications are), an
 * agency's report contacts (what the reminder is about and where to file the report). Staff mail is in the
 * recipient's language; reporter and campaign mail carry both, Vietnamese first.
 */
export function mailFooter(
  audience: MailAudience,
  sender: MailSender,
  m: { trackingCode?: string | undefined; lang?: 'vi' | 'en' | undefined },
): string {
  const url = sender.publicUrl.replace(/\/$/, '');
  switch (audience) {
    case 'staff':
      return m.lang === 'en'
        ? `${sender.hotlineEn} — automatic mail to staff. You get it because this report is yours to follow ` +
            `(your agency or one of its sub-units holds it, or you work in the operations centre) and it is ` +
            `nearing or past its deadline. All your notifications are in the console: ${url}/console/thong-bao. ` +
            NO_REPLY.en
        : `${sender.hotline} — thư tự động gửi cán bộ. Bạn nhận thư này vì phản ánh thuộc phạm vi theo dõi ` +
            `của bạn (cơ quan bạn hoặc đơn vị trực thuộc đang xử lý, hoặc bạn làm việc tại Trung tâm điều hành) ` +
            `và sắp đến hạn hoặc đã quá hạn. Xem mọi thông báo của bạn trong bàn làm việc: ` +
            `${url}/console/thong-bao. ${NO_REPLY.vi}`;
    case 'campaign':
      return (
        `${sender.department} — thư tự động nhắc hạn báo cáo kết quả thực hiện kế hoạch, gửi đến địa chỉ thư ` +
        `của cơ quan và lãnh đạo được giao báo cáo. Nhập và gửi báo cáo trong bàn làm việc: ` +
        `${url}/console/campaigns. ${NO_REPLY.vi} / ${sender.departmentEn} — automatic reminder about a ` +
        `plan's quarterly report, sent to the agency's address and its report leads; file the report in ` +
        `the console. ${NO_REPLY.en}`
      );
    case 'reporter':
      return m.trackingCode
        ? `${sender.hotline} — thư tự động. Khi trả lời, xin giữ nguyên mã ${m.trackingCode} trong tiêu đề. / ` +
            'Automatic mail; keep the code in the subject when replying.'
        : `${sender.hotline} — thư tự động. / ${sender.hotlineEn} — automatic mail.`;
  }
}
