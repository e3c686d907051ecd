// Lighthouse (mobile emulation, simulated slow 4G, Debian's Chromium) on the citizen app's home, the
// report form, a public report page and the digital-transformation portal's home, an article and the
// materials library of a freshly started demo server. Writes the scores to
// docs/benchmarks.md (section "lighthouse") and prints `ratio: <lowest score / 95>` (the bar).
import { spawnSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../tests/e2e/support/server.js';
import { machine, machineLines, ROOT, table, writeSection } from './lib.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const BAR = 95;

spawnSync('npx', ['tsx', 'scripts/ensure-web-build.ts'], { cwd: ROOT, stdio: 'inherit' });
const m = await machine();
const server = await startServer();
try {
  const answers = (await (await fetch(`${server.baseUrl}/api/v1/public/reports?limit=1`)).json()) as {
    items: { trackingCode: string }[];
  };
  const code = answers.items[0]?.trackingCode;
  if (!code) throw new Error('the demo seed has no published report');
  // The same form on a 3G-like line (300 ms round trips, 700 Kbit/s) is measured too, not held to the bar.
  const THREE_G = { rttMs: 300, throughputKbps: 700, cpuSlowdownMultiplier: 4 };
  const news = (await (
    await fetch(`${server.baseUrl}/api/v1/content/public?type=article&limit=1`)
  ).json()) as {
    items: { url: string }[];
  };
  const article = news.items[0]?.url;
  if (!article) throw new Error('the demo seed has no published article');
  const portal = [
    { name: 'Cổng chuyển đổi số: trang chủ / portal home', path: '/chuyen-doi-so', scored: true },
    { name: 'Cổng chuyển đổi số: một bài tin / an article', path: article, scored: true },
    {
      name: 'Cổng chuyển đổi số: tài liệu tuyên truyền / materials library',
      path: '/chuyen-doi-so/tai-lieu-tuyen-truyen',
      scored: true,
    },
  ];
  const all = [
    { name: 'Ứng dụng: trang chủ / app home', path: '/app/', scored: true },
    { name: 'Ứng dụng: gửi phản ánh / report form', path: '/app/gui-phan-anh', scored: true },
    { name: 'Cổng 1022: một phản ánh đã trả lời / public report', path: `/phan-anh/${code}`, scored: true },
    ...portal,
    { name: 'Gửi phản ánh trên mạng 3G / report form on 3G', path: '/app/gui-phan-anh', scored: false },
  ];
  // LIGHTHOUSE_PAGES=portal measures only the three portal pages (prints, does not write the docs).
  const only = process.env.LIGHTHOUSE_PAGES === 'portal';
  const pages = only ? portal : all;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows: (string | number)[][] = [];
  const misses: string[] = [];
  let lowest = 100;
  try {
    for (const page of pages) {
      // A first visit warms the server (templates, caches), as a real visitor would not be the first.
      await fetch(`${server.baseUrl}${page.path}`);
      const measure = async () =>
        (await lighthouse(`${server.baseUrl}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          ...(page.scored ? {} : { throttling: THREE_G }),
        }))!.lhr;
      let lhr = await measure();
      // A run where Lighthouse got no page (its runtimeError, e.g. NO_FCP on a starved machine) is not a
      // score of the page: it is measured once more, and a second failure stays in the table as 0.
      if (lhr.runtimeError) {
        console.log(`${page.path}: ${lhr.runtimeError.code}, measured again`);
        lhr = await measure();
        if (lhr.runtimeError)
          misses.push(`- ${page.path.replace(code, ':code')} · no page: ${lhr.runtimeError.code}`);
      }
      const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
      if (page.scored) lowest = Math.min(lowest, ...scores);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? 'n/a';
      rows.push([
        `${page.name} (\`${page.path.replace(code, ':code')}\`)`,
        ...scores,
        metric('first-contentful-paint'),
        metric('largest-contentful-paint'),
        metric('total-blocking-time'),
        metric('cumulative-layout-shift'),
        metric('interactive'),
      ]);
      for (const c of CATEGORIES)
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (page.scored && ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9)
            misses.push(
              `- ${page.path.replace(code, ':code')} · ${c} · ${audit.title} (${audit.displayValue ?? audit.score})`,
            );
        }
      console.log(page.path, scores.join(' / '));
    }
  } finally {
    await chrome.kill();
  }
  if (only) {
    console.log(misses.join('\n'));
    process.exit(0);
  }
  writeSection(
    'lighthouse',
    [
      '## Lighthouse: citizen app, 1022 portal and digital-transformation portal (`npm run bench:lighthouse`)',
      '',
      ...machineLines(m),
      `- Lighthouse 12.2.3, mobile emulation with simulated throttling (slow 4G, 4× CPU slowdown), Debian's Chromium; a fresh demo server on the embedded database; the bar is ${BAR} in each category for every row but the last; the last row is the report form on a 3G-like line (300 ms round trips, 700 Kbit/s, 4× CPU slowdown), measured for information`,
      '',
      table(
        ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'TTI'],
        rows,
      ),
      '',
      misses.length ? 'Audits below 0.9 that carry weight:' : 'No weighted audit scored below 0.9.',
      ...misses,
      '',
      `Lowest score ${lowest} against the bar of ${BAR}: ratio ${(lowest / BAR).toFixed(2)}.`,
    ].join('\n'),
  );
  console.log(`ratio: ${(lowest / BAR).toFixed(2)}`);
} finally {
  await server.stop();
}
