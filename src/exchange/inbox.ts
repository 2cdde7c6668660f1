import { gatedPage, throughGate, type Carried } from '../access/copies.js';
import type { InboxItem, InboxList } from '../contract/exchange.js';
import type { Queryable } from '../db/database.js';
import { newestFirst, positionOf } from '../db/paging.js';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import type { Language } from '../contract/language.js';
import { renderStored } from './notification-texts.js';

/*
 * The inbox (Art. 20 §5, Art. 24): the messages about dossiers, kept on the platform. An
 * applicant organisation (employer, self-employed person), and a mandatary for the dossiers under
 * its mandate, reads the messages addressed to it; a worker reads the decisions of the dossiers they claimed. Rows are written with the step
 * that caused them (`queueNotifications`); here they are only listed and marked read.
 *
 * Both boxes are read through the gate: a message shows only while its dossier shows to the
 * caller with what the message carries (the decision; for a worker its grounds too), and each
 * dossier a page names is an access-log read.
 */

export type { InboxItem } from '../contract/exchange.js';

interface MessageRow {
  id: string;
  dossier_id: string;
  language: string;
  subject: string;
  body: string;
  text_kind: string | null;
  text_vars: unknown;
  created_at: Date;
  read_at: Date | null;
  reference: string;
}

const COLUMNS = [
  'm.id',
  'm.dossier_id',
  'm.language',
  'm.subject',
  'm.body',
  'm.text_kind',
  'm.text_vars',
  'm.created_at',
  'm.read_at',
  'x.reference',
] as const;

/**
 * A message as its reader reads it: rendered in the reader's language from the kind and values it
 * was written with. The row keeps what was sent; a row from before kinds were kept shows as sent.
 */
const itemIn =
  (reader: Language) =>
  (r: MessageRow): InboxItem => {
    const rendered = renderStored(reader, r.text_kind, r.text_vars);
    return {
      id: r.id,
      dossierId: r.dossier_id,
      reference: r.reference,
      language: rendered ? reader : r.language,
      subject: rendered?.subject ?? r.subject,
      body: rendered?.body ?? r.body,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    };
  };

type Query = {
  unread?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
  /** The reader's language (Accept-Language, the language chosen in the portal). */
  language: Language;
};

const isWorker = (actor: Actor) => actor.organisation.kind === 'worker';

/** An organisation's messages carry decisions; a worker's carry their grounds as well (Art. 24). */
const carried =
  (actor: Actor): Carried =>
  (o) => {
    if (!isWorker(actor)) return o.grants.admin.level === 'R' ? ['admin'] : undefined;
    return o.relations.includes('subject') && o.grants.grounds.level === 'R'
      ? ['admin', 'grounds']
      : undefined;
  };

/** The caller's messages: addressed to their organisation, or (a worker) of the dossiers they claimed. */
function box(db: Queryable, actor: Actor) {
  if (!isWorker(actor)) {
    return db
      .selectFrom('inbox_message as m')
      .innerJoin('dossier as x', 'x.id', 'm.dossier_id')
      .where('m.recipient_organisation_id', '=', actor.organisation.id);
  }
  return db
    .selectFrom('subject_message as m')
    .innerJoin('dossier as x', 'x.id', 'm.dossier_id')
    .innerJoin('dossier_subject as s', 's.dossier_id', 'm.dossier_id')
    .where('s.user_id', '=', actor.userId);
}

/** GET /messages: newest first, and how many are unread; `limit: 0` counts without reading any. */
export async function listMessages(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  query: Query,
): Promise<InboxList> {
  const after = positionOf(query.cursor);
  const base = box(db, actor);
  const unread = await base
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('m.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (query.limit === 0) return { items: [], nextCursor: null, unread: Number(unread.n) };
  const rows = await newestFirst(
    base.select(COLUMNS).$if(query.unread === true, (q) => q.where('m.read_at', 'is', null)),
    { at: 'm.created_at', id: 'm.id' },
    after,
  )
    .limit(query.limit + 1)
    .execute();
  // Messages of dossiers the caller no longer sees drop out; each dossier shown is logged.
  const page = await gatedPage(db, actor, clock, rows, query.limit, carried(actor), itemIn(query.language));
  return { ...page, unread: Number(unread.n) };
}

/** POST /messages/{id}/read: once; a repeat answers the message as first marked. The read is logged. */
export async function markRead(
  deps: AppDeps,
  actor: Actor,
  id: string,
  language: Language,
): Promise<InboxItem> {
  const itemOf = itemIn(language);
  return deps.db.transaction().execute(async (tx) => {
    const row = isWorker(actor)
      ? await tx
          .selectFrom('subject_message as m')
          .innerJoin('dossier as x', 'x.id', 'm.dossier_id')
          .innerJoin('dossier_subject as s', 's.dossier_id', 'm.dossier_id')
          .select(COLUMNS)
          .where('m.id', '=', id)
          .where('s.user_id', '=', actor.userId)
          .forUpdate('m')
          .executeTakeFirst()
      : await tx
          .selectFrom('inbox_message as m')
          .innerJoin('dossier as x', 'x.id', 'm.dossier_id')
          .select(COLUMNS)
          .where('m.id', '=', id)
          .where('m.recipient_organisation_id', '=', actor.organisation.id)
          .forUpdate('m')
          .executeTakeFirst();
    const [visible] = row
      ? await throughGate(tx, actor, deps.clock, [row], (m) => m.dossier_id, carried(actor))
      : [];
    if (!visible) throw new AppError('not_found');
    if (visible.read_at) return itemOf(visible);
    const now = deps.clock.now();
    if (isWorker(actor)) {
      await tx.updateTable('subject_message').set({ read_at: now }).where('id', '=', id).execute();
    } else {
      await tx
        .updateTable('inbox_message')
        .set({ read_at: now, read_by_user_id: actor.userId })
        .where('id', '=', id)
        .execute();
    }
    return itemOf({ ...visible, read_at: now });
  });
}
