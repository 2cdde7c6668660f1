import type { DataCategory } from '../contract/documents.js';
import type { Queryable } from '../db/database.js';
import { pageOf } from '../db/paging.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { logAccess, open, purposeOf, type Opened } from './gate.js';

/**
 * What a row copied from a dossier (a message, a delivery) carries for this caller: the
 * categories it shows, or undefined when the caller may not read them now.
 */
export type Carried = (opened: Opened) => readonly DataCategory[] | undefined;

/**
 * Rows that copy something of a dossier reach a caller only while the gate shows that dossier to
 * them with what the row carries; every dossier they name is logged as read, once per call.
 */
export async function throughGate<R>(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  rows: readonly R[],
  dossierOf: (row: R) => string,
  carried: Carried,
): Promise<R[]> {
  return (await openedRows(db, actor, clock, rows, dossierOf, carried)).map(([row]) => row);
}

/** The rows shown, each with its dossier as the gate opened it for the caller. */
async function openedRows<R>(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  rows: readonly R[],
  dossierOf: (row: R) => string,
  carried: Carried,
): Promise<[R, Opened][]> {
  const ids = [...new Set(rows.map(dossierOf))];
  if (ids.length === 0) return [];
  const shown = new Map<string, Opened>();
  for (const o of await open(db, actor, clock, ids)) {
    const categories = carried(o);
    if (!categories) continue;
    shown.set(o.record.id, o);
    await logAccess(db, actor, clock, o.record.id, categories, purposeOf(o, undefined));
  }
  return rows.flatMap((r): [R, Opened][] => {
    const opened = shown.get(dossierOf(r));
    return opened ? [[r, opened]] : [];
  });
}

/**
 * One page of such rows, fetched with one row more than the limit: the cursor follows the rows
 * fetched, and what the caller may not see drops out of the page.
 */
export async function gatedPage<R extends { created_at: Date; id: string; dossier_id: string }, T>(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  rows: readonly R[],
  limit: number,
  carried: Carried,
  show: (row: R, opened: Opened) => T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const page = pageOf(
    rows,
    limit,
    (r) => [r.created_at, r.id],
    (r) => r,
  );
  const shown = await openedRows(db, actor, clock, page.items, (r) => r.dossier_id, carried);
  return { items: shown.map(([row, opened]) => show(row, opened)), nextCursor: page.nextCursor };
}
