/** Errors of the triage module: HTTP status and message in Vietnamese (first) and English. */
export const TRIAGE_ERRORS = {
  triage_no_previous_model: {
    status: 409,
    vi: 'Không có phiên bản mô hình cũ hơn để quay lại.',
    en: 'There is no older model version to roll back to.',
  },
  triage_hotspot_closed: {
    status: 409,
    vi: 'Điểm nóng này đã được đóng.',
    en: 'This hotspot is already closed.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
