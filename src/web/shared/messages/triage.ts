/** Texts of the triage screens, Vietnamese first; English must have the same keys. Keys start with 'triage.'. */
export const vi = {} as const;

export const en: Record<keyof typeof vi, string> = {};
