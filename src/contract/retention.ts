/** The rules of Art. 27 §1 (lifecycle.md §1) that give the date a dossier is deleted. */
export const RETENTION_RULES = ['granted_10y', 'closed_5y', 'hold_1y', 'draft_180d'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

/** Why an authority keeps a dossier past its period (Art. 27 §1 3°). */
export const HOLD_REASONS = ['appeal', 'proceedings', 'fraud_investigation'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
