/** The four regional authorities competent for the employment of foreign workers (Art. 9 §4-7). */
export const REGIONS = ['flanders', 'wallonia', 'brussels', 'ostbelgien'] as const;

/** `ostbelgien` is the German-speaking Community, which exercises the Walloon competence on its territory. */
export type Region = (typeof REGIONS)[number];
