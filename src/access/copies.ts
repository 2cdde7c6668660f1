import type { DataCategory } from '../contract/documents.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { logAccess, open, purposeOf, type Opened } from './gate.js';
import { loadRecords } from './records.js';

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
  const ids = [...new Set(rows.map(dossierOf))];
  if (ids.length === 0) return [];
  const shown = new Set<string>();
  for (const o of await open(db, actor, clock, await loadRecords(db, ids, false))) {
    const categories = carried(o);
    if (!categories) continue;
    shown.add(o.record.id);
    await logAccess(db, actor, clock, o.record.id, categories, purposeOf(o, undefined));
  }
  return rows.filter((r) => shown.has(dossierOf(r)));
}
