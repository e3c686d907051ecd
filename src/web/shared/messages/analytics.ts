/** Texts of the analytics screens, Vietnamese first; English must have the same keys. Keys start with 'analytics.'. */
export const vi = {} as const;

export const en: Record<keyof typeof vi, string> = {};
