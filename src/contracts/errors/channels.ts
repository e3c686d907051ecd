/** Errors of the channels module: HTTP status and message in Vietnamese (first) and English. */
export const CHANNELS_ERRORS = {} as const satisfies Record<
  string,
  { status: number; vi: string; en: string }
>;
