import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_ACTIONS,
  CONTENT_STATUSES,
  CONTENT_TRANSITIONS,
  slugify,
  stripDiacritics,
} from '../../contracts/content.js';
import { PERMISSIONS } from '../../contracts/roles.js';
import { Markdown, markdownToText, parseInline, safeHref } from '../../web/shared/markdown.js';
import { renderRss, xmlEscape } from './content-feeds.js';
import { searchTerms, toPrefixQuery } from './content.repository.js';
import { snippet } from './content.presenter.js';

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe('slugs from Vietnamese titles', () => {
  it('strips diacritics, maps đ to d and keeps digits', () => {
    expect(slugify('Kế hoạch số 310/KH-UBND ngày 27/01/2022')).toBe(
      'ke-hoach-so-310-kh-ubnd-ngay-27-01-2022',
    );
    expect(slugify('Đường Hùng Vương — ngập nước!')).toBe('duong-hung-vuong-ngap-nuoc');
    expect(slugify('ĐỒNG THÁP Mười')).toBe('dong-thap-muoi');
    expect(stripDiacritics('Sổ sức khỏe điện tử')).toBe('So suc khoe dien tu');
  });
  it('is never empty and at most 80 characters without a trailing hyphen', () => {
    expect(slugify('!!!')).toBe('bai-viet');
    const long = slugify('Chuyển đổi số '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });
});

describe('safe Markdown', () => {
  it('renders headings, lists, emphasis and links', () => {
    const out = html(
      '## Lợi ích\n\n- **Một** bước\n- *Hai* bước\n\n1. Mở [Cổng](https://dichvucong.gov.vn)\n\n> Trích dẫn',
    );
    expect(out).toContain('<h2>Lợi ích</h2>');
    expect(out).toContain('<ul><li><strong>Một</strong> bước</li><li><em>Hai</em> bước</li></ul>');
    expect(out).toContain(
      '<ol><li>Mở <a href="https://dichvucong.gov.vn" rel="noopener noreferrer nofollow">Cổng</a></li></ol>',
    );
    expect(out).toContain('<blockquote>Trích dẫn</blockquote>');
  });

  it('makes the top-most heading an h2 and never skips a level', () => {
    expect(html('## A\n\n#### B\n\n### C')).toContain('<h2>A</h2><h3>B</h3><h3>C</h3>');
    expect(html('# A\n\n## B')).toContain('<h2>A</h2><h3>B</h3>');
  });

  it('never passes HTML through and drops dangerous link targets', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](//evil.example/)',
      '<a href="javascript:alert(1)">y</a>',
      '**<svg onload=alert(1)>**',
    ];
    for (const a of attacks) {
      const out = html(a);
      expect(out, a).not.toMatch(/<(script|img|svg|iframe)/i);
      expect(out, a).not.toMatch(/href="(javascript|data|\/\/)/i);
      expect(out, a).not.toMatch(/<[^>]*\son\w+=/i);
    }
    expect(safeHref('/chuyen-doi-so')).toBe('/chuyen-doi-so');
    expect(safeHref('tel:02721022')).toBe('tel:02721022');
    expect(safeHref('vbscript:x')).toBeNull();
  });

  it('turns bare https addresses into links and gives plain text for descriptions', () => {
    expect(parseInline('Xem https://vneid.gov.vn.')).toEqual([
      { t: 'text', v: 'Xem ' },
      { t: 'link', href: 'https://vneid.gov.vn', c: [{ t: 'text', v: 'https://vneid.gov.vn' }] },
      { t: 'text', v: '.' },
    ]);
    expect(markdownToText('## Tiêu đề\n\n**Đậm** và [liên kết](https://a.vn)')).toBe(
      'Tiêu đề\nĐậm và liên kết',
    );
  });
});

describe('the workflow table', () => {
  it('covers every action, leads only to known statuses and uses only real permissions', () => {
    expect(Object.keys(CONTENT_TRANSITIONS).sort()).toEqual([...CONTENT_ACTIONS].sort());
    for (const t of Object.values(CONTENT_TRANSITIONS)) {
      expect(CONTENT_STATUSES).toContain(t.to);
      for (const f of t.from) expect(CONTENT_STATUSES).toContain(f);
      expect(Object.keys(PERMISSIONS)).toContain(t.permission);
    }
  });
  it('reaches published only through approval (draft → submitted → approved → published)', () => {
    const reach = new Set<string>(['draft']);
    const path: string[] = [];
    for (let i = 0; i < 4; i++) {
      for (const [action, t] of Object.entries(CONTENT_TRANSITIONS)) {
        if (t.from.some((f) => reach.has(f)) && !reach.has(t.to)) {
          reach.add(t.to);
          path.push(action);
        }
      }
    }
    expect(CONTENT_TRANSITIONS.publish.from).toEqual(['approved']);
    expect(CONTENT_TRANSITIONS.approve.from).toEqual(['submitted']);
    expect(CONTENT_TRANSITIONS.approve.notBySubmitter).toBe(true);
    expect(reach.has('published')).toBe(true);
  });
});

describe('search helpers', () => {
  it('folds the query and quotes terms so no tsquery operator gets through', () => {
    expect(searchTerms('Ngập  NƯỚC')).toEqual(['ngap', 'nuoc']);
    expect(searchTerms('310/KH')).toEqual(['310/kh']);
    expect(toPrefixQuery(searchTerms("a' & b | !c :* (d)"))).toBe("'a':* & 'b':* & 'c':* & 'd':*");
    expect(searchTerms('   ')).toEqual([]);
  });
  it('marks the matching words as written, with diacritics', () => {
    const parts = snippet('Mùa mưa: báo điểm ngập nước qua Tổng đài 1022', ['ngap', 'nuoc']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['ngập', 'nước']);
    expect(parts.map((p) => p.text).join('')).toBe('Mùa mưa: báo điểm ngập nước qua Tổng đài 1022');
  });
});

describe('feeds', () => {
  it('escapes XML and drops control characters', () => {
    expect(xmlEscape('a<b>&"\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
    const rss = renderRss({
      publicUrl: 'https://x.vn/',
      title: 'Tin <mới>',
      description: 'd',
      selfPath: '/rss.xml',
      linkPath: '/chuyen-doi-so/tin-tuc',
      lang: 'vi',
      items: [],
    });
    expect(rss).toContain('<title>Tin &lt;mới&gt;</title>');
    expect(rss).toContain('<atom:link href="https://x.vn/rss.xml" rel="self"');
  });
});
