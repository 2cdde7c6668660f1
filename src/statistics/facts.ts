import type { Insertable } from 'kysely';
import type { ActionName } from '../contract/actions.js';
import type { FactEvent } from '../contract/statistics.js';
import type { Tx } from '../db/database.js';
import type { DB } from '../db/schema.generated.js';
import { deadlineClock } from '../dossier/model/deadline.js';
import type { ActionRecord } from '../dossier/model/lifecycle.js';
import type { DossierRecord } from '../dossier/model/record.js';
import { daysBetween, legalDate } from '../platform/clock.js';
import { ageBand, iscoSubMajor, naceDivision, validityMonths } from '../rules/statistics-codes.js';

/*
 * The anonymous fact of a transition (lifecycle.md §3): which actions leave one, and what of the
 * dossier it keeps — codes and bands only, never an id, a name, a birth date or a day.
 */

export type FactRow = Insertable<DB['statistic_fact']>;

/** The transitions that leave a fact, and which: one table, read where the action log is appended. */
export const FACT_OF_ACTION: Partial<Record<ActionName, FactEvent>> = {
  submit: 'filed',
  declare_admissible: 'admissibility',
  declare_inadmissible: 'admissibility',
  request_documents: 'documents_requested',
  decide_work: 'decision',
  decide_professional_card: 'decision',
  decide_residence: 'decision',
  withdraw_application: 'application_withdrawn',
  withdraw_work: 'permit_withdrawn',
  withdraw_professional_card: 'permit_withdrawn',
  withdraw_residence: 'permit_withdrawn',
  end_residence: 'permit_ended',
};

const DECISION_KIND: Partial<
  Record<ActionName, 'admissibility' | 'work' | 'residence' | 'professional_card'>
> = {
  declare_admissible: 'admissibility',
  declare_inadmissible: 'admissibility',
  decide_work: 'work',
  decide_professional_card: 'professional_card',
  decide_residence: 'residence',
  withdraw_work: 'work',
  withdraw_professional_card: 'professional_card',
  withdraw_residence: 'residence',
  end_residence: 'residence',
};

const FIXED_OUTCOME: Partial<Record<ActionName, string>> = {
  declare_admissible: 'admissible',
  declare_inadmissible: 'inadmissible',
  withdraw_application: 'withdrawn',
  withdraw_work: 'withdrawn',
  withdraw_professional_card: 'withdrawn',
  withdraw_residence: 'withdrawn',
  end_residence: 'ended',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The fact `logged` leaves on the dossier as it stands after it, or null when the action leaves
 * none. Pure: the same record and action always give the same fact.
 */
export function factOf(after: DossierRecord, logged: ActionRecord): FactRow | null {
  const event = FACT_OF_ACTION[logged.action];
  if (!event) return null;
  const on = legalDate(logged.at);
  const { identity, employment, residence, selfEmployed } = after.sections;
  const payload = logged.payload;
  const outcome = FIXED_OUTCOME[logged.action] ?? str(payload.outcome) ?? null;
  const validFrom = str(payload.validFrom);
  const validUntil = str(payload.validUntil);
  // The time taken counts for the transition that stopped the legal clock (the final answer).
  const stopped = (event === 'decision' || event === 'admissibility') && after.lifecycle.stoppedAt;
  const clock = stopped ? deadlineClock(after.procedure, after.category, after.lifecycle, logged.at) : null;
  return {
    event,
    year: Number(on.slice(0, 4)),
    month: Number(on.slice(5, 7)),
    procedure: after.procedure,
    category: after.category,
    long_term_mobility: after.longTermMobility,
    region: after.region,
    decision_kind: DECISION_KIND[logged.action] ?? null,
    outcome,
    application_kind: applicationKindOf(after),
    reason: after.procedure === 'single_permit' ? (employment?.permitReason ?? 'remunerated') : null,
    validity_months:
      outcome === 'granted' && validFrom && validUntil ? validityMonths(validFrom, validUntil) : null,
    citizenship: identity?.nationality ?? null,
    sex: identity?.sex ?? null,
    age_band: ageBand(identity?.birthDate, on),
    isco2: iscoSubMajor(employment?.iscoCode) ?? null,
    nace_division: naceDivision(employment?.employer?.naceCode ?? selfEmployed?.naceCode) ?? null,
    ict_role: after.category === 'intra_corporate_transferee' ? (employment?.ictRole ?? null) : null,
    previous_member_state: residence?.previousMemberState ?? null,
    ex_officio_category: null,
    days_taken: clock ? daysBetween(clock.startedOn, on) : null,
    deadline_days: clock ? daysBetween(clock.startedOn, clock.dueDate) : null,
    within_deadline: clock ? on <= clock.dueDate : null,
  };
}

/** What the applicant said, or else what the platform knows: a dossier that follows another is its renewal or change. */
function applicationKindOf(record: DossierRecord): 'first' | 'renewal' | 'change_of_employer' {
  const said = record.sections.employment?.applicationKind;
  if (said) return said;
  const follows = record.follows?.kind;
  return follows === 'renewal' || follows === 'change_of_employer' ? follows : 'first';
}

/** Writes the fact of the action, in its transaction: a decision is never without its fact. */
export async function recordFact(tx: Tx, after: DossierRecord, logged: ActionRecord): Promise<void> {
  const fact = factOf(after, logged);
  if (fact) await tx.insertInto('statistic_fact').values(fact).execute();
}
