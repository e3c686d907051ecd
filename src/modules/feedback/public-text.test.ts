import { describe, expect, it } from 'vitest';
import { MASK, maskContacts, publicPoint, withoutContacts } from './public-text.js';

describe('maskContacts', () => {
  it('masks phone numbers however they are written', () => {
    for (const phone of [
      '0909123456',
      '0909 123 456',
      '0909.123.456',
      '090-912-3456',
      '+84 909 123 456',
      '+84909123456',
      '84909123456',
      '0272 3826 123',
      '02723826123',
    ]) {
      expect(maskContacts(`Gọi tôi ${phone} nhé`), phone).toBe(`Gọi tôi ${MASK.phone} nhé`);
    }
  });

  it('masks e-mail addresses and identity or account numbers', () => {
    expect(maskContacts('Liên hệ nguyen.van.an@gmail.com hoặc an+1022@mail.longan.gov.vn.')).toBe(
      `Liên hệ ${MASK.email} hoặc ${MASK.email}.`,
    );
    expect(maskContacts('CCCD số 079203012345, tài khoản 1234 5678 9012')).toBe(
      `CCCD số ${MASK.number}, tài khoản ${MASK.number}`,
    );
    expect(maskContacts('CMND 381234567')).toBe(`CMND ${MASK.number}`);
  });

  it('keeps what is not contact data: dates, amounts, house numbers, plates, short codes', () => {
    const text =
      'Ngày 30/11/2026 lúc 07:30, trước nhà số 45/12 đường Hùng Vương, xe 62A-123.45 đổ 1.500.000 đồng ' +
      'vật liệu, thiệt hại 15.000.000.000 đồng (1,234567890 tỉ); mã phản ánh LA-7KQ2-M9XD; tổng đài 1022; quốc lộ 1A km 1947+300; 2.5 m; năm 2025.';
    expect(maskContacts(text)).toBe(text);
    expect(maskContacts('')).toBe('');
    expect(maskContacts(null)).toBeNull();
  });
});

describe('publicPoint', () => {
  it('rounds a point to three decimals (about 100 m)', () => {
    expect(publicPoint(10.535912, 106.410749)).toEqual({ lat: 10.536, lon: 106.411 });
  });
});

describe('withoutContacts', () => {
  it('drops contact data from a public search and keeps the words', () => {
    expect(withoutContacts('ổ gà 0909 123 456 an@gmail.com')).toBe('ổ gà');
    expect(withoutContacts('079203012345')).toBe('');
    expect(withoutContacts('đèn đường 2025')).toBe('đèn đường 2025');
  });
});
