import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import {
  bodyText,
  bounceInfo,
  codeInSubject,
  loopReason,
  senderOf,
  stripQuoted,
  threadIds,
} from './mail-rules.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../tests/fixtures/mail');
const parse = (name: string, fill: Record<string, string> = {}) => {
  let text = readFileSync(path.join(FIXTURES, name), 'latin1');
  for (const [k, v] of Object.entries(fill)) text = text.replaceAll(`{{${k}}}`, v);
  return simpleParser(Buffer.from(text, 'latin1'));
};
const raw = (headers: string) => simpleParser(`${headers}\r\nSubject: x\r\n\r\nbody\r\n`);
const OWN = ['1022@longan.gov.vn'];

describe('encoded-word subjects and bodies', () => {
  it('decodes UTF-8 Q and B encoded words, quoted-printable and base64 bodies', async () => {
    const qp = await parse('01-qp-report.eml');
    expect(qp.subject).toBe('Cống thoát nước bị tắc gây ngập');
    expect(qp.from?.value[0]?.name).toBe('Nguyễn Văn Bình');
    expect(bodyText(qp)).toContain('Trân trọng,\nNguyễn Văn Bình');
    const b64 = await parse('02-b64-photo.eml');
    expect(b64.subject).toBe('Ổ gà lớn trên Quốc lộ 1A đoạn qua phường 5');
    expect(bodyText(b64)).toContain('Em gửi kèm ảnh chụp sáng nay.');
    expect(b64.attachments.map((a) => a.filename)).toEqual(['ổ gà.jpg', 'hinh.jpg.exe']);
  });

  it('turns an HTML-only mail into text without markup, styles or scripts', async () => {
    const text = bodyText(await parse('03-html-only.eml'));
    expect(text).toContain('Rác thải tồn đọng ở chợ phường 2');
    expect(text).not.toMatch(/<|color:red/);
  });
});

describe('loop rules (RFC 3834 and common practice)', () => {
  it('answers people and refuses automatic mail of every kind', async () => {
    expect(loopReason(await parse('01-qp-report.eml'), OWN)).toBeNull();
    expect(loopReason(await parse('05-auto-reply.eml'), OWN)).toBe('auto_submitted');
    expect(loopReason(await parse('08-list.eml'), OWN)).toBe('precedence');
    expect(loopReason(await raw('From: a@x.vn\r\nAuto-Submitted: no'), OWN)).toBeNull();
    expect(loopReason(await raw('From: a@x.vn\r\nPrecedence: junk'), OWN)).toBe('precedence');
    expect(loopReason(await raw('From: a@x.vn\r\nX-Auto-Response-Suppress: OOF'), OWN)).toBe(
      'auto_response_suppress',
    );
    expect(loopReason(await raw('From: a@x.vn\r\nList-Id: <l.x.vn>'), OWN)).toBe('mailing_list');
    expect(loopReason(await raw('From: MAILER-DAEMON@x.vn'), OWN)).toBe('machine_sender');
    expect(loopReason(await raw('From: no-reply@bank.vn'), OWN)).toBe('machine_sender');
    expect(loopReason(await raw('From: postmaster@x.vn'), OWN)).toBe('machine_sender');
    expect(loopReason(await raw('From: "Tổng đài" <1022@LongAn.gov.vn>'), OWN)).toBe('own_address');
    expect(senderOf(await raw('From: "A" <Chi.Lan@Example.VN>'))).toBe('chi.lan@example.vn');
  });
});

describe('threading', () => {
  it('reads In-Reply-To first, then References newest first', async () => {
    const m = await parse('04-reply.eml', { IN_REPLY_TO: '<ours-1@longan.gov.vn>', CODE: 'LA-7KQ2-M9XD' });
    expect(threadIds(m)).toEqual(['<ours-1@longan.gov.vn>', '<CAF3b2x9-qp-0001@mail.example.vn>']);
  });

  it('finds the tracking code in a subject in the forms people and mail programs leave it', () => {
    expect(codeInSubject('Re: [LA-7KQ2-M9XD] Đã tiếp nhận', 'LA')).toBe('LA-7KQ2-M9XD');
    expect(codeInSubject('RE: AW: la-7kq2-m9xd còn chưa xử lý', 'LA')).toBe('LA-7KQ2-M9XD');
    expect(codeInSubject('Re: [1022-7KQ2M9XD] hỏi tiến độ', 'LA')).toBe('LA-7KQ2-M9XD');
    expect(codeInSubject('Re: [1022#7KQ2-M9XD]', 'LA')).toBe('LA-7KQ2-M9XD');
    // Letters outside the tracking alphabet (I, L, O, U) and other prefixes are not codes.
    expect(codeInSubject('Re: [LA-IOLU-M9XD]', 'LA')).toBeNull();
    expect(codeInSubject('Re: [TN-7KQ2-M9XD]', 'LA')).toBeNull();
    expect(codeInSubject('FLA-7KQ2-M9XDX', 'LA')).toBeNull();
    expect(codeInSubject(undefined, 'LA')).toBeNull();
  });

  it('drops the quoted mail below a reply', () => {
    expect(stripQuoted('Bổ sung ảnh.\n\nOn Sat, 28 Nov 2026 A wrote:\n> cũ')).toBe('Bổ sung ảnh.');
    expect(stripQuoted('Dạ vâng\n> trích\nthêm')).toBe('Dạ vâng\nthêm');
  });
});

describe('bounces (RFC 3464 delivery status notifications)', () => {
  it('reads the failed recipient, the status and our Message-ID from a Postfix DSN', async () => {
    const info = bounceInfo(
      await parse('06-bounce.eml', {
        ORIGINAL_MESSAGE_ID: '<abc@longan.gov.vn>',
        RECIPIENT: 'hoa.le@example.vn',
      }),
    );
    expect(info).toEqual({
      originalMessageId: '<abc@longan.gov.vn>',
      recipient: 'hoa.le@example.vn',
      permanent: true,
      status: '5.1.1',
    });
  });

  it('is not fooled by ordinary mail or an auto-reply', async () => {
    expect(bounceInfo(await parse('01-qp-report.eml'))).toBeNull();
    expect(bounceInfo(await parse('05-auto-reply.eml'))).toBeNull();
  });
});
