import { sql } from 'kysely';
import type { AppDeps } from '../deps.js';
import type { Queryable, Tx } from '../db/database.js';
import { loadRecords } from '../access/records.js';
import { appendAudit } from '../audit/audit.js';
import { forgetDossierKey } from '../documents/dossier-keys.js';
import { retentionColumns } from '../dossier/dossier.store.js';
import { retentionOf, type Retention } from '../dossier/model/retention.js';
import type { RetentionRule } from '../contract/retention.js';
import { legalDate } from '../platform/clock.js';
import { sha256 } from '../platform/ids.js';
import { draftNoticeServed } from './due.js';
import { journalDeletion } from './journal.js';

/*
 * The deletion of one dossier at the end of its retention (Art. 27 §2, lifecycle.md §1): every row
 * that names it, in one transaction, so a dossier is never half-deleted; then, after commit, the
 * files the database cannot reach (document files, e-mails kept on disk), recorded first as
 * leftovers so a failure is retried by the next run. The audit trail keeps one anonymous entry.
 */

/** Columns that name a dossier row: a table with one of them holds something of the dossier. */
const NAMING_COLUMN = 'dossier_id';
const LINK_COLUMN = 'follows_dossier_id';
/**
 * Tables with a `dossier_id` that the purge leaves, each with why: the trail is append-only and
 * chained (its rows hold ids and codes only, never personal data), and the dossier's own action log
 * and row go last, once everything that refers to them is gone.
 */
const NOT_PURGED_BY_COLUMN = new Set(['audit_trail', 'dossier_action', 'dossier']);

export interface PurgePlan {
  /** Tables naming a dossier, ordered so a table is emptied before any table it references. */
  tables: string[];
  /** Tables with a link to the dossier they follow, set to null instead. */
  links: string[];
}

let cachedPlan: Promise<PurgePlan> | undefined;

/**
 * Found from the database itself, not a list kept by hand: a table added later with a
 * `dossier_id` is purged from the day it exists. Ordered by the foreign keys among them.
 */
