import { z } from 'zod';
import { Instant, LegalDate } from './views.js';

/**
 * The designating bodies of Art. 30 §1: DVZ (1°), the regional authorities (2°; Art. 1 17° counts
 * the German-speaking Community among them) and ONSS (3°). Each holds one seat.
 */
export const COMMITTEE_BODIES = ['dvz', 'flanders', 'wallonia', 'brussels', 'ostbelgien', 'onss'] as const;
export const CommitteeBody = z.enum(COMMITTEE_BODIES);
export type CommitteeBody = z.infer<typeof CommitteeBody>;

export const COMMITTEE_SEATS = ['representative', 'substitute'] as const;
export const CommitteeSeat = z.enum(COMMITTEE_SEATS);
export type CommitteeSeat = z.infer<typeof CommitteeSeat>;

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
export const VoteChoice = z.enum(VOTE_CHOICES);
export type VoteChoice = z.infer<typeof VoteChoice>;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** POST /committee/members: a body designates its representative or substitute (Art. 30 §1). */
export const DesignationInput = z
  .object({
    seat: CommitteeSeat,
    name: Text(200),
    /** The account through which the member reads the committee's pages, if they have one. */
    username: z.string().max(100).optional(),
    designatedOn: LegalDate,
  })
  .strict();
export type DesignationInput = z.infer<typeof DesignationInput>;

export const CommitteeMember = z.object({
  id: z.uuid(),
  body: CommitteeBody,
  seat: CommitteeSeat,
  name: z.string(),
  designatedOn: LegalDate,
  endedOn: LegalDate.nullable(),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;

export const CommitteeMembers = z.object({
  members: z.array(CommitteeMember),
  /** The seats of Art. 30 §1, one per designating body. */
  seats: z.number().int(),
  /** Yes votes a decision needs: an absolute majority of the seats (Art. 30 §3, docs/committee.md). */
  majority: z.number().int(),
});
export type CommitteeMembers = z.infer<typeof CommitteeMembers>;

export const AgendaItemInput = z
  .object({ title: Text(300), kind: z.enum(['information', 'decision']) })
  .strict();

/** POST /committee/meetings: the secretariat convenes a meeting with its agenda. */
export const MeetingInput = z
  .object({
    heldOn: LegalDate,
    title: Text(200),
    urgent: z.boolean().default(false),
    agenda: z.array(AgendaItemInput).min(1).max(30),
  })
  .strict();
export type MeetingInput = z.infer<typeof MeetingInput>;

export const AttendanceInput = z
  .object({
    attendance: z
      .array(z.object({ memberId: z.uuid(), present: z.boolean() }).strict())
      .min(1)
      .max(20),
  })
  .strict();
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const VoteInput = z.object({ memberId: z.uuid(), choice: VoteChoice }).strict();
export type VoteInput = z.infer<typeof VoteInput>;

export const MinutesInput = z.object({ minutes: Text(20000), close: z.boolean().default(false) }).strict();
export type MinutesInput = z.infer<typeof MinutesInput>;

/** The count of a decision item under the rule of Art. 30 §3 as the platform applies it. */
export const Tally = z.object({
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  /** Seats that cast no vote: neither the representative nor the substitute sat, or did not vote. */
  notVoting: z.number().int(),
  seats: z.number().int(),
  needed: z.number().int(),
  adopted: z.boolean(),
});
export type Tally = z.infer<typeof Tally>;

export const AgendaItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  kind: z.enum(['information', 'decision']),
  votes: z.array(
    z.object({ body: CommitteeBody, memberId: z.uuid(), seat: CommitteeSeat, choice: VoteChoice }),
  ),
  tally: Tally.nullable(),
  outcome: z.enum(['adopted', 'rejected']).nullable(),
  decidedAt: Instant.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** Who sits for each body at a meeting: the representative if present, else the substitute if present. */
export const Sitting = z.object({
  body: CommitteeBody,
  memberId: z.uuid().nullable(),
  seat: CommitteeSeat.nullable(),
});

export const Meeting = z.object({
  id: z.uuid(),
  heldOn: LegalDate,
  title: z.string(),
  urgent: z.boolean(),
  agenda: z.array(AgendaItem),
  attendance: z.array(z.object({ memberId: z.uuid(), present: z.boolean() })),
  sitting: z.array(Sitting),
  minutes: z.string().nullable(),
  minutesClosedAt: Instant.nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingSummary = Meeting.pick({
  id: true,
  heldOn: true,
  title: true,
  urgent: true,
  minutesClosedAt: true,
});
export const MeetingList = z.object({ meetings: z.array(MeetingSummary) });

/** The platform's operational figures the committee follows (lifecycle.md §4). */
export const OperationalFigures = z.object({
  from: LegalDate,
  to: LegalDate,
  filed: z.number().int(),
  decisions: z.number().int(),
  decisionsWithinDeadline: z.number().int(),
  /** Decisions with a legal deadline the clock measured; the share kept is within / measured. */
  decisionsMeasured: z.number().int(),
  openRightsRequests: z.number().int(),
  overdueRightsRequests: z.number().int(),
  deliveryBacklog: z.number().int(),
  oldestUnacknowledgedDeliveryDays: z.number().int().nullable(),
});
export type OperationalFigures = z.infer<typeof OperationalFigures>;
