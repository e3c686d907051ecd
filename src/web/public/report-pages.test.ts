import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION, type PublicReportView } from '../../contracts/feedback.js';
import { APP_PRIVACY_NOTICE_VERSION } from '../app/report/privacy-version.js';
import {
  renderLookupPage,
  renderLookupResult,
  renderMessagePage,
  renderReportDetail,
  renderReportList,
  type SiteInput,
} from './render-report-pages.js';
import type { LookupResult } from './report-pages.js';

const site: SiteInput = {
  brand: {
    appName: 'Long An Số',
    hotlineName: 'Tổng đài 1022',
    hotline: '0272.1022',
    mailbox: '1022@longan.gov.vn',
  },
  province: { name: 'tỉnh Long An' },
  lang: 'vi',
  publicUrl: 'https://1022.longan.gov.vn',
  categories: [
    { code: 'giao_thong_ha_tang', name: 'Giao thông, hạ tầng', nameEn: 'Transport and infrastructure' },
  ],
};

const published: PublicReportView = {
  trackingCode: 'LA-7KQ2-M9XD',
  status: 'published',
  categoryCode: 'giao_thong_ha_tang',
  title: 'Ổ gà trên đường <script>alert(1)</script> Hùng Vương',
  body: 'Đoạn đường trước chợ có ổ gà lớn, nguy hiểm vào ban đêm.',
  unitName: 'Phường 1',
  location: { lat: 10.535, lon: 106.413 },
  receivedAt: '2026-01-05T02:00:00.000Z',
  reporterName: null,
  agencyName: 'Sở Xây dựng',
  answer: 'Đơn vị đã vá ổ gà ngày 08/01/2026.',
  publishedAt: '2026-01-09T03:00:00.000Z',
  rating: null,
  rejectReason: null,
  timeline: [
    { at: '2026-01-05T02:00:00.000Z', action: 'received', toStatus: 'received' },
    { at: '2026-01-09T03:00:00.000Z', action: 'publish', toStatus: 'published' },
  ],
  attachments: [
    {
      url: '/api/v1/public/attachments/4b0b5f0e-8f7c-4c1e-9d2a-1f3e5a7b9c0d',
      kind: 'photo',
      purpose: 'report',
    },
    {
      url: '/api/v1/public/attachments/5c1c6a1f-9a8d-4d2f-8e3b-2a4f6b8c0d1e?v=0a1b2c3d4e',
      kind: 'photo',
      purpose: 'answer',
    },
    {
      url: '/api/v1/public/attachments/6d2d7b2a-0b9e-4e3a-9f4c-3b5a7c9d1e2f',
      kind: 'document',
      purpose: 'answer',
    },
  ],
};

const lookup: LookupResult = {
  report: {
    trackingCode: 'LA-7KQ2-M9XD',
    status: 'received',
    categoryCode: 'giao_thong_ha_tang',
    title: 'Đèn đường hỏng <img src=x onerror=alert(1)>',
    body: 'Cả dãy đèn đường tắt từ tuần trước.',
    unitName: 'Phường 1',
    receivedAt: '2026-01-05T02:00:00.000Z',
    deadlineAt: '2026-01-19T10:00:00.000Z',
    extendedDeadlineAt: null,
    agencyName: null,
    answer: null,
    publishedAt: null,
    rating: null,
    rejectReason: null,
  },
  timeline: [{ at: '2026-01-05T02:00:00.000Z', action: 'received', toStatus: 'received', public: true }],
  canRate: false,
};

const PHONE = /0\d{2}[ .]?\d{3}[ .]?\d{4}|\+84\d{9}/;
const EMAIL_OTHER_THAN_MAILBOX = /[\w.+-]+@(?!longan\.gov\.vn)[\w-]+\.[\w.]+/;

function expectSafe(html: string, lang: 'vi' | 'en' = 'vi') {
  expect(html.startsWith(`<!doctype html><html lang="${lang}">`)).toBe(true);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html.replace(/0272\.1022|02721022/g, '')).not.toMatch(PHONE);
  expect(html).not.toMatch(EMAIL_OTHER_THAN_MAILBOX);
}

const NO_FILTERS = { 'linh-vuc': '', 'khu-vuc': '', tu: '', den: '', q: '' };
const AREAS = [{ code: '794', name: 'Thành phố Tân An' }];

