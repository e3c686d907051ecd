/** Texts of the channels screens, Vietnamese first; English must have the same keys. Keys start with 'channels.'. */
export const vi = {} as const;

export const en: Record<keyof typeof vi, string> = {};
