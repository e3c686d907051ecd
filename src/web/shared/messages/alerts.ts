/** Texts of the alerts screens, Vietnamese first; English must have the same keys. Keys start with 'alerts.'. */
export const vi = {} as const;

export const en: Record<keyof typeof vi, string> = {};
