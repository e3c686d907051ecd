import { describe, expect, it } from 'vitest';
import { renderPortalHome } from './render-public-page.js';

const input = {
  brand: {
    appName: 'Long An Số',
    hotlineName: 'Tổng đài 1022',
    hotline: '0272.1022',
    mailbox: '1022@longan.gov.vn',
  },
  province: { name: 'tỉnh Long An' },
  publicUrl: 'https://1022.longan.gov.vn/',
};

describe('renderPortalHome', () => {
  it('renders a complete Vietnamese document with brand, hotline and canonical link', () => {
    const html = renderPortalHome({ ...input, lang: 'vi' });
    expect(html.startsWith('<!doctype html><html lang="vi">')).toBe(true);
    expect(html).toContain('Tổng đài 1022');
    expect(html).toContain('0272.1022');
    expect(html).toContain('href="tel:02721022"');
    expect(html).toContain('1022@longan.gov.vn');
    expect(html).toContain('<link rel="canonical" href="https://1022.longan.gov.vn/"/>');
    expect(html).toContain('property="og:title"');
    expect(html).toContain('action="/tra-cuu"');
    expect(html).toContain('href="/public.css"');
    expect(html).toContain('href="?lang=en"');
  });

  it('renders English with its own canonical URL', () => {
    const html = renderPortalHome({ ...input, lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<link rel="canonical" href="https://1022.longan.gov.vn/?lang=en"/>');
    expect(html).toContain('Look up a report');
  });

  it('needs no JavaScript', () => {
    const html = renderPortalHome({ ...input, lang: 'vi' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('escapes brand text', () => {
    const html = renderPortalHome({
      ...input,
      lang: 'vi',
      brand: { ...input.brand, hotlineName: '<b>x</b>' },
    });
    expect(html).not.toContain('<b>x</b>');
  });
});

describe('content portal home', () => {
  it('is real HTML with the portal name and no script, in both languages', async () => {
    const { renderPortalHome: renderContentHome } = await import('./content-pages.js');
    const brand = {
      appName: 'Long An Số',
      hotlineName: 'Tổng đài 1022',
      hotline: '0272.1022',
      mailbox: '1022@longan.gov.vn',
      contentPortalName: 'Trang thông tin chuyển đổi số tỉnh Long An',
    };
    const data = { latest: [], documents: [] };
    const site = { brand, province: { name: 'Tỉnh Long An' }, publicUrl: 'https://x.vn' };
    const html = renderContentHome({ ...site, lang: 'vi' }, data);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Trang thông tin chuyển đổi số tỉnh Long An');
    expect(html).toContain('href="https://x.vn/chuyen-doi-so"');
    expect(html).not.toContain('<script');
    expect(renderContentHome({ ...site, lang: 'en' }, data)).toContain('<html lang="en">');
  });
});

describe('content list pager', () => {
  it('says "more than" when the list was counted up to its limit, and links the next page from `next`', async () => {
    const { renderListPage } = await import('./content-pages.js');
    const site = {
      brand: {
        appName: 'Long An Số',
        hotlineName: 'Tổng đài 1022',
        hotline: '0272.1022',
        mailbox: '1022@longan.gov.vn',
        contentPortalName: 'Trang thông tin chuyển đổi số tỉnh Long An',
      },
      province: { name: 'Tỉnh Long An' },
      publicUrl: 'https://x.vn',
    };
    const page = (over: { page: number; pages: number; morePages: boolean; next: boolean }, lang = 'vi') =>
      renderListPage({ ...site, lang: lang as 'vi' | 'en' }, { type: 'article', items: [], ...over });
    const capped = page({ page: 2, pages: 83, morePages: true, next: true });
    expect(capped).toContain('Trang 2/hơn 83');
    expect(capped).toContain('rel="next"');
    expect(capped).toContain('rel="prev"');
    expect(page({ page: 2, pages: 83, morePages: true, next: true }, 'en')).toContain(
      'Page 2 of more than 83',
    );
    const last = page({ page: 3, pages: 3, morePages: false, next: false });
    expect(last).toContain('Trang 3/3');
    expect(last).not.toContain('rel="next"');
    expect(page({ page: 1, pages: 1, morePages: false, next: false })).not.toContain('class="pager"');
  });
});
