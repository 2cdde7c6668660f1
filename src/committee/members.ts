import type { Selectable } from 'kysely';
import { actedBy, appendAudit } from '../audit/audit.js';
import type {
  CommitteeBody,
  CommitteeMember,
  CommitteeMembers,
  CommitteeSeat,
  DesignationInput,
} from '../contract/committee.js';
import type { Queryable } from '../db/database.js';
import type { CommitteeMember as MemberRow } from '../db/schema.generated.js';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../identity/actor.js';
import { addDays, legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { COMMITTEE_RULE, majorityOf } from '../rules/committee.js';

/**
 * The body an organisation designates for (Art. 30 §1): DVZ, ONSS, or a regional authority for
 * its region. Any other organisation designates nobody.
 */
export function bodyOf(actor: Actor): CommitteeBody | null {
  const { kind, region } = actor.organisation;
  if (kind === 'dvz' || kind === 'onss') return kind;
  if (kind === 'regional_authority' && region) return region;
  return null;
}

/**
 * The committee's record is kept by its secretariat: the agreement names none, and the operator
 * (ONSS) holds a seat of its own, so keeping the record is a role in the committee organisation.
 */
export const isSecretariat = (actor: Actor): boolean =>
  actor.organisation.kind === 'management_committee' && actor.roles.includes('secretariat');

export const memberOf = (row: Selectable<MemberRow>): CommitteeMember => ({
  id: row.id,
  body: row.body as CommitteeBody,
  seat: row.seat as CommitteeSeat,
  name: row.name,
  designatedOn: row.designated_on,
  endedOn: row.ended_on,
});

/** Every designation, sitting ones first; the other bodies read it here (Art. 30 §1, "informs"). */
export async function listMembers(db: Queryable): Promise<CommitteeMembers> {
  const rows = await db
    .selectFrom('committee_member')
    .selectAll()
    .orderBy('body')
    .orderBy('seat')
    .orderBy('designated_on', 'desc')
    .execute();
  return {
    members: rows.map(memberOf),
    seats: COMMITTEE_RULE.seats,
    majority: majorityOf(COMMITTEE_RULE.seats),
  };
}

/**
 * A body designates its representative or substitute; the one it replaces leaves the day before.
 * Only the body itself designates (Art. 30 §1: "the designating body designates at the same time
 * a substitute"), so a region can never name another region's member.
 */
export async function designate(
  deps: AppDeps,
  actor: Actor,
  input: DesignationInput,
): Promise<CommitteeMember> {
  const body = bodyOf(actor);
  if (!body) throw new AppError('action_forbidden');
  return deps.db.transaction().execute(async (tx) => {
    let userId: string | null = null;
    if (input.username) {
      const user = await tx
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (!user) throw new AppError('not_found');
      userId = user.id;
    }
    const current = await tx
      .selectFrom('committee_member')
      .select(['id', 'designated_on'])
      .where('body', '=', body)
      .where('seat', '=', input.seat)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (current) {
      const dayBefore = addDays(input.designatedOn, -1);
      await tx
        .updateTable('committee_member')
        .set({ ended_on: dayBefore < current.designated_on ? current.designated_on : dayBefore })
        .where('id', '=', current.id)
        .execute();
    }
    const now = deps.clock.now();
    const row = {
      id: newId(),
      body,
      seat: input.seat,
      name: input.name,
      user_id: userId,
      designated_on: input.designatedOn,
      ended_on: null,
      designated_by_user_id: actor.userId,
      created_at: now,
    };
    await tx.insertInto('committee_member').values(row).execute();
    await appendAudit(
      tx,
      actedBy(actor, now, 'committee_designation', {
        details: {
          memberId: row.id,
          body,
          seat: input.seat,
          designatedOn: input.designatedOn,
          replaced: current?.id ?? null,
        },
      }),
    );
    return memberOf(row);
  });
}

/** The members whose mandate covers a day: the ones who may attend a meeting held on it. */
export async function membersOn(db: Queryable, day: string): Promise<Selectable<MemberRow>[]> {
  return db
    .selectFrom('committee_member')
    .selectAll()
    .where('designated_on', '<=', day)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', day)]))
    .execute();
}

export const today = (deps: AppDeps): string => legalDate(deps.clock.now());
