import { useSyncExternalStore } from 'react';
import { translate, type Lang, type MessageKey } from './messages.js';

export type { Lang, MessageKey } from './messages.js';

const STORAGE_KEY = 'tinhso.lang';
const listeners = new Set<() => void>();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Lang = typeof localStorage === 'undefined' ? 'vi' : readStoredLang();
if (typeof document !== 'undefined') document.documentElement.lang = current;

/** The language the person chose (Vietnamese unless they switched). */
export function getLang(): Lang {
  return current;
}

/** Switches the language, remembers it on this device and re-renders subscribed components. */
export function setLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

/** A message in the current language, with `{name}` placeholders filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(current, key, params);
}

/** Subscribes a component to language changes; returns the current language. */
export function useLang(): Lang {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => 'vi' as Lang,
  );
}
