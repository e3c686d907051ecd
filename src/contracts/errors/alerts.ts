/** Errors of the alerts module: HTTP status and message in Vietnamese (first) and English. */
export const ALERTS_ERRORS = {} as const satisfies Record<string, { status: number; vi: string; en: string }>;
