import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceInput,
  CommitteeMember,
  CommitteeMembers,
  DesignationInput,
  Meeting,
  MeetingInput,
  MeetingList,
  MinutesInput,
  OperationalFigures,
  VoteInput,
} from '../contract/committee.js';
import { LegalDate } from '../contract/views.js';
import type { AppDeps } from '../deps.js';
import { actorOf } from '../identity/request.js';
import { operationalFigures } from './figures.js';
import {
  castVote,
  closeVote,
  convene,
  listMeetings,
  readMeeting,
  recordAttendance,
  writeMinutes,
} from './meetings.js';
import { designate, listMembers } from './members.js';

const readers = {
  who: 'signed_in',
  kinds: ['management_committee', 'dvz', 'regional_authority', 'onss'],
  why: 'the committee’s members, and the designating bodies they act for (Art. 30 §1-2)',
} as const;

const designatingBodies = {
  who: 'signed_in',
  kinds: ['dvz', 'regional_authority', 'onss'],
  why: 'each designating body names its own representative and substitute (Art. 30 §1)',
} as const;

const secretariat = {
  who: 'signed_in',
  kinds: ['management_committee'],
  why: 'the committee’s secretariat keeps its record: meetings, attendance, votes and minutes (Art. 30 §2-3); the role is checked per call',
} as const;

const MeetingParams = z.object({ id: z.uuid() });
const ItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

/** The management committee of Art. 30: its members, meetings, votes and the figures it follows. */
export function committeeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/committee/members',
      {
        config: { permission: readers },
        schema: {
          tags: ['committee'],
          summary: 'Every designation, with the seats and the majority a decision needs',
          response: { 200: CommitteeMembers },
        },
      },
      async () => listMembers(deps.db),
    );

    app.post(
      '/committee/members',
      {
        config: { permission: designatingBodies },
        schema: {
          tags: ['committee'],
          summary:
            'Designate the caller’s body’s representative or substitute; the one replaced leaves the day before',
          body: DesignationInput,
          response: { 201: CommitteeMember },
        },
      },
      async (request, reply) => reply.code(201).send(await designate(deps, actorOf(request), request.body)),
    );

    app.get(
      '/committee/meetings',
      {
        config: { permission: readers },
        schema: {
          tags: ['committee'],
          summary: 'The meetings, newest first',
          response: { 200: MeetingList },
        },
      },
      async () => listMeetings(deps.db),
    );

    app.post(
      '/committee/meetings',
      {
        config: { permission: secretariat },
        schema: {
          tags: ['committee'],
          summary: 'Convene a meeting with its agenda',
          body: MeetingInput,
          response: { 201: Meeting },
        },
      },
      async (request, reply) => reply.code(201).send(await convene(deps, actorOf(request), request.body)),
    );

    app.get(
      '/committee/meetings/:id',
      {
        config: { permission: readers },
        schema: {
          tags: ['committee'],
          summary: 'A meeting: agenda, attendance, who sits for each body, votes with their tally, minutes',
          params: MeetingParams,
          response: { 200: Meeting },
        },
      },
      async (request) => readMeeting(deps.db, request.params.id),
    );

    app.put(
      '/committee/meetings/:id/attendance',
      {
        config: { permission: secretariat },
        schema: {
          tags: ['committee'],
          summary: 'Record who attended; fixed once a vote is cast',
          params: MeetingParams,
          body: AttendanceInput,
          response: { 200: Meeting },
        },
      },
      async (request) => recordAttendance(deps, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/committee/meetings/:id/items/:itemId/votes',
      {
        config: { permission: secretariat },
        schema: {
          tags: ['committee'],
          summary:
            'Record the vote of the member sitting for a body (the substitute only in the representative’s absence)',
          params: ItemParams,
          body: VoteInput,
          response: { 200: Meeting },
        },
      },
      async (request) =>
        castVote(deps, actorOf(request), request.params.id, request.params.itemId, request.body),
    );

    app.post(
      '/committee/meetings/:id/items/:itemId/close',
      {
        config: { permission: secretariat },
        schema: {
          tags: ['committee'],
          summary: 'Close an item’s vote: adopted with an absolute majority of the seats, else rejected',
          params: ItemParams,
          response: { 200: Meeting },
        },
      },
      async (request) => closeVote(deps, actorOf(request), request.params.id, request.params.itemId),
    );

    app.put(
      '/committee/meetings/:id/minutes',
      {
        config: { permission: secretariat },
        schema: {
          tags: ['committee'],
          summary: 'Write the minutes; closing them freezes the meeting’s record',
          params: MeetingParams,
          body: MinutesInput,
          response: { 200: Meeting },
        },
      },
      async (request) => writeMinutes(deps, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/committee/operations',
      {
        config: { permission: readers },
        schema: {
          tags: ['committee'],
          summary: 'Volumes, deadlines kept, open rights requests and the delivery backlog, counts only',
          querystring: z.object({ from: LegalDate, to: LegalDate }).strict(),
          response: { 200: OperationalFigures },
        },
      },
      async (request) => operationalFigures(deps.db, deps.clock, request.query),
    );
    return Promise.resolve();
  };
}