describe('public report pages', () => {
  it('lists published answers with links, category and agency, escaped', () => {
    const html = renderReportList(site, [published], {
      olderCursor: published.publishedAt,
      filters: NO_FILTERS,
      areas: AREAS,
      boundaries: null,
    });
    expectSafe(html);
    expect(html).toContain('href="/phan-anh/LA-7KQ2-M9XD"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Giao thông, hạ tầng');
    expect(html).toContain('Sở Xây dựng');
    expect(html).toContain('Đơn vị đã vá ổ gà');
    expect(html).toContain(`truoc=${encodeURIComponent(published.publishedAt!)}`);
    expect(html).toContain('<link rel="canonical" href="https://1022.longan.gov.vn/phan-anh"/>');
  });

  it('offers labelled filters that keep their values, in the pager too, and keeps filtered lists out of search engines', () => {
    const filters = { ...NO_FILTERS, 'linh-vuc': 'giao_thong_ha_tang', 'khu-vuc': '794', q: 'ổ gà' };
    const html = renderReportList(site, [published], {
      olderCursor: published.publishedAt,
      filters,
      areas: AREAS,
      boundaries: null,
    });
    expectSafe(html);
    for (const id of ['f-category', 'f-area', 'f-from', 'f-to', 'f-q'])
      expect(html).toMatch(new RegExp(`<label for="${id}">`));
    expect(html).toMatch(/<option value="794" selected="">Thành phố Tân An<\/option>/);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    const older = html.match(/<a href="([^"]+)" rel="next">/)![1]!.replace(/&amp;/g, '&');
    const params = new URL(older, 'https://x').searchParams;
    expect(params.get('linh-vuc')).toBe('giao_thong_ha_tang');
    expect(params.get('khu-vuc')).toBe('794');
    expect(params.get('q')).toBe('ổ gà');
    expect(params.get('truoc')).toBe(published.publishedAt);
  });

  it('renders one published report as an article with photos, answer and timeline', () => {
    const html = renderReportDetail(site, published);
    expectSafe(html);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain('<link rel="canonical" href="https://1022.longan.gov.vn/phan-anh/LA-7KQ2-M9XD"/>');
    expect(html).toMatch(/<title>Ổ gà trên đường &lt;script&gt;/);
    expect(html).toContain('/api/v1/public/attachments/4b0b5f0e-8f7c-4c1e-9d2a-1f3e5a7b9c0d?thumb=1');
    // The citizen's photo with the report, the agency's files under the answer (a masked photo keeps its version).
    const answer = html.slice(html.indexOf('id="answer"'));
    expect(html.slice(0, html.indexOf('id="answer"'))).toContain('alt="Ảnh 1 của phản ánh"');
    expect(answer).toContain('Tệp kèm câu trả lời');
    expect(answer).toContain(
      'src="/api/v1/public/attachments/5c1c6a1f-9a8d-4d2f-8e3b-2a4f6b8c0d1e?v=0a1b2c3d4e&amp;thumb=1" alt="Ảnh 1 kèm câu trả lời"',
    );
    expect(answer).toContain(
      '<a href="/api/v1/public/attachments/6d2d7b2a-0b9e-4e3a-9f4c-3b5a7c9d1e2f">Văn bản 1 kèm câu trả lời</a>',
    );
    expect(html).toContain('Đã trả lời, công khai');
    expect(html).toContain('Ẩn danh');
  });

  it('renders English with lang="en" and English labels', () => {
    const html = renderReportDetail({ ...site, lang: 'en' }, published);
    expectSafe(html, 'en');
    expect(html).toContain('Answered and published');
    expect(html).toContain('Transport and infrastructure');
    expect(html).toContain('href="https://1022.longan.gov.vn/phan-anh/LA-7KQ2-M9XD?lang=en"');
  });

  it('offers the look-up form (prefilled code) posting to /tra-cuu, and says "not found" the same way', () => {
    const form = renderLookupPage(site, { code: 'LA-7KQ2-M9XD' });
    expectSafe(form);
    expect(form).toContain('action="/tra-cuu"');
    expect(form).toContain('value="LA-7KQ2-M9XD"');
    const missing = renderLookupPage(site, { code: 'LA-0000-0000', notFound: true });
    expectSafe(missing);
    expect(missing).toContain('Không tìm thấy phản ánh');
    expect(missing).toContain('<meta name="robots" content="noindex"/>');
  });

  it('shows the look-up result without contact data, and the rating form only when it may be rated', () => {
    const html = renderLookupResult(site, lookup, 'nguoidan@example.com');
    expect(html).not.toMatch(/<script|<img src=x/i);
    expect(html).toContain('Mới tiếp nhận');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('nguoidan@example.com');
    expect(html).not.toContain('/tra-cuu/danh-gia');

    const rateable: LookupResult = {
      ...lookup,
      report: {
        ...lookup.report,
        status: 'published',
        answer: 'Đã sửa xong đèn.',
        publishedAt: '2026-01-09T03:00:00.000Z',
      },
      canRate: true,
    };
    const withForm = renderLookupResult(site, rateable, 'nguoidan@example.com');
    expect(withForm).toContain('action="/tra-cuu/danh-gia"');
    expect(withForm).toContain('method="post"');
    // The contact travels only in the form body, never in a link.
    expect(withForm).not.toMatch(/href="[^"]*nguoidan/);
    const thanks = renderLookupResult(site, { ...rateable, canRate: false }, 'x@example.com', 'thanks');
    expect(thanks).toContain('Cảm ơn bạn đã đánh giá');
  });

  it('has a real not-found page', () => {
    const html = renderMessagePage(site, 'not_found');
    expectSafe(html);
    expect(html).toContain('Không tìm thấy trang');
  });

  it('shows the citizen app the same privacy notice version the server records', () => {
    expect(APP_PRIVACY_NOTICE_VERSION).toBe(PRIVACY_NOTICE_VERSION);
  });
});
