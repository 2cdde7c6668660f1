import type { AppDeps } from '../app.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { AppError } from '../platform/errors.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';

/*
 * The inbox (Art. 20 §5): every communication to the caller's organisation about its dossiers,
 * kept on the platform. Rows are written by `queueNotifications` in the transaction of the step;
 * here they are only listed and marked read. Each names its dossier, which the reader opens
 * through the gate like any other.
 */

export interface InboxItem {
  id: string;
  dossierId: string;
  reference: string;
  language: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** The columns of a message row, shared by the organisation's inbox and the worker's. */
export const MESSAGE_COLUMNS = [
  'm.id',
  'm.dossier_id',
  'm.language',
  'm.subject',
  'm.body',
  'm.created_at',
  'm.read_at',
  'x.reference',
] as const;

interface MessageRow {
  id: string;
  dossier_id: string;
  language: string;
  subject: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
  reference: string;
}

export function itemOf(r: MessageRow): InboxItem {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    reference: r.reference,
    language: r.language,
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

/** GET /messages: the caller's organisation's messages, newest first, and how many are unread. */
export async function listMessages(
  db: Queryable,
  actor: Actor,
  query: { unread?: boolean | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: InboxItem[]; nextCursor: string | null; unread: number }> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db
    .selectFrom('inbox_message as m')
    .innerJoin('dossier as x', 'x.id', 'm.dossier_id')
    .select(MESSAGE_COLUMNS)
    .where('m.recipient_organisation_id', '=', actor.organisation.id)
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
  const unread = await db
    .selectFrom('inbox_message')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('recipient_organisation_id', '=', actor.organisation.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { ...pageOf(rows, query.limit), unread: Number(unread.n) };
}

/** One page of messages fetched with one row more than the limit, which says whether more follow. */
export function pageOf(rows: readonly MessageRow[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(itemOf),
    nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/** POST /messages/{id}/read: once; a repeat answers the message as first marked. */
export async function markRead(deps: AppDeps, actor: Actor, id: string): Promise<InboxItem> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('inbox_message as m')
      .innerJoin('dossier as x', 'x.id', 'm.dossier_id')
      .select(MESSAGE_COLUMNS)
      .where('m.id', '=', id)
      .where('m.recipient_organisation_id', '=', actor.organisation.id)
      .forUpdate('m')
      .executeTakeFirst();
    if (!row) throw new AppError('not_found');
    if (row.read_at) return itemOf(row);
    const now = deps.clock.now();
    await tx
      .updateTable('inbox_message')
      .set({ read_at: now, read_by_user_id: actor.userId })
      .where('id', '=', id)
      .execute();
    return itemOf({ ...row, read_at: now });
  });
}
