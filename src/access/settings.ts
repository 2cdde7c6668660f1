import { actedBy, appendAudit } from '../audit/audit.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { INSPECTION_READINGS, type InspectionReading } from './policy.js';

/**
 * Settings of the access policy that the agreement leaves to a later decision (Art. 30 §2). Each is
 * recorded with the decision that fixed it; without one the narrower reading applies.
 */
export interface PolicySettingView {
  name: 'inspection_reading';
  value: InspectionReading;
  /** The decision that fixed it; null while the default (the narrower reading) applies. */
  decision: { reference: string; decidedOn: string; recordedAt: string } | null;
}

const isReading = (v: string): v is InspectionReading =>
  (INSPECTION_READINGS as readonly string[]).includes(v);

/** The reading of Art. 25 in force: narrow unless a recorded decision says broad. */
export async function inspectionReading(db: Queryable): Promise<InspectionReading> {
  const row = await db
    .selectFrom('policy_setting')
    .select('value')
    .where('name', '=', 'inspection_reading')
    .executeTakeFirst();
  return row && isReading(row.value) ? row.value : 'narrow';
}

export async function policySettings(db: Queryable): Promise<PolicySettingView[]> {
  const row = await db
    .selectFrom('policy_setting')
    .selectAll()
    .where('name', '=', 'inspection_reading')
    .executeTakeFirst();
  return [
    {
      name: 'inspection_reading',
      value: row && isReading(row.value) ? row.value : 'narrow',
      decision: row
        ? {
            reference: row.decision_reference,
            decidedOn: row.decided_on,
            recordedAt: row.recorded_at.toISOString(),
          }
        : null,
    },
  ];
}

/** The operator records the committee's decision on a setting; the audit trail keeps each change. */
export async function recordPolicySetting(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  input: { value: InspectionReading; decisionReference: string; decidedOn: string },
): Promise<PolicySettingView[]> {
  const now = clock.now();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('policy_setting')
      .values({
        name: 'inspection_reading',
        value: input.value,
        decision_reference: input.decisionReference,
        decided_on: input.decidedOn,
        recorded_by: actor.userId,
        recorded_at: now,
      })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({
          value: input.value,
          decision_reference: input.decisionReference,
          decided_on: input.decidedOn,
          recorded_by: actor.userId,
          recorded_at: now,
        }),
      )
      .execute();
    await appendAudit(
      tx,
      actedBy(actor, now, 'policy_setting_recorded', {
        details: {
          name: 'inspection_reading',
          value: input.value,
          decisionReference: input.decisionReference,
          decidedOn: input.decidedOn,
        },
      }),
    );
  });
  return policySettings(db);
}
