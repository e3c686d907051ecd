import { api } from '../shared/api.js';
import { getLang } from '../shared/i18n.js';

// Web Push on this device, shared by the alerts page (alerts per area) and "my reports" (a report moved).
// One browser subscription (one endpoint) serves both; the server keeps what each is for.

/** Set when the citizen turned on report notifications on this device. */
const REPORT_PUSH_KEY = 'tinhso.reportPush';

export interface DeviceSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

export async function registration(): Promise<ServiceWorkerRegistration | null> {
  const reg = await navigator.serviceWorker.getRegistration('/app/');
  return reg ?? null;
}

function base64UrlToBytes(s: string): Uint8Array<ArrayBuffer> {
  const b64 = (s + '='.repeat((4 - (s.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Why subscribing did not happen, for the page to explain. */
export type SubscribeRefusal = 'no_worker' | 'denied';

/** This device's push subscription, asking for permission and subscribing when there is none yet. */
export async function subscribeDevice(): Promise<DeviceSubscription | SubscribeRefusal> {
  const reg = await registration();
  if (!reg) return 'no_worker';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const { publicKey } = await api<{ publicKey: string }>('GET', '/push/vapid-public-key');
  const sub =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(publicKey),
    }));
  return sub.toJSON() as DeviceSubscription;
}

/** The existing subscription, without asking anything. */
export async function currentSubscription(): Promise<DeviceSubscription | null> {
  if (!pushSupported()) return null;
  const sub = await (await registration())?.pushManager.getSubscription();
  return sub ? (sub.toJSON() as DeviceSubscription) : null;
}

export function reportPushOn(): boolean {
  try {
    return localStorage.getItem(REPORT_PUSH_KEY) === '1';
  } catch {
    return false;
  }
}

export function setReportPush(on: boolean): void {
  try {
    if (on) localStorage.setItem(REPORT_PUSH_KEY, '1');
    else localStorage.removeItem(REPORT_PUSH_KEY);
  } catch {
    // Storage disabled: the server side still holds the subscription.
  }
}

/** Asks the server to push this device when these reports move (each proved by code and contact). */
export async function watchReports(
  device: DeviceSubscription,
  items: { code: string; contact: string }[],
): Promise<number> {
  let watching = 0;
  for (let i = 0; i < items.length; i += 20) {
    const r = await api<{ watching: number }>('POST', '/public/reports/push', {
      body: { ...device, lang: getLang(), items: items.slice(i, i + 20) },
    });
    watching += r.watching;
  }
  return watching;
}

/** After a report is sent from this device: when report notifications are on, watch it too (quietly). */
export function watchNewReport(code: string, contact: string | null): void {
  if (!contact || !reportPushOn()) return;
  void currentSubscription()
    .then((device) => (device ? watchReports(device, [{ code, contact }]) : 0))
    .catch(() => undefined);
}
