import { actedBy, appendAudit } from '../audit/audit.js';
import type {
  AttendanceInput,
  CommitteeBody,
  CommitteeSeat,
  Meeting,
  MeetingInput,
  MinutesInput,
  VoteChoice,
  VoteInput,
} from '../contract/committee.js';
import type { Queryable, Tx } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../identity/actor.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { sittingFor, tally, type Attending } from '../rules/committee.js';
import { isSecretariat, membersOn } from './members.js';

/*
 * Meetings of the management committee (Art. 30 §2-3), kept by its secretariat: the agenda, who
 * attended, the vote of each seat on the decision items, and the minutes. Once the minutes are
 * closed the meeting's record no longer changes.
 */

function requireSecretariat(actor: Actor): void {
  if (!isSecretariat(actor)) throw new AppError('action_forbidden');
}

async function openMeeting(tx: Tx, meetingId: string) {
  const meeting = await tx
    .selectFrom('committee_meeting')
    .selectAll()
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst();
  if (!meeting) throw new AppError('not_found');
  if (meeting.minutes_closed_at) throw new AppError('committee_meeting_closed');
  return meeting;
}

async function attendingAt(db: Queryable, meetingId: string, heldOn: string): Promise<Attending[]> {
  const members = await membersOn(db, heldOn);
  const attendance = await db
    .selectFrom('committee_attendance')
    .select(['member_id', 'present'])
    .where('meeting_id', '=', meetingId)
    .execute();
  const present = new Map(attendance.map((a) => [a.member_id, a.present]));
  return members.map((m) => ({
    id: m.id,
    body: m.body as CommitteeBody,
    seat: m.seat as CommitteeSeat,
    present: present.get(m.id) ?? false,
  }));
}

const audited = (tx: Tx, deps: AppDeps, actor: Actor, details: Record<string, string | null>) =>
  appendAudit(tx, actedBy(actor, deps.clock.now(), 'committee_record', { details }));

export async function convene(deps: AppDeps, actor: Actor, input: MeetingInput): Promise<Meeting> {
  requireSecretariat(actor);
  const id = newId();
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('committee_meeting')
      .values({
        id,
        held_on: input.heldOn,
        title: input.title,
        urgent: input.urgent,
        minutes: null,
        minutes_closed_at: null,
        created_by_user_id: actor.userId,
        created_at: deps.clock.now(),
      })
      .execute();
    await tx
      .insertInto('committee_agenda_item')
      .values(
        input.agenda.map((item, index) => ({
          id: newId(),
          meeting_id: id,
          position: index + 1,
          title: item.title,
          kind: item.kind,
          outcome: null,
          decided_at: null,
        })),
      )
      .execute();
    await audited(tx, deps, actor, { meetingId: id, what: 'convened' });
  });
  return readMeeting(deps.db, id);
}

/** Only members whose mandate covers the meeting's day; fixed once a vote has been cast. */
export async function recordAttendance(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  input: AttendanceInput,
): Promise<Meeting> {
  requireSecretariat(actor);
  await deps.db.transaction().execute(async (tx) => {
    const meeting = await openMeeting(tx, meetingId);
    const voted = await tx
      .selectFrom('committee_vote as v')
      .innerJoin('committee_agenda_item as i', 'i.id', 'v.item_id')
      .select('v.item_id')
      .where('i.meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (voted) throw new AppError('committee_attendance_fixed');
    const inOffice = new Set((await membersOn(tx, meeting.held_on)).map((m) => m.id));
    for (const entry of input.attendance) {
      if (!inOffice.has(entry.memberId)) throw new AppError('not_found');
      await tx
        .insertInto('committee_attendance')
        .values({ meeting_id: meetingId, member_id: entry.memberId, present: entry.present })
        .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet({ present: entry.present }))
        .execute();
    }
    await audited(tx, deps, actor, { meetingId, what: 'attendance' });
  });
  return readMeeting(deps.db, meetingId);
}

async function openItem(tx: Tx, meetingId: string, itemId: string) {
  const item = await tx
    .selectFrom('committee_agenda_item')
    .selectAll()
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!item) throw new AppError('not_found');
  if (item.kind !== 'decision' || item.outcome !== null) throw new AppError('committee_item_not_open');
  return item;
}

/**
 * Records the vote a member cast, for their body's seat. Only the member who sits for the body
 * votes: the representative when present, the substitute only in the representative's absence
 * (Art. 30 §1) — and a seat votes once, so both never do.
 */
