import { useEffect, useState, useSyncExternalStore } from 'react';
import { t } from '../shared/i18n.js';
import { Button } from '../shared/ui/button.js';

/** Installs the service worker (scope /app/): the app then opens offline and can show push notifications. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => {
      // No worker (development server, private mode): the app still works online.
    });
  });
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser believes it has a connection; re-renders when that changes. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine !== false,
    () => true,
  );
}

/** Says plainly that the phone is offline and what still works. */
export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="app-offline" role="status">
      <strong>{t('app.offline')}</strong> {t('app.offlineHint')}
    </p>
  );
}

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** "Cài đặt ứng dụng": shown only where the browser offers installation (Android Chrome and others). */
export function InstallButton() {
  const [event, setEvent] = useState<InstallPromptEvent | null>(null);
  useEffect(() => {
    const onPrompt = (e: Event) => {
      e.preventDefault();
      setEvent(e as InstallPromptEvent);
    };
    const onInstalled = () => setEvent(null);
    window.addEventListener('beforeinstallprompt', onPrompt);
    window.addEventListener('appinstalled', onInstalled);
    return () => {
      window.removeEventListener('beforeinstallprompt', onPrompt);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);
  if (!event) return null;
  return (
    <Button
      className="app-install"
      onClick={async () => {
        await event.prompt();
        await event.userChoice;
        setEvent(null);
      }}
    >
      {t('app.install')}
    </Button>
  );
}
