import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import type { CommitteeBody, CommitteeSeat, Meeting } from '../contract/committee.js';

/*
 * The management committee of Art. 30 through the API: each body designates its representative and
 * substitute; a meeting's votes count an absolute majority of the six seats, a substitute voting
 * only for an absent representative of the same body.
 */

let platform: TestPlatform;
let secretariat: Client;
let dvz: Client;
const bodies: Record<CommitteeBody, Client> = {} as never;
const member: Record<string, string> = {};

const key = (body: CommitteeBody, seat: CommitteeSeat) => `${body}:${seat}`;

beforeAll(async () => {
  platform = await startPlatform();
  const [d, fl, wa, br, ob, op, co] = await platform.loginAll([
    'dvz',
    'flanders',
    'wallonia',
    'brussels',
    'ostbelgien',
    'operator',
    'committee',
  ] as const);
  dvz = d;
  secretariat = co;
  Object.assign(bodies, { dvz: d, flanders: fl, wallonia: wa, brussels: br, ostbelgien: ob, onss: op });
  for (const [body, client] of Object.entries(bodies) as [CommitteeBody, Client][]) {
    for (const seat of ['representative', 'substitute'] as const) {
      const res = await client.post('/api/v1/committee/members', {
        seat,
        name: `${seat === 'representative' ? 'Rep' : 'Sub'} ${body} (fictitious)`,
        designatedOn: '2026-01-01',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.body).toBe(body);
      member[key(body, seat)] = res.body.id;
    }
  }
});

afterAll(() => platform.close());

const m = (body: CommitteeBody, seat: CommitteeSeat) => member[key(body, seat)] ?? '';

describe('designations (Art. 30 §1)', () => {
  it('lists one representative and one substitute per body, six seats, four votes to decide', async () => {
    const res = await dvz.get('/api/v1/committee/members');
    expect(res.status).toBe(200);
    expect(res.body.seats).toBe(6);
    expect(res.body.majority).toBe(4);
    expect(res.body.members).toHaveLength(12);
  });

  it('a body designates only its own members, the secretariat nobody', async () => {
    const res = await secretariat.post('/api/v1/committee/members', {
      seat: 'representative',
      name: 'Someone (fictitious)',
      designatedOn: '2026-01-01',
    });
    expect(res.status).toBe(403);
  });

  it('a new designation replaces the sitting one, which ends the day before', async () => {
    const res = await bodies.ostbelgien.post('/api/v1/committee/members', {
      seat: 'substitute',
      name: 'Second sub ostbelgien (fictitious)',
      designatedOn: '2026-06-01',
    });
    expect(res.status).toBe(201);
    const list = await dvz.get('/api/v1/committee/members');
    const old = list.body.members.find((x: { id: string }) => x.id === m('ostbelgien', 'substitute'));
    expect(old.endedOn).toBe('2026-05-31');
  });
});

describe('a meeting and its votes (Art. 30 §3)', () => {
  let meeting: Meeting;
  const url = () => `/api/v1/committee/meetings/${meeting.id}`;
  const item = (n: number) => meeting.agenda[n]?.id ?? '';
  const vote = (n: number, memberId: string, choice: string) =>
    secretariat.post(`${url()}/items/${item(n)}/votes`, { memberId, choice });

  beforeAll(async () => {
    const res = await secretariat.post('/api/v1/committee/meetings', {
      heldOn: '2026-11-20',
      title: 'Quarterly meeting (fictitious)',
      agenda: [
        { title: 'Operational figures', kind: 'information' },
        { title: 'Broad reading of Art. 25', kind: 'decision' },
        { title: 'Cost key 2026', kind: 'decision' },
        { title: 'Meeting calendar', kind: 'decision' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    meeting = res.body;
    // Brussels sends nobody; Flanders and ONSS send their substitutes; Wallonia sends both.
    const present = [
      m('dvz', 'representative'),
      m('flanders', 'substitute'),
      m('wallonia', 'representative'),
      m('wallonia', 'substitute'),
      m('ostbelgien', 'representative'),
      m('onss', 'substitute'),
    ];
    const absent = [
      m('flanders', 'representative'),
      m('brussels', 'representative'),
      m('brussels', 'substitute'),
      m('onss', 'representative'),
    ];
    const att = await secretariat.put(`${url()}/attendance`, {
      attendance: [
        ...present.map((id) => ({ memberId: id, present: true })),
        ...absent.map((id) => ({ memberId: id, present: false })),
      ],
    });
    expect(att.status, JSON.stringify(att.body)).toBe(200);
    meeting = att.body;
  });

  it('the substitute sits for an absent representative, the representative when present', () => {
    const sitting = Object.fromEntries(meeting.sitting.map((s) => [s.body, s.memberId]));
    expect(sitting).toEqual({
      dvz: m('dvz', 'representative'),
      flanders: m('flanders', 'substitute'),
      wallonia: m('wallonia', 'representative'),
      brussels: null,
      ostbelgien: m('ostbelgien', 'representative'),
      onss: m('onss', 'substitute'),
    });
  });

  it('a substitute whose representative is present cannot vote, nor an absent member', async () => {
    const sub = await vote(1, m('wallonia', 'substitute'), 'yes');
    expect(sub.status).toBe(409);
    expect(sub.body.type).toContain('committee_member_not_sitting');
    expect((await vote(1, m('flanders', 'representative'), 'yes')).status).toBe(409);
    expect((await vote(1, m('brussels', 'substitute'), 'yes')).status).toBe(409);
  });

  it('three yes of five present is not an absolute majority of the six seats: rejected', async () => {
    for (const [id, choice] of [
      [m('dvz', 'representative'), 'yes'],
      [m('flanders', 'substitute'), 'yes'],
      [m('onss', 'substitute'), 'yes'],
      [m('wallonia', 'representative'), 'no'],
      [m('ostbelgien', 'representative'), 'abstain'],
    ] as const) {
      const res = await vote(1, id, choice);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const closed = await secretariat.post(`${url()}/items/${item(1)}/close`);
    expect(closed.status).toBe(200);
    const decided = (closed.body as Meeting).agenda[1];
    expect(decided?.tally).toEqual({
      yes: 3,
      no: 1,
      abstain: 1,
      notVoting: 1,
      seats: 6,
      needed: 4,
      adopted: false,
    });
    expect(decided?.outcome).toBe('rejected');
  });

  it('a seat votes once: the substitute who voted cannot vote again, four yes carry the decision', async () => {
    expect((await vote(2, m('flanders', 'substitute'), 'yes')).status).toBe(200);
    const again = await vote(2, m('flanders', 'substitute'), 'no');
    expect(again.status).toBe(409);
    expect(again.body.type).toContain('committee_seat_already_voted');
    for (const id of [m('dvz', 'representative'), m('wallonia', 'representative'), m('onss', 'substitute')]) {
      expect((await vote(2, id, 'yes')).status).toBe(200);
    }
    expect((await vote(2, m('ostbelgien', 'representative'), 'no')).status).toBe(200);
    const closed = await secretariat.post(`${url()}/items/${item(2)}/close`);
    expect((closed.body as Meeting).agenda[2]?.outcome).toBe('adopted');
    expect((closed.body as Meeting).agenda[2]?.votes.find((v) => v.body === 'flanders')?.seat).toBe(
      'substitute',
    );
  });

  it('a tie is not a majority', async () => {
    for (const [id, choice] of [
      [m('dvz', 'representative'), 'yes'],
      [m('wallonia', 'representative'), 'yes'],
      [m('flanders', 'substitute'), 'no'],
      [m('onss', 'substitute'), 'no'],
    ] as const) {
      expect((await vote(3, id, choice)).status).toBe(200);
    }
    const read = await dvz.get(url());
    expect(read.body.agenda[3].tally).toMatchObject({ yes: 2, no: 2, adopted: false });
    // Attendance is fixed once votes are cast.
    const att = await secretariat.put(`${url()}/attendance`, {
      attendance: [{ memberId: m('brussels', 'representative'), present: true }],
    });
    expect(att.status).toBe(409);
    // Minutes cannot close while a vote is open.
    const early = await secretariat.put(`${url()}/minutes`, { minutes: 'Draft.', close: true });
    expect(early.body.type).toContain('committee_votes_open');
    await secretariat.post(`${url()}/items/${item(3)}/close`);
    const done = await secretariat.put(`${url()}/minutes`, { minutes: 'Minutes (fictitious).', close: true });
    expect(done.status).toBe(200);
    expect(done.body.agenda[3].outcome).toBe('rejected');
    const late = await vote(3, m('ostbelgien', 'representative'), 'yes');
    expect(late.body.type).toContain('committee_meeting_closed');
  });

  it('the record is kept by the secretariat and read by the bodies, not by applicants', async () => {
    expect(
      (
        await bodies.flanders.post('/api/v1/committee/meetings', {
          heldOn: '2026-12-01',
          title: 'x',
          agenda: [{ title: 'y', kind: 'decision' }],
        })
      ).status,
    ).toBe(403);
    expect((await bodies.brussels.get(url())).status).toBe(200);
    const employer = await platform.login('employer');
    expect((await employer.get(url())).status).toBe(403);
  });
});
