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
