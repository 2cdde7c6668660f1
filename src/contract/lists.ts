import { z } from 'zod';
import { DATA_CATEGORIES } from './documents.js';
import { ORGANISATION_KINDS } from './organisations.js';
import { RELATIONS } from './states.js';
import { DecisionView, DossierSummary, Instant } from './views.js';

/*
 * The answers about dossiers that are not the dossier itself: lists, the search, the history,
 * who read it and who handles it.
 */

/** GET /dossiers: one page, newest first; `nextCursor` fetches the next (null on the last page). */
export const DossierList = z.object({
  items: z.array(DossierSummary),
  nextCursor: z.string().nullable(),
});
export type DossierList = z.infer<typeof DossierList>;

/** POST /dossiers/search: the dossiers found, at most 50; `truncated` when more matched. */
export const DossierSearchResult = z.object({
  items: z.array(DossierSummary),
  truncated: z.boolean(),
});
export type DossierSearchResult = z.infer<typeof DossierSearchResult>;

/**
 * One step in a dossier's history. A negative decision the caller may know only as a fact shows
 * as `negative_decision`, without who took it; a decision the caller sees whole carries it.
 */
export const DossierEvent = z.object({
  id: z.string(),
  at: Instant,
  action: z.string(),
  by: z.enum(RELATIONS).nullable(),
  legalBasis: z.string().nullable(),
  decision: DecisionView.optional(),
});
export type DossierEvent = z.infer<typeof DossierEvent>;

/** GET /dossiers/{id}/events: the history, oldest first. */
export const DossierEvents = z.object({ items: z.array(DossierEvent) });
export type DossierEvents = z.infer<typeof DossierEvents>;

/** One read of the dossier: who, for which organisation, which categories of data and why. */
export const AccessLogEntry = z.object({
  at: Instant,
  user: z.object({ id: z.string(), name: z.string() }),
  organisation: z.object({ id: z.string(), kind: z.enum(ORGANISATION_KINDS), name: z.string() }),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  purpose: z.string(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

/** GET /dossiers/{id}/access-log: every read, oldest first, in one page. */
export const AccessLog = z.object({ items: z.array(AccessLogEntry), nextCursor: z.null() });
export type AccessLog = z.infer<typeof AccessLog>;

/** Who of the caller's authority handles a dossier; null while it waits in the authority's queue. */
export const AssignmentView = z.object({
  assignee: z
    .object({ userId: z.string(), name: z.string(), assignedAt: Instant, isMe: z.boolean() })
    .nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;
