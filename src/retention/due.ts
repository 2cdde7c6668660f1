import type { Queryable } from '../db/database.js';
import { loadRecords } from '../access/records.js';
import { DRAFT_NOTICE_DAYS, retentionOf } from '../dossier/model/retention.js';
import { RETENTION_RULES, type RetentionRule } from '../contract/retention.js';
import { addDays, legalDate } from '../platform/clock.js';

/*
 * What the next run of the sweep deletes, and why (lifecycle.md §1). One function answers both the
 * sweep and the dry run, so the list shown is the list deleted. It names dossiers by reference,
 * rule and date only: nothing of their content.
 */

export interface DueDossier {
  dossierId: string;
  reference: string;
  rule: RetentionRule;
  until: string;
}

/**
 * A draft is deleted only once its applicant was told, at least 30 days before, about this idle
 * period (a notice older than the last change told of an earlier one). A sweep that did not run
 * on the 150th day therefore gives the applicant their 30 days from the day it did.
 */
export function draftNoticeServed(noticeAt: Date | null, updatedAt: Date, today: string): boolean {
  return (
    noticeAt !== null &&
    noticeAt.getTime() >= updatedAt.getTime() &&
    legalDate(noticeAt) <= addDays(today, -DRAFT_NOTICE_DAYS)
  );
}

const BATCH = 500;

const isRule = (v: string | null): v is RetentionRule =>
  v !== null && (RETENTION_RULES as readonly string[]).includes(v);

/**
 * The dossiers due at `now`: those whose projected date has come, and, unless `recomputed`, those
 * whose retention the sweep would recompute first (a notification arrived since the last action).
 */
export async function dueDossiers(
  db: Queryable,
  now: Date,
  options: { recomputed?: boolean } = {},
): Promise<DueDossier[]> {
  const today = legalDate(now);
  const rows = await db
    .selectFrom('dossier')
    .select(['id', 'reference', 'retention_until', 'retention_rule', 'draft_notice_at', 'updated_at'])
    .where('retention_until', '<=', today)
    .where('retention_rule', 'in', RETENTION_RULES)
    .orderBy('retention_until')
    .orderBy('reference')
    .execute();
  const due: DueDossier[] = [];
  for (const r of rows) {
    if (!r.retention_until || !isRule(r.retention_rule)) continue;
    if (r.retention_rule === 'draft_180d' && !draftNoticeServed(r.draft_notice_at, r.updated_at, today))
      continue;
    due.push({ dossierId: r.id, reference: r.reference, rule: r.retention_rule, until: r.retention_until });
  }
  if (options.recomputed) return due;
  // Not yet projected: folded here as the sweep will fold them, without writing anything.
  for await (const batch of staleBatches(db)) {
    const records = await loadRecords(
      db,
      batch.map((b) => b.id),
      false,
    );
    for (const record of records) {
      const retention = retentionOf(record);
      const row = batch.find((b) => b.id === record.id);
      if (!retention.until || !retention.rule || retention.until > today || !row) continue;
      if (retention.rule === 'draft_180d' && !draftNoticeServed(row.draft_notice_at, row.updated_at, today))
        continue;
      due.push({
        dossierId: record.id,
        reference: record.reference,
        rule: retention.rule,
        until: retention.until,
      });
    }
  }
  return due.sort((a, b) => a.until.localeCompare(b.until) || a.reference.localeCompare(b.reference));
}

/** Dossiers whose retention was never computed or waits for a notification, in batches by id. */
export async function* staleBatches(db: Queryable) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db
      .selectFrom('dossier')
      .select(['id', 'retention_rule', 'draft_notice_at', 'updated_at'])
      .where((eb) => eb.or([eb('retention_rule', 'is', null), eb('retention_rule', '=', 'pending')]))
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (batch.length === 0) return;
    yield batch;
    after = batch.at(-1)?.id ?? after;
    if (batch.length < BATCH) return;
  }
}