export async function castVote(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
  input: VoteInput,
): Promise<Meeting> {
  requireSecretariat(actor);
  await deps.db.transaction().execute(async (tx) => {
    const meeting = await openMeeting(tx, meetingId);
    await openItem(tx, meetingId, itemId);
    const attending = await attendingAt(tx, meetingId, meeting.held_on);
    const member = attending.find((m) => m.id === input.memberId);
    if (!member) throw new AppError('not_found');
    if (sittingFor(attending).get(member.body)?.id !== member.id) {
      throw new AppError('committee_member_not_sitting');
    }
    const already = await tx
      .selectFrom('committee_vote')
      .select('member_id')
      .where('item_id', '=', itemId)
      .where('body', '=', member.body)
      .executeTakeFirst();
    if (already) throw new AppError('committee_seat_already_voted');
    await tx
      .insertInto('committee_vote')
      .values({
        item_id: itemId,
        body: member.body,
        member_id: member.id,
        choice: input.choice,
        recorded_at: deps.clock.now(),
      })
      .execute();
    await audited(tx, deps, actor, { meetingId, itemId, what: 'vote', body: member.body });
  });
  return readMeeting(deps.db, meetingId);
}

/** Closes an item's vote: the outcome follows from the tally and is kept as it was then. */
export async function closeVote(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
): Promise<Meeting> {
  requireSecretariat(actor);
  await deps.db.transaction().execute(async (tx) => {
    await openMeeting(tx, meetingId);
    await openItem(tx, meetingId, itemId);
    const votes = await tx
      .selectFrom('committee_vote')
      .select('choice')
      .where('item_id', '=', itemId)
      .execute();
    const result = tally(votes.map((v) => ({ choice: v.choice as VoteChoice })));
    await tx
      .updateTable('committee_agenda_item')
      .set({ outcome: result.adopted ? 'adopted' : 'rejected', decided_at: deps.clock.now() })
      .where('id', '=', itemId)
      .execute();
    await audited(tx, deps, actor, { meetingId, itemId, what: result.adopted ? 'adopted' : 'rejected' });
  });
  return readMeeting(deps.db, meetingId);
}

export async function writeMinutes(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  input: MinutesInput,
): Promise<Meeting> {
  requireSecretariat(actor);
  await deps.db.transaction().execute(async (tx) => {
    await openMeeting(tx, meetingId);
    if (input.close) {
      const open = await tx
        .selectFrom('committee_agenda_item')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .where('kind', '=', 'decision')
        .where('outcome', 'is', null)
        .executeTakeFirst();
      if (open) throw new AppError('committee_votes_open');
    }
    await tx
      .updateTable('committee_meeting')
      .set({ minutes: input.minutes, minutes_closed_at: input.close ? deps.clock.now() : null })
      .where('id', '=', meetingId)
      .execute();
    await audited(tx, deps, actor, { meetingId, what: input.close ? 'minutes_closed' : 'minutes' });
  });
  return readMeeting(deps.db, meetingId);
}

export async function readMeeting(db: Queryable, meetingId: string): Promise<Meeting> {
  const meeting = await db
    .selectFrom('committee_meeting')
    .selectAll()
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new AppError('not_found');
  const items = await db
    .selectFrom('committee_agenda_item')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const votes = await db
    .selectFrom('committee_vote as v')
    .innerJoin('committee_agenda_item as i', 'i.id', 'v.item_id')
    .innerJoin('committee_member as m', 'm.id', 'v.member_id')
    .select(['v.item_id', 'v.body', 'v.member_id', 'v.choice', 'm.seat'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('v.body')
    .execute();
  const attending = await attendingAt(db, meetingId, meeting.held_on);
  const recorded = await db
    .selectFrom('committee_attendance')
    .select(['member_id', 'present'])
    .where('meeting_id', '=', meetingId)
    .execute();
  const sitting = sittingFor(attending);
  return {
    id: meeting.id,
    heldOn: meeting.held_on,
    title: meeting.title,
    urgent: meeting.urgent,
    agenda: items.map((item) => {
      const own = votes
        .filter((v) => v.item_id === item.id)
        .map((v) => ({
          body: v.body as CommitteeBody,
          memberId: v.member_id,
          seat: v.seat as CommitteeSeat,
          choice: v.choice as VoteChoice,
        }));
      return {
        id: item.id,
        position: item.position,
        title: item.title,
        kind: item.kind as 'information' | 'decision',
        votes: own,
        tally: item.kind === 'decision' ? tally(own) : null,
        outcome: item.outcome as 'adopted' | 'rejected' | null,
        decidedAt: item.decided_at?.toISOString() ?? null,
      };
    }),
    attendance: recorded.map((r) => ({ memberId: r.member_id, present: r.present })),
    sitting: [...sitting].map(([body, m]) => ({ body, memberId: m?.id ?? null, seat: m?.seat ?? null })),
    minutes: meeting.minutes,
    minutesClosedAt: meeting.minutes_closed_at?.toISOString() ?? null,
  };
}

export async function listMeetings(db: Queryable) {
  const rows = await db
    .selectFrom('committee_meeting')
    .select(['id', 'held_on', 'title', 'urgent', 'minutes_closed_at'])
    .orderBy('held_on', 'desc')
    .limit(200)
    .execute();
  return {
    meetings: rows.map((r) => ({
      id: r.id,
      heldOn: r.held_on,
      title: r.title,
      urgent: r.urgent,
      minutesClosedAt: r.minutes_closed_at?.toISOString() ?? null,
    })),
  };
}
