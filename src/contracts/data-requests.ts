import { z } from 'zod';
import { phoneInput } from './identity.js';

/**
 * Data subject requests (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): what a citizen may ask about the
 * personal data held with their reports, answered by staff within 2 working days.
 */
export const DATA_REQUEST_KINDS = ['access', 'correction', 'deletion', 'objection'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];
export const DATA_REQUEST_STATUSES = ['open', 'fulfilled', 'refused'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

/** Working days staff have to answer (Decree 356/2025/NĐ-CP). */
export const DATA_REQUEST_WORKING_DAYS = 2;

export const fileDataRequestBody = z.strictObject({
  kind: z.enum(DATA_REQUEST_KINDS),
  /** The report the request is about; a signed-in citizen may leave it out (the request covers their account). */
  code: z.string().trim().min(4).max(40).optional(),
  /** The phone or email given with that report (not needed when signed in as its reporter). */
  contact: z.string().trim().min(4).max(200).optional(),
  details: z.string().trim().max(2000).optional(),
  /** For a correction: the contact as it should be. */
  correction: z
    .strictObject({
      name: z.string().trim().min(1).max(120).optional(),
      phone: phoneInput.optional(),
      email: z.email().max(200).optional(),
    })
    .optional(),
});
export type FileDataRequestBody = z.infer<typeof fileDataRequestBody>;

export const dataRequestListQuery = z.strictObject({
  status: z.enum(DATA_REQUEST_STATUSES).optional(),
});

export const dataRequestDecisionBody = z.strictObject({
  decision: z.enum(['fulfil', 'refuse']),
  /** Told to the requester: required for a refusal (the reason), optional otherwise. */
  note: z.string().trim().min(1).max(1000).optional(),
});

export interface DataRequestReceipt {
  id: string;
  kind: DataRequestKind;
  status: DataRequestStatus;
  receivedAt: string;
  dueAt: string;
}

/** A request as the citizen sees it (signed in: their own requests). */
export interface MyDataRequestView extends DataRequestReceipt {
  trackingCode: string | null;
  decidedAt: string | null;
  outcomeNote: string | null;
}

/** A request as staff handling it see it: what is asked, by when; no contact data. */
export interface DataRequestView extends MyDataRequestView {
  reportId: string | null;
  /** Filed by a signed-in citizen (else by tracking code + contact). */
  byAccount: boolean;
  details: string | null;
  correction: { name?: string; phone?: string; email?: string } | null;
  overdue: boolean;
}
