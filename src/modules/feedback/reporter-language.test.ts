import { describe, expect, it } from 'vitest';
import {
  languageOfHeader,
  languageOfText,
  mailReporterLanguage,
  reporterLanguage,
} from './reporter-language.js';

describe('languageOfHeader', () => {
  it.each([
    ['en', 'en'],
    ['vi', 'vi'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['vi-VN, en;q=0.8', 'vi'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['fr-FR, fr;q=0.9, en;q=0.7, vi;q=0.5', 'en'],
    ['fr;q=0.9, vi;q=0.8, en;q=0.9', 'en'],
    ['vi;q=0.5, en;q=0.6', 'en'],
    ['en;q=0, vi', 'vi'],
    ['en-GB, vi', 'en'],
  ] as const)('%s → %s', (header, lang) => {
    expect(languageOfHeader(header)).toBe(lang);
  });

  it.each([[''], ['*'], ['fr, de;q=0.5'], ['en;q=0'], ['en;q=abc'], [undefined], [null]])(
    'names neither in %s',
    (header) => {
      expect(languageOfHeader(header)).toBeNull();
    },
  );

  it('takes a header given twice as one list', () => {
    expect(languageOfHeader(['fr', 'en-AU'])).toBe('en');
  });
});

describe('languageOfText', () => {
  it.each([
    ['Đèn đường trước chợ Tân An không sáng hai đêm nay.'],
    ['Cống thoát nước bị tắc gây ngập'],
    // Decomposed marks (some phones and mail programs send NFD).
    ['Đường bị ngập'.normalize('NFD')],
    ['ĐƯỜNG BỊ NGẬP'],
    ['Ngập'],
    // Mostly Vietnamese with an English word or two.
    ['Đèn street light ở ấp 3 không sáng, please sửa giúp'],
  ])('%s → vi', (text) => {
    expect(languageOfText(text)).toBe('vi');
  });

  it.each([
    ['The street light by the market gate has been out for three nights.'],
    ['There is a big pothole in front of the school, please fix it.'],
    ['Broken light'],
    ['Garbage has not been collected for two weeks and the smell is terrible.'],
    // An English sentence naming Vietnamese places stays English.
    ['The drain on Trương Định street has been blocked since Monday and the road is flooded.'],
  ])('%s → en', (text) => {
    expect(languageOfText(text)).toBe('en');
  });

  it.each([
    // Vietnamese without diacritics is never taken for English.
    ['duong bi ngap'],
    ['Den duong o ap 3 hong mot tuan roi'],
    ['can ho o to 5 bi mat dien, the ATM khong rut duoc tien, no to qua'],
    ['Cong thoat nuoc truoc nha so 12 bi tac, nuoc tran vao nha dan'],
    // Too short or too few words to tell.
    ['Help'],
    ['Pothole!'],
    ['LA-7K3M-Q9PX'],
    ['12 / 3 / 2026'],
    [''],
    ['   '],
  ])('%s → unsure', (text) => {
    expect(languageOfText(text)).toBeNull();
  });

  it('is unsure of null and undefined', () => {
    expect(languageOfText(null)).toBeNull();
    expect(languageOfText(undefined)).toBeNull();
  });
});

describe('reporterLanguage', () => {
  it('lets an explicit language win over the text', () => {
    expect(reporterLanguage({ header: 'en', text: 'Đường bị ngập nặng' })).toBe('en');
    expect(reporterLanguage({ header: 'vi-VN', text: 'The road is flooded, please help.' })).toBe('vi');
  });

  it('reads the text when the header names neither language', () => {
    expect(reporterLanguage({ header: 'fr', text: 'The road is flooded, please help.' })).toBe('en');
    expect(reporterLanguage({ header: '*', text: 'Đường bị ngập' })).toBe('vi');
    expect(reporterLanguage({ text: 'The road is flooded, please help.' })).toBe('en');
  });

  it('answers in Vietnamese when unsure', () => {
    expect(reporterLanguage({})).toBe('vi');
    expect(reporterLanguage({ text: 'duong bi ngap' })).toBe('vi');
    expect(reporterLanguage({ header: null, text: 'Help' })).toBe('vi');
  });
});

describe('mailReporterLanguage', () => {
  it('trusts the sender’s words over the Content-Language their mail program wrote', () => {
    expect(mailReporterLanguage('en-US', 'Đèn đường trước chợ Tân An bị hỏng từ tuần trước.')).toBe('vi');
    expect(mailReporterLanguage('vi', 'The street light near the market has been broken for a week.')).toBe(
      'en',
    );
  });

  it('falls back to the header when the text is unsure, then to Vietnamese', () => {
    expect(mailReporterLanguage('en-GB', 'Cho Tan An, den duong hong')).toBe('en');
    expect(mailReporterLanguage(null, 'Cho Tan An, den duong hong')).toBe('vi');
    expect(mailReporterLanguage(['fr'], '')).toBe('vi');
  });
});
