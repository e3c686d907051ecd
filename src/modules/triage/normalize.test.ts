import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.js';
import { normalize, stripDiacritics } from './normalize.js';

describe('normalize', () => {
  it('lower-cases, applies NFC and removes diacritics including đ', () => {
    // "Đường" written with combining marks (NFD) and upper case.
    const n = normalize('ĐƯỜNG Ngập'.normalize('NFD'));
    expect(n.kept).toBe('đường ngập');
    expect(n.plain).toBe('duong ngap');
    expect(stripDiacritics('Đèn đường hỏng')).toBe('Den duong hong');
  });

  it('expands chat abbreviations after stripping diacritics', () => {
    expect(normalize('nc ko chảy, đc 3 ngày r, ng dân ko bít j').plain).toBe(
      'nuoc khong chay duoc 3 ngay roi nguoi dan khong biet gi',
    );
    expect(normalize('the BHYT bi tu choi').plain).toBe('the bao hiem y te bi tu choi');
  });

  it('keeps ambiguous short forms as written', () => {
    // "hỏng" (broken) must not become "không".
    expect(normalize('đèn hỏng').words).toEqual(['den', 'hong']);
  });

  it('turns punctuation into word breaks and keeps road codes whole', () => {
    expect(normalize('Ổ gà trên ĐT830!!! (gần cầu)').words).toEqual([
      'o',
      'ga',
      'tren',
      'dt830',
      'gan',
      'cau',
    ]);
  });

  it('gives the same word features with and without diacritics', () => {
    const a = extractFeatures('Mất nước', 'Khu phố 2 mất nước ba ngày');
    const b = extractFeatures('mat nuoc', 'khu pho 2 mat nuoc ba ngay');
    // Every feature of the plain text is in the accented one (which adds its accented words).
    for (const [h, n] of b) expect(a.get(h)).toBeGreaterThanOrEqual(n);
    expect(a.size).toBeGreaterThan(b.size);
  });

  it('shares character n-grams between a word and its typo', () => {
    const a = extractFeatures('', 'thanh long');
    const b = extractFeatures('', 'thahn long');
    const shared = [...b.keys()].filter((h) => a.has(h)).length;
    expect(shared / b.size).toBeGreaterThan(0.5);
  });
});
