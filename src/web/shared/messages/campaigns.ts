/** Texts of the campaigns screens, Vietnamese first; English must have the same keys. Keys start with 'campaigns.'. */
export const vi = {} as const;

export const en: Record<keyof typeof vi, string> = {};
