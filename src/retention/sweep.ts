import type { AppDeps } from '../deps.js';
import { loadRecords } from '../access/records.js';
import { isLanguage, type Language } from '../contract/language.js';
import { retentionColumns } from '../dossier/dossier.store.js';
import { DRAFT_NOTICE_DAYS, retentionOf } from '../dossier/model/retention.js';
import { addDays, legalDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DRAFT_NOTICE } from '../exchange/notification-texts.js';
import { dueDossiers, staleBatches } from './due.js';
import { purgeDossier, removeLeftovers } from './purge.js';

/*
 * The daily retention sweep (Art. 27 §2, lifecycle.md §1): brings the projected retention of the
 * dossiers a notification changed up to date, tells applicants of idle drafts 30 days before
 * their deletion, deletes every dossier due (one transaction each) and then its files.
 */

export interface SweepReport {
  recomputed: number;
  draftNotices: number;
  deleted: number;
  /** Dossiers whose deletion failed this run; they are tried again by the next. */
  failed: number;
  files: { removed: number; failed: number };
}

type SweepDeps = Pick<AppDeps, 'db' | 'storage' | 'messaging' | 'config'>;

export async function sweepRetention(deps: SweepDeps, now: Date): Promise<SweepReport> {
  // Files a previous run could not remove after its commit come first.
  const files = await removeLeftovers(deps);
  const recomputed = await recomputeRetention(deps);
  const draftNotices = await noticeIdleDrafts(deps, now);
  let deleted = 0;
  let failed = 0;
  for (const due of await dueDossiers(deps.db, now, { recomputed: true })) {
    try {
      const purged = await purgeDossier(deps, due.dossierId, now);
      if (!purged) continue;
      deleted += 1;
      const after = await removeLeftovers(deps, purged);
      files.removed += after.removed;
      files.failed += after.failed;
    } catch {
      // One dossier's failure (its transaction rolled back whole) does not stop the others.
      failed += 1;
    }
  }
  return { recomputed, draftNotices, deleted, failed, files };
}

/**
 * A notification arriving after the last action (the dispatcher records it) does not touch the
 * projection: dossiers never computed or waiting for a notification are folded again here.
 */
export async function recomputeRetention(deps: Pick<AppDeps, 'db'>): Promise<number> {
  let changed = 0;
  for await (const batch of staleBatches(deps.db)) {
    changed += await deps.db.transaction().execute(async (tx) => {
      const records = await loadRecords(
        tx,
        batch.map((b) => b.id),
        true,
      );
      let n = 0;
      for (const record of records) {
        const columns = retentionColumns(retentionOf(record));
        const before = batch.find((b) => b.id === record.id)?.retention_rule;
        if (columns.retention_rule === 'pending' && before === 'pending') continue;
        await tx.updateTable('dossier').set(columns).where('id', '=', record.id).execute();
        n += 1;
      }
      return n;
    });
  }
  return changed;
}

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

/**
 * Once per idle period, 30 days before its deletion: a message in the applicant organisation's
 * inbox in the dossier's language, about the draft's last change (the action it tells of).
 */
export async function noticeIdleDrafts(deps: Pick<AppDeps, 'db'>, now: Date): Promise<number> {
  const horizon = addDays(legalDate(now), DRAFT_NOTICE_DAYS);
  const drafts = await deps.db
    .selectFrom('dossier')
    .select(['id', 'reference', 'language', 'applicant_organisation_id', 'retention_until', 'updated_at'])
    .where('retention_rule', '=', 'draft_180d')
    .where('retention_until', '<=', horizon)
    .where((eb) =>
      eb.or([eb('draft_notice_at', 'is', null), eb('draft_notice_at', '<', eb.ref('updated_at'))]),
    )
    .execute();
  let sent = 0;
  for (const d of drafts) {
    await deps.db.transaction().execute(async (tx) => {
      const last = await tx
        .selectFrom('dossier_action')
        .select(['id', 'at'])
        .where('dossier_id', '=', d.id)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!last) return;
      const language: Language = isLanguage(d.language) ? d.language : 'en';
      const vars = { reference: d.reference, date: d.retention_until ?? '', last: legalDate(last.at) };
      await tx
        .insertInto('inbox_message')
        .values({
          id: newId(),
          recipient_organisation_id: d.applicant_organisation_id,
          dossier_id: d.id,
          action_id: last.id,
          language,
          subject: fill(DRAFT_NOTICE.subject[language], vars),
          body: fill(DRAFT_NOTICE.body[language], vars),
          // Rendered again in the reader's language when read (src/exchange/inbox.ts).
          text_kind: 'draft_notice',
          text_vars: JSON.stringify(vars),
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['action_id', 'recipient_organisation_id']).doNothing())
        .execute();
      await tx.updateTable('dossier').set({ draft_notice_at: now }).where('id', '=', d.id).execute();
      sent += 1;
    });
  }
  return sent;
}
