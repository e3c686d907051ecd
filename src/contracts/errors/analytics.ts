/** Errors of the analytics module: HTTP status and message in Vietnamese (first) and English. */
export const ANALYTICS_ERRORS = {} as const satisfies Record<
  string,
  { status: number; vi: string; en: string }
>;
