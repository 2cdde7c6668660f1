import {
  COMMITTEE_BODIES,
  type CommitteeBody,
  type CommitteeSeat,
  type Tally,
  type VoteChoice,
} from '../contract/committee.js';

/**
 * How the management committee decides (Art. 30 §3: "the representatives take decisions by
 * absolute majority"; the voting arrangements are left to an implementing agreement that does not
 * exist yet). The platform reads "absolute majority of the representatives" as more than half of
 * the seats — one per designating body — not of those present or voting: an abstention, an absent
 * seat and a tie all fail to carry a decision. The agreement provides for no consensus or weighted
 * vote, so none is modelled. See docs/committee.md.
 */
export const COMMITTEE_RULE = {
  seats: COMMITTEE_BODIES.length,
  basis: 'seats' as const,
  legalSource:
    'Cooperation agreement of 31 January 2025, Art. 30 §1 (one representative and one substitute per designating body: DVZ, the regional authorities, ONSS) and §3 (absolute majority); voting arrangements to be set by an implementing agreement',
};

/** Yes votes needed: more than half of the seats. */
export const majorityOf = (seats: number): number => Math.floor(seats / 2) + 1;

export interface Attending {
  id: string;
  body: CommitteeBody;
  seat: CommitteeSeat;
  present: boolean;
}

/**
 * Who holds each seat's vote at a meeting (Art. 30 §1: the substitute takes the place of the
 * representative who is prevented): the representative when present, else the substitute when
 * present, else nobody.
 */
export function sittingFor(members: readonly Attending[]): Map<CommitteeBody, Attending | null> {
  const sitting = new Map<CommitteeBody, Attending | null>();
  for (const body of COMMITTEE_BODIES) {
    const ofBody = members.filter((m) => m.body === body && m.present);
    sitting.set(
      body,
      ofBody.find((m) => m.seat === 'representative') ?? ofBody.find((m) => m.seat === 'substitute') ?? null,
    );
  }
  return sitting;
}

/** The count of a decision item: one vote per seat at most, adopted with an absolute majority of the seats. */
export function tally(votes: readonly { choice: VoteChoice }[], seats = COMMITTEE_RULE.seats): Tally {
  const count = (choice: VoteChoice) => votes.filter((v) => v.choice === choice).length;
  const yes = count('yes');
  const needed = majorityOf(seats);
  return {
    yes,
    no: count('no'),
    abstain: count('abstain'),
    notVoting: seats - votes.length,
    seats,
    needed,
    adopted: yes >= needed,
  };
}
