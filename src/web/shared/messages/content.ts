/** Texts of the content screens, Vietnamese first; English must have the same keys. Keys start with 'content.'. */
export const vi = {} as const;

export const en: Record<keyof typeof vi, string> = {};
