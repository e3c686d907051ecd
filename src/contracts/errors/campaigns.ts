/** Errors of the campaigns module: HTTP status and message in Vietnamese (first) and English. */
export const CAMPAIGNS_ERRORS = {} as const satisfies Record<
  string,
  { status: number; vi: string; en: string }
>;
