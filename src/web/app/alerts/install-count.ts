import { api } from '../../shared/api.js';

const KEY = 'tinhso.install';
const WEEK = 7 * 24 * 3600 * 1000;

interface Stored {
  id: string;
  unit: string;
  sentAt: number;
}

function read(): Stored | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
  } catch {
    return null;
  }
}

/**
 * Counts this install in the province's anonymous adoption figures: a random id made here (never linked
 * to the person or account) and the area chosen. Sent when the area is first chosen or changes, and at
 * most once a week after that (so "active in the last 30 days" means something). Failures are ignored.
 */
export function countInstall(unitCode?: string): void {
  const stored = read();
  const unit = unitCode ?? stored?.unit;
  if (!unit) return;
  if (stored && stored.unit === unit && Date.now() - stored.sentAt < WEEK) return;
  const id = stored?.id ?? crypto.randomUUID().replace(/-/g, '');
  api('POST', '/public/app-installs', { body: { installId: id, unitCode: unit } })
    .then(() => localStorage.setItem(KEY, JSON.stringify({ id, unit, sentAt: Date.now() })))
    .catch(() => undefined);
}
