// The citizen app's service worker (served at /app/sw.js, scope /app/). Plain JavaScript: the server
// injects the build version below, so a new build installs a new worker and drops the old caches.
//
// - The app shell (/app/ and the assets it names) is cached at install: the app opens offline.
// - Navigations under /app/ go to the network first and fall back to the cached shell.
// - Hashed assets (/assets/…) are served from the cache first: their names change with their content.
// - The profile (brand, units) is served stale-while-revalidate so the offline shell still has its names.
// - Other API calls always go to the network: reports, drafts and sessions are never answered from a cache.
// - Push messages ({ title, body, url, tag, severity, status }) become notifications; a click opens `url`.

const VERSION = '__VERSION__';
const CACHE = `tinhso-app-${VERSION}`;
const SHELL = '/app/';
const PROFILE = '/api/v1/profile';

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`shell ${response.status}`);
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll([...new Set(assets), '/app/manifest.webmanifest', '/app/icons/icon-192.png']);
  try {
    await cache.add(PROFILE);
  } catch {
    // The profile is refreshed on the first online use.
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('tinhso-app-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirstShell(request) {
  try {
    return await fetch(request);
  } catch {
    const cached = await caches.match(SHELL);
    return cached ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request)
    .then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    })
    .catch(() => cached ?? Response.error());
  return cached ?? refresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/app')) {
    event.respondWith(networkFirstShell(request));
  } else if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/app/icons/')) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname === PROFILE) {
    event.respondWith(staleWhileRevalidate(request));
  }
});

self.addEventListener('push', (event) => {
  let message;
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : '' };
  }
  const title = message.title || 'Long An Số';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: message.body || '',
      tag: message.tag,
      renotify: Boolean(message.tag),
      requireInteraction: message.severity === 'Extreme' || message.severity === 'Severe',
      icon: '/app/icons/icon-192.png',
      badge: '/app/icons/icon-192.png',
      lang: 'vi',
      data: { url: message.url || '/app/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || '/app/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === target);
      return open ? open.focus() : self.clients.openWindow(target);
    }),
  );
});
