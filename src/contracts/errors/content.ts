/** Errors of the content module: HTTP status and message in Vietnamese (first) and English. */
export const CONTENT_ERRORS = {} as const satisfies Record<
  string,
  { status: number; vi: string; en: string }
>;
