import { ApiError } from '../../shared/api.js';
import { isNetworkError, submitReport, uploadPhoto, type ReportBody, type SubmitResult } from './http.js';
import { watchNewReport } from '../push.js';
import { dataUrlToBlob } from './photos.js';

/** A report sent from this device: enough to look it up again ("Phản ánh của tôi" without signing in). */
export interface SavedReport {
  code: string;
  /** The phone or email given with the report (kept only on this device). */
  contact: string | null;
  title: string;
  savedAt: string;
}

/** A report written while offline, waiting to be sent; its key makes every retry the same request. */
export interface Draft {
  key: string;
  body: ReportBody;
  /** Resized photos not uploaded yet, as data: URLs. */
  photos: string[];
  contact: string | null;
  createdAt: string;
  /** Why the server refused it (not a network problem): shown so the citizen can act. */
  error?: string;
}

const SAVED_KEY = 'tinhso.myReports';
const DRAFTS_KEY = 'tinhso.reportDrafts';
export const DRAFTS_EVENT = 'tinhso:drafts';

export interface DraftSentDetail {
  key: string;
  result: SubmitResult;
  photosSkipped: number;
}

function read<T>(key: string): T[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

function write<T>(key: string, items: T[]): void {
  localStorage.setItem(key, JSON.stringify(items));
}

export function savedReports(): SavedReport[] {
  return read<SavedReport>(SAVED_KEY);
}

export function saveReport(item: SavedReport): void {
  const rest = savedReports().filter((x) => x.code !== item.code);
  try {
    write(SAVED_KEY, [item, ...rest].slice(0, 50));
  } catch {
    // Storage full or disabled: the tracking code is still on screen.
  }
  watchNewReport(item.code, item.contact);
}

export function forgetReport(code: string): void {
  write(
    SAVED_KEY,
    savedReports().filter((x) => x.code !== code),
  );
}

export function drafts(): Draft[] {
  return read<Draft>(DRAFTS_KEY);
}

function putDrafts(items: Draft[]): void {
  write(DRAFTS_KEY, items);
  window.dispatchEvent(new CustomEvent(DRAFTS_EVENT));
}

/**
 * Keeps a draft on this device. Returns false when even the text could not be stored; drops the photos
 * (and says so with `photosDropped`) when they do not fit in the browser's storage.
 */
export function saveDraft(draft: Draft): { saved: boolean; photosDropped: boolean } {
  const others = drafts().filter((d) => d.key !== draft.key);
  try {
    putDrafts([...others, draft]);
    return { saved: true, photosDropped: false };
  } catch {
    try {
      putDrafts([...others, { ...draft, photos: [] }]);
      return { saved: true, photosDropped: draft.photos.length > 0 };
    } catch {
      return { saved: false, photosDropped: false };
    }
  }
}

export function removeDraft(key: string): void {
  putDrafts(drafts().filter((d) => d.key !== key));
}

function updateDraft(key: string, change: (d: Draft) => Draft): void {
  putDrafts(drafts().map((d) => (d.key === key ? change(d) : d)));
}

let flushing: Promise<void> | null = null;

/**
 * Sends every waiting draft, oldest first. Stops at the first network failure (still offline); a draft the
 * server refuses keeps its reason. Safe to call often: one run at a time, and the Idempotency-Key turns a
 * retry of a report that did reach the server into the same report.
 */
export function flushDrafts(): Promise<void> {
  flushing ??= run().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function run(): Promise<void> {
  for (const draft of drafts()) {
    if (draft.error) continue;
    let body = draft.body;
    let skipped = 0;
    if (draft.photos.length > 0) {
      const ids = [...body.attachmentIds];
      const tokens = [...body.uploadTokens];
      for (const [i, photo] of draft.photos.entries()) {
        try {
          const up = await uploadPhoto(dataUrlToBlob(photo), `anh-${i + 1}.jpg`);
          ids.push(up.id);
          tokens.push(up.uploadToken);
        } catch (error) {
          if (isNetworkError(error)) return;
          skipped++;
        }
      }
      body = { ...body, attachmentIds: ids, uploadTokens: tokens };
      // Uploaded once: a later retry sends the same attachment ids instead of uploading again.
      updateDraft(draft.key, (d) => ({ ...d, body, photos: [] }));
    }
    try {
      const result = await submitReport(body, draft.key);
      saveReport({
        code: result.trackingCode,
        contact: draft.contact,
        title: body.title,
        savedAt: new Date().toISOString(),
      });
      removeDraft(draft.key);
      window.dispatchEvent(
        new CustomEvent<DraftSentDetail>(DRAFTS_EVENT, {
          detail: { key: draft.key, result, photosSkipped: skipped },
        }),
      );
    } catch (error) {
      // Offline, overloaded or rate limited: try again later with the same key.
      if (
        isNetworkError(error) ||
        (error instanceof ApiError && (error.status >= 500 || error.status === 429))
      )
        return;
      const reason =
        error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error);
      updateDraft(draft.key, (d) => ({ ...d, error: reason }));
    }
  }
}

let started = false;

/** At app start: send what is waiting, and again whenever the device comes back online. */
export function startDraftSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flushDrafts());
  if (navigator.onLine !== false) void flushDrafts();
}