export async function purgePlan(db: Queryable): Promise<PurgePlan> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
       and c.column_name in (${NAMING_COLUMN}, ${LINK_COLUMN})`.execute(db);
  const tables = [
    ...new Set(
      columns.rows
        .filter((r) => r.column_name === NAMING_COLUMN && !NOT_PURGED_BY_COLUMN.has(r.table_name))
        .map((r) => r.table_name),
    ),
  ];
  const links = columns.rows.filter((r) => r.column_name === LINK_COLUMN).map((r) => r.table_name);
  const fks = await sql<{ from_table: string; to_table: string }>`
    select c.conrelid::regclass::text as from_table, c.confrelid::regclass::text as to_table
      from pg_constraint c where c.contype = 'f'`.execute(db);
  // A table goes before every table it references (a referencing row must be gone first).
  const ordered: string[] = [];
  let left = tables;
  while (left.length > 0) {
    const free = left.filter(
      (t) => !left.some((u) => u !== t && fks.rows.some((f) => f.from_table === u && f.to_table === t)),
    );
    if (free.length === 0) throw new Error('the tables naming a dossier reference each other in a cycle');
    ordered.push(...free.sort());
    left = left.filter((t) => !free.includes(t));
  }
  return { tables: ordered, links };
}

/** The schema does not change while the process runs; a failed look-up is tried again next time. */
const planOf = (db: Queryable) =>
  (cachedPlan ??= purgePlan(db).catch((e: unknown) => {
    cachedPlan = undefined;
    throw e;
  }));

export interface Purged {
  dossierId: string;
  rule: RetentionRule;
  until: string;
  storageKeys: string[];
  messageIds: string[];
}

/** What the purge of a dossier decides from its record: due, or the retention it has now. */
export function dueRetention(
  retention: Retention,
  today: string,
  draft: { noticeAt: Date | null; updatedAt: Date },
): (Retention & { until: string; rule: RetentionRule }) | undefined {
  const { until, rule } = retention;
  if (!until || !rule || until > today) return undefined;
  if (rule === 'draft_180d' && !draftNoticeServed(draft.noticeAt, draft.updatedAt, today)) return undefined;
  return { ...retention, until, rule };
}

/**
 * Deletes one dossier completely if it is due at `now`, checked again on the locked record (the
 * projected columns may be behind a notification). Returns what was deleted, or nothing.
 */
export async function purgeDossier(deps: Pick<AppDeps, 'db' | 'config'>, dossierId: string, now: Date) {
  const plan = await planOf(deps.db);
  return deps.db.transaction().execute(async (tx): Promise<Purged | undefined> => {
    const [record] = await loadRecords(tx, [dossierId], true);
    if (!record) return undefined;
    const row = await tx
      .selectFrom('dossier')
      .select(['reference', 'draft_notice_at', 'updated_at'])
      .where('id', '=', dossierId)
      .executeTakeFirstOrThrow();
    const retention = retentionOf(record);
    const due = dueRetention(retention, legalDate(now), {
      noticeAt: row.draft_notice_at,
      updatedAt: row.updated_at,
    });
    if (!due) {
      await tx.updateTable('dossier').set(retentionColumns(retention)).where('id', '=', dossierId).execute();
      return undefined;
    }
    // The append-only tables (action log, access log, checks, letters, deliveries) let this
    // transaction delete, and only this one: the setting ends with it.
    await sql`select set_config('single_window.retention_purge', 'on', true)`.execute(tx);
    const purged = await deleteEverything(tx, plan, dossierId, now);
    await appendAudit(tx, {
      at: now,
      kind: 'dossier_deleted',
      dossierId: null,
      details: { referenceHash: sha256(row.reference), rule: due.rule, until: due.until },
    });
    // Outside the database, before the commit: a restored backup deletes it again (decision 0011).
    journalDeletion(deps.config.auditHeadDir, deps.config.auditKey, {
      dossierId,
      referenceHash: sha256(row.reference),
      rule: due.rule,
      until: due.until,
      deletedAt: now.toISOString(),
    });
    return { dossierId, rule: due.rule, until: due.until, ...purged };
  });
}

/**
 * Which of `ids` still name a dossier: a restore (src/backup) deletes again those of the deletion
 * journal that a backup brought back, and loads no key of a dossier the backup does not hold.
 */
export async function existingDossiers(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('dossier')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Every row of the dossier, its key last but one; also what a restore replays (src/backup). */
export async function deleteEverything(tx: Tx, plan: PurgePlan, id: string, now: Date) {
  // What lives outside the database is collected before its rows go, and recorded as owed.
  const storageKeys = (
    await tx.selectFrom('document').select('storage_key').where('dossier_id', '=', id).execute()
  ).map((r) => r.storage_key);
  const messageIds = (
    await tx.selectFrom('notification').select('id').where('dossier_id', '=', id).execute()
  ).map((r) => r.id);
  const leftovers = [
    ...storageKeys.map((key) => ({ kind: 'document_file', key, recorded_at: now })),
    ...messageIds.map((key) => ({ kind: 'message', key, recorded_at: now })),
  ];
  if (leftovers.length > 0)
    await tx
      .insertInto('retention_leftover')
      .values(leftovers)
      .onConflict((oc) => oc.columns(['kind', 'key']).doNothing())
      .execute();

  // Receivers whose organisation had deliveries of the dossier are told it is gone.
  await sql`
    insert into deletion_push (id, subscription_id, deleted_dossier_id, deleted_at, next_attempt_at, created_at)
    select gen_random_uuid(), s.id, ${id}, ${now}, ${now}, ${now}
      from webhook_subscription s
     where s.removed_at is null
       and s.organisation_id in (select d.recipient_organisation_id from delivery d where d.dossier_id = ${id})
    on conflict do nothing`.execute(tx);
  // Pushes hang on the dossier's deliveries, not on the dossier: they go first.
  await tx
    .deleteFrom('webhook_push')
    .where('delivery_id', 'in', (eb) => eb.selectFrom('delivery').select('id').where('dossier_id', '=', id))
    .execute();
  // Replayed answers name the dossier in their route or body, or answered one of its actions.
  await sql`
    delete from idempotency_record r
     where r.route like ${`%${id}%`} or r.body::text like ${`%${id}%`}
        or exists (select 1 from dossier_action a
                    where a.dossier_id = ${id} and a.actor_user_id = r.user_id and a.idempotency_key = r.key)`.execute(
    tx,
  );
  // Rights requests whose every part was about this dossier go with it, messages included.
  const requests = (
    await tx
      .selectFrom('rights_request_part')
      .select('request_id')
      .distinct()
      .where('dossier_id', '=', id)
      .execute()
  ).map((r) => r.request_id);

  for (const table of plan.tables)
    await sql`delete from ${sql.table(table)} where dossier_id = ${id}`.execute(tx);

  if (requests.length > 0) {
    const orphaned = (
      await tx
        .selectFrom('rights_request as q')
        .select('q.id')
        .where('q.id', 'in', requests)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('rights_request_part as p').select('p.id').whereRef('p.request_id', '=', 'q.id'),
            ),
          ),
        )
        .execute()
    ).map((r) => r.id);
    if (orphaned.length > 0) {
      await tx.deleteFrom('rights_message').where('request_id', 'in', orphaned).execute();
      await tx.deleteFrom('rights_request').where('id', 'in', orphaned).execute();
    }
  }
  // A renewal or change of employer that follows it stays, without the link.
  for (const table of plan.links)
    await sql`update ${sql.table(table)} set follows_dossier_id = null where follows_dossier_id = ${id}`.execute(
      tx,
    );
  // Crypto-shredding: from here no copy of its files, in any backup, can be decrypted.
  await forgetDossierKey(tx, id);
  await tx.deleteFrom('dossier_action').where('dossier_id', '=', id).execute();
  await tx.deleteFrom('dossier').where('id', '=', id).execute();
  return { storageKeys, messageIds };
}

/**
 * Removes the files owed by committed purges: document files and e-mails kept on disk; all that
 * are owed, or those of one purge just committed. Each is forgotten as owed only once removed, so
 * a failure now is retried by the next run.
 */
export async function removeLeftovers(
  deps: Pick<AppDeps, 'db' | 'storage' | 'messaging'>,
  only?: { storageKeys: string[]; messageIds: string[] },
): Promise<{ removed: number; failed: number }> {
  let files = only?.storageKeys;
  let messages = only?.messageIds;
  if (!only) {
    const owed = await deps.db.selectFrom('retention_leftover').select(['kind', 'key']).execute();
    files = owed.filter((o) => o.kind === 'document_file').map((o) => o.key);
    messages = owed.filter((o) => o.kind === 'message').map((o) => o.key);
  }
  const counts = { removed: 0, failed: 0 };
  const settle = async (kind: string, keys: string[]) => {
    if (keys.length === 0) return;
    await deps.db
      .deleteFrom('retention_leftover')
      .where('kind', '=', kind)
      .where('key', 'in', keys)
      .execute();
    counts.removed += keys.length;
  };
  const gone: string[] = [];
  for (const key of files ?? []) {
    try {
      await deps.storage.remove(key);
      gone.push(key);
    } catch {
      counts.failed += 1;
    }
  }
  await settle('document_file', gone);
  if (messages && messages.length > 0) {
    try {
      await deps.messaging.forget?.(messages);
      await settle('message', messages);
    } catch {
      counts.failed += messages.length;
    }
  }
  return counts;
}
