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
  triage_training_unavailable: {
    status: 503,
    vi: 'Không có hàng đợi công việc để huấn luyện mô hình; hãy thử lại sau.',
    en: 'No job queue is available to train the model; try again later.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
