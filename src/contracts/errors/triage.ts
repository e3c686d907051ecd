/** Errors of the triage module: HTTP status and message in Vietnamese (first) and English. */
export const TRIAGE_ERRORS = {} as const satisfies Record<string, { status: number; vi: string; en: string }>;
