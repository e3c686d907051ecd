import { z } from 'zod';

/** Free text to classify (call-centre form, citizen form). */
export const suggestRequest = z.strictObject({
  title: z.string().trim().max(200).default(''),
  body: z.string().trim().max(5000).default(''),
  unitCode: z.string().trim().max(10).optional(),
});

export const activateModelParams = z.strictObject({ version: z.coerce.number().int().min(1) });

export const hotspotActionRequest = z.strictObject({
  action: z.enum(['acknowledge', 'dismiss']),
});

export interface CategorySuggestion {
  code: string;
  name: string;
  nameEn: string | null;
  /** Probability 0–1. */
  confidence: number;
  /** The agency the routing rules would pick for this category and the report's unit. */
  agency: { id: string; code: string; name: string } | null;
}

export interface SuggestionsView {
  /** The model's version; 0 when no model is stored yet and the profile's corpus answers. */
  modelVersion: number;
  items: CategorySuggestion[];
}

export interface TriageModelView {
  version: number;
  trainedAt: string;
  trainingSize: number;
  confirmedSize: number;
  testSize: number;
  top1: number;
  top3: number;
  trainingMs: number;
  active: boolean;
  trigger: string;
}

export const trainingJobParams = z.strictObject({ jobId: z.uuid() });

/** A training asked for on demand: queued for the worker. */
export interface TrainingJobView {
  jobId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
}

/** The model versions and the trainings still waiting or running. */
export interface TriageModelsView {
  items: TriageModelView[];
  training: { pending: number };
}

export interface HotspotView {
  id: string;
  categoryCode: string;
  categoryName: string;
  unitCode: string;
  unitName: string;
  status: string;
  windowHours: number;
  count: number;
  expected: number;
  pValue: number;
  firstDetectedAt: string;
  lastDetectedAt: string;
  /** Centre of the reports that have a place, for the map link. */
  center: { lat: number; lon: number } | null;
  reports: { id: string; trackingCode: string; title: string; status: string; receivedAt: string }[];
}
