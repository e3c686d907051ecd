import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { localNames } from '../shared/profile.js';
import { Layout } from './layout.js';
import type { PublicPageInput } from './render-public-page.js';

const TEXT = {
  vi: {
    title: 'Cài đặt ứng dụng {appName} trên điện thoại',
    description:
      'Hướng dẫn cài đặt ứng dụng {appName} trên điện thoại Android và iPhone: quét mã QR, thêm vào màn hình chính, gửi phản ánh đến {hotlineName}.',
    lead: 'Ứng dụng {appName} giúp bạn gửi phản ánh đến {hotlineName}, theo dõi kết quả, nhận cảnh báo và đọc tin tức của tỉnh. Ứng dụng miễn phí, không cần tải từ kho ứng dụng.',
    qr: 'Quét mã QR bằng camera điện thoại để mở ứng dụng',
    orOpen: 'Hoặc mở địa chỉ:',
    android: 'Điện thoại Android (Chrome)',
    androidSteps: [
      'Quét mã QR hoặc mở địa chỉ trên bằng trình duyệt Chrome.',
      'Bấm nút “Cài đặt ứng dụng” ở đầu trang, hoặc bấm dấu ⋮ ở góc trên bên phải rồi chọn “Thêm vào màn hình chính” / “Cài đặt ứng dụng”.',
      'Bấm “Cài đặt”. Biểu tượng {appName} xuất hiện trên màn hình chính.',
    ],
    ios: 'iPhone, iPad (Safari)',
    iosSteps: [
      'Quét mã QR bằng ứng dụng Camera, rồi mở liên kết bằng Safari.',
      'Bấm nút Chia sẻ (hình vuông có mũi tên hướng lên) ở cuối màn hình.',
      'Chọn “Thêm vào MH chính” rồi bấm “Thêm”. Biểu tượng {appName} xuất hiện trên màn hình chính.',
    ],
    after: 'Sau khi cài đặt',
    afterSteps: [
      'Đăng nhập bằng số điện thoại và mã xác thực gửi qua tin nhắn.',
      'Chọn khu vực của bạn và bật thông báo để nhận cảnh báo thiên tai, dịch bệnh, giao thông.',
      'Khi mất mạng, bạn vẫn viết được phản ánh: ứng dụng tự gửi khi có mạng trở lại.',
    ],
    help: 'Cần hỗ trợ? Gọi {hotlineName}: {hotline} hoặc hỏi Tổ công nghệ số cộng đồng tại xã, phường.',
    print: 'Trang này in được trên khổ A4 làm tờ gấp hướng dẫn.',
  },
  en: {
    title: 'Install the {appName} app on your phone',
    description:
      'How to install the {appName} app on Android and iPhone: scan the QR code, add it to the home screen, send reports to the {hotlineName}.',
    lead: 'The {appName} app lets you send reports to the {hotlineName}, follow them, receive alerts and read the province’s news. It is free and needs no app store.',
    qr: 'Scan the QR code with your phone’s camera to open the app',
    orOpen: 'Or open:',
    android: 'Android phones (Chrome)',
    androidSteps: [
      'Scan the QR code or open the address above in Chrome.',
      'Tap “Install the app” at the top of the page, or tap ⋮ at the top right and choose “Add to Home screen” / “Install app”.',
      'Tap “Install”. The {appName} icon appears on your home screen.',
    ],
    ios: 'iPhone, iPad (Safari)',
    iosSteps: [
      'Scan the QR code with the Camera app and open the link in Safari.',
      'Tap the Share button (a square with an arrow pointing up) at the bottom of the screen.',
      'Choose “Add to Home Screen”, then “Add”. The {appName} icon appears on your home screen.',
    ],
    after: 'After installing',
    afterSteps: [
      'Sign in with your phone number and the code sent by text message.',
      'Choose your area and turn on notifications to receive disaster, epidemic and traffic alerts.',
      'Without a connection you can still write a report: the app sends it when you are back online.',
    ],
    help: 'Need help? Call the {hotlineName}: {hotline}, or ask the community digital team of your commune or ward.',
    print: 'This page prints on A4 as the installation leaflet.',
  },
};

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

/** The installation guide ("tờ gấp hướng dẫn cài đặt"): QR code to the app, steps for Android and iPhone, printable on A4. */
export function renderInstallGuide(input: PublicPageInput & { qrSvg: string }): string {
  const { brand, province, lang } = input;
  const base = input.publicUrl.replace(/\/+$/, '');
  const names = localNames(brand, province, lang);
  const params = { ...names, hotline: brand.hotline };
  const x = TEXT[lang];
  const steps = (items: string[]) =>
    createElement(
      'ol',
      null,
      items.map((s, i) => createElement('li', { key: i }, fill(s, params))),
    );
  const body = createElement(
    'article',
    { className: 'install-guide' },
    createElement('h1', null, fill(x.title, params)),
    createElement('p', { className: 'lead' }, fill(x.lead, params)),
    createElement(
      'figure',
      { className: 'install-qr' },
      createElement('div', { dangerouslySetInnerHTML: { __html: input.qrSvg } }),
      createElement(
        'figcaption',
        null,
        x.qr,
        createElement('br'),
        `${x.orOpen} `,
        createElement('a', { href: `${base}/app/` }, `${base}/app/`),
      ),
    ),
    createElement(
      'div',
      { className: 'install-columns' },
      createElement('section', null, createElement('h2', null, x.android), steps(x.androidSteps)),
      createElement('section', null, createElement('h2', null, x.ios), steps(x.iosSteps)),
    ),
    createElement('h2', null, x.after),
    steps(x.afterSteps),
    createElement('p', null, fill(x.help, params)),
    createElement('p', { className: 'print-hide' }, x.print),
  );
  const page = createElement(Layout, {
    lang,
    title: fill(x.title, params),
    description: fill(x.description, params),
    canonical: lang === 'vi' ? `${base}/cai-dat` : `${base}/cai-dat?lang=en`,
    alternates: { vi: `${base}/cai-dat`, en: `${base}/cai-dat?lang=en` },
    brand,
    province,
    children: body,
  });
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
