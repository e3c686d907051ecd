import type { FeedbackDeps } from '../feedback/feedback-deps.js';

/** What triage use cases need: the same as feedback's (database, profile, jobs, clock). */
export type TriageDeps = FeedbackDeps;

/** Jobs of the triage module. */
export const TRIAGE_JOBS = {
  trainModel: 'triage.train-model',
  detectHotspots: 'triage.detect-hotspots',
  /** Training asked for in the console: run by the worker, never in the web process. */
  trainOnDemand: 'triage.train-on-demand',
} as const;

/** Inactive model versions kept for rollback (besides the active one). */
export const MODELS_KEPT = 5;
