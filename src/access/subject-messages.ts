import type { AppDeps } from '../app.js';
import type { Queryable } from '../db/database.js';
import { itemOf, MESSAGE_COLUMNS, pageOf, type InboxItem } from '../exchange/inbox.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { decodeCursor } from '../platform/cursor.js';
import { AppError } from '../platform/errors.js';
import { logAccess, open, purposeOf } from './gate.js';
import { loadRecords } from './records.js';

/*
 * The worker's inbox: the decisions of the dossiers they claimed, as sent to them (Art. 20 §5,
 * Art. 24). The bodies carry the grounds of negative decisions, so the dossiers are opened
 * through the gate and only those where the caller is still the person concerned count.
 */

/** The dossiers the caller claimed and, by the policy, still reads as the person concerned. */
async function ownDossiers(db: Queryable, actor: Actor, clock: Clock) {
  const claimed = await db
    .selectFrom('dossier_subject')
    .select('dossier_id')
    .where('user_id', '=', actor.userId)
    .execute();
  if (claimed.length === 0) return [];
  const opened = await open(
    db,
    actor,
    clock,
    await loadRecords(
      db,
      claimed.map((c) => c.dossier_id),
      false,
    ),
  );
  return opened.filter((o) => o.relations.includes('subject') && o.grants.grounds.level === 'R');
}

/** GET /messages for a worker: newest first; `limit: 0` counts the unread without reading any. */
export async function listSubjectMessages(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  query: { unread?: boolean | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: InboxItem[]; nextCursor: string | null; unread: number }> {
  const own = await ownDossiers(db, actor, clock);
  const ids = own.map((o) => o.record.id);
  if (ids.length === 0) return { items: [], nextCursor: null, unread: 0 };
  const unread = await db
    .selectFrom('subject_message')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('dossier_id', 'in', ids)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (query.limit === 0) return { items: [], nextCursor: null, unread: Number(unread.n) };
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db
    .selectFrom('subject_message as m')
    .innerJoin('dossier as x', 'x.id', 'm.dossier_id')
    .select(MESSAGE_COLUMNS)
    .where('m.dossier_id', 'in', ids)
    .$if(query.unread === true, (q) => q.where('m.read_at', 'is', null))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('m.created_at', '<', after?.[0] ?? new Date(0)),
          eb.and([eb('m.created_at', '=', after?.[0] ?? new Date(0)), eb('m.id', '<', after?.[1] ?? '')]),
        ]),
      ),
    )
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = pageOf(rows, query.limit);
  for (const o of own) {
    if (page.items.some((m) => m.dossierId === o.record.id)) {
      await logAccess(db, actor, clock, o.record.id, ['admin', 'grounds'], purposeOf(o, undefined));
    }
  }
  return { ...page, unread: Number(unread.n) };
}

/** POST /messages/{id}/read for a worker: once; a repeat answers the message as first marked. */
export async function markSubjectMessageRead(deps: AppDeps, actor: Actor, id: string): Promise<InboxItem> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('subject_message as m')
      .innerJoin('dossier as x', 'x.id', 'm.dossier_id')
      .select(MESSAGE_COLUMNS)
      .where('m.id', '=', id)
      .executeTakeFirst();
    const own = row ? await ownDossiers(tx, actor, deps.clock) : [];
    const opened = own.find((o) => o.record.id === row?.dossier_id);
    if (!row || !opened) throw new AppError('not_found');
    await logAccess(
      tx,
      actor,
      deps.clock,
      row.dossier_id,
      ['admin', 'grounds'],
      purposeOf(opened, undefined),
    );
    if (row.read_at) return itemOf(row);
    const now = deps.clock.now();
    await tx.updateTable('subject_message').set({ read_at: now }).where('id', '=', id).execute();
    return itemOf({ ...row, read_at: now });
  });
}
