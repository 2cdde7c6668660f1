import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { listDossiers, openUnlogged, readAccessLog, readDossier, readEvents } from '../access/gate.js';
import type { ReadContext } from '../access/standing.js';
import { APPLICANT_KINDS, type Actor } from '../identity/actor.js';
import { AppError } from '../platform/errors.js';
import type { FastifyRequest } from 'fastify';
import * as service from './dossier.service.js';
import { searchDossiers } from '../access/search.js';
import { assignToSelf, assignmentOf, releaseAssignment } from './assignment.js';
import {
  AdmissibilityBody,
  AnswerBody,
  CreateDossierBody,
  DecisionBody,
  DossierId,
  ExtensionBody,
  IssuedBody,
  ListQuery,
  SearchBody,
  RequestBody,
  WithdrawalBody,
} from './dossier.schemas.js';
import { SECTION_NAMES } from '../contract/sections.js';

const signedIn = { who: 'signed_in' } as const;
const IdempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().min(8).max(200).optional() });

function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

function command(request: FastifyRequest & { headers: { 'idempotency-key'?: string } }): service.Command {
  return {
    actor: actorOf(request),
    idempotencyKey: request.headers['idempotency-key'],
    route: `${request.method} ${request.routeOptions.url ?? ''} ${JSON.stringify(request.params)}`,
    request: request.body,
  };
}

/** Header values are Latin-1 only: a purpose in any language may come percent-encoded (UTF-8). */
function decodedHeader(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Why the caller reads (`X-Purpose`, logged with the read) and, for a region reading another
 * region's dossier (Art. 26), its own dossier about the same person (`X-For-Dossier`). Headers,
 * not the URL: a purpose may be worded about a person.
 */
export const readContextOf = (request: FastifyRequest): ReadContext => {
  const raw = request.headers['x-purpose'];
  const forDossier = request.headers['x-for-dossier'];
  const purpose = typeof raw === 'string' ? decodedHeader(raw) : undefined;
  return {
    purpose: purpose !== undefined && purpose.length <= 200 ? purpose : undefined,
    forDossierId:
      typeof forDossier === 'string' && /^[0-9a-f-]{36}$/i.test(forDossier) ? forDossier : undefined,
  };
};

export function dossierRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    const tags = ['dossiers'];

    app.post(
      '/dossiers',
      {
        config: { permission: { who: 'signed_in', kinds: APPLICANT_KINDS, why: 'applicants file dossiers' } },
        schema: {
          tags,
          summary: 'Create a draft dossier',
          body: CreateDossierBody,
          headers: IdempotencyHeaders,
        },
      },
      async (request, reply) => {
        const { procedure, category, longTermMobility, language, follows, onBehalfOf, ...rest } =
          request.body;
        const sections = Object.fromEntries(
          SECTION_NAMES.filter((n) => rest[n] !== undefined).map((n) => [n, rest[n] ?? {}]),
        );
        const result = await service.createDossier(
          deps,
          command(request),
          { procedure, category, longTermMobility, language, follows, onBehalfOf, sections },
          request.language,
        );
        return reply.code(result.status).send(result.body);
      },
    );

    app.get(
      '/dossiers',
      {
        config: { permission: signedIn },
        schema: { tags, summary: 'Dossiers visible to the caller', querystring: ListQuery },
      },
      async (request) => {
        const { limit, ...filters } = request.query;
        return deps.db
          .transaction()
          .execute((tx) => listDossiers(tx, actorOf(request), deps.clock, { ...filters, limit }));
      },
    );

    app.get(
      '/dossiers/:id',
      {
        config: { permission: signedIn },
        schema: { tags, summary: 'One dossier as the caller may see it', params: DossierId },
      },
      async (request) =>
        deps.db
          .transaction()
          .execute((tx) =>
            readDossier(tx, actorOf(request), deps.clock, request.params.id, readContextOf(request)),
          ),
    );

    app.post(
      '/dossiers/search',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['inspection', 'regional_authority', 'dvz', 'business_counter'],
            why: 'consulting authorities look up a person or an enterprise, with a purpose (Art. 25)',
          },
        },
        schema: {
          tags,
          summary: 'Find the dossiers of a person or an enterprise, with the purpose of the search',
          body: SearchBody,
        },
      },
      async (request) =>
        deps.db
          .transaction()
          .execute((tx) =>
            searchDossiers(
              tx,
              actorOf(request),
              deps.clock,
              request.body.criteria,
              request.body.purpose,
              request.body.forDossier,
            ),
          ),
    );

    const examiners = {
      who: 'signed_in',
      kinds: ['regional_authority', 'dvz'],
      why: 'the examining authorities organise who handles a dossier',
    } as const;
    app.get(
      '/dossiers/:id/assignment',
      {
        config: { permission: examiners },
        schema: { tags, summary: 'Who of the caller’s authority handles the dossier', params: DossierId },
      },
      async (request) => {
        const actor = actorOf(request);
        return deps.db.transaction().execute(async (tx) => {
          // Reading the assignee is only for those who may see the dossier at all.
          await openUnlogged(tx, actor, deps.clock, request.params.id);
          return assignmentOf(tx, actor, request.params.id);
        });
      },
    );
    app.put(
      '/dossiers/:id/assignment',
      {
        config: { permission: examiners },
        schema: { tags, summary: 'Take the dossier: assign it to oneself', params: DossierId },
      },
      async (request) => assignToSelf(deps, actorOf(request), request.params.id),
    );
    app.delete(
      '/dossiers/:id/assignment',
      {
        config: { permission: examiners },
        schema: { tags, summary: 'Hand the dossier back to the authority’s queue', params: DossierId },
      },
      async (request) => releaseAssignment(deps, actorOf(request), request.params.id),
    );

    app.patch(
      '/dossiers/:id',
      {
        config: { permission: { who: 'signed_in', kinds: APPLICANT_KINDS } },
        schema: {
          tags,
          summary: 'Edit a draft, section by section',
          params: DossierId,
          headers: IdempotencyHeaders,
          body: CreateDossierBody.pick({
            identity: true,
            residence: true,
            employment: true,
            selfEmployed: true,
            fee: true,
          }).strict(),
        },
      },
      async (request, reply) => {
        const result = await service.editDossier(deps, command(request), request.params.id, request.body);
        return reply.code(result.status).send(result.body);
      },
    );

    const act = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (
        request: FastifyRequest,
        id: string,
        body: z.output<B>,
      ) => Promise<{ status: number; body: unknown }>,
    ) =>
      app.post(
        `/dossiers/:id/${path}`,
        {
          config: { permission: { who: 'signed_in', why: 'the transition table names the party' } },
          schema: { tags, summary, params: DossierId, headers: IdempotencyHeaders, body },
        },
        async (request, reply) => {
          const result = await run(request, request.params.id, request.body as z.output<B>);
          return reply.code(result.status).send(result.body);
        },
      );

    act(
      'submit',
      'File the dossier (refused with the list of what is missing)',
      z.object({}).strict().optional(),
      (r, id) => service.submitDossier(deps, command(r), id),
    );
    act(
      'admissibility',
      'Declare the dossier admissible or inadmissible (competent region)',
      AdmissibilityBody,
      (r, id, b) => service.decideAdmissibility(deps, command(r), id, b),
    );
    act('requests', 'Ask for documents or data; the deadline clock stands still', RequestBody, (r, id, b) =>
      service.requestDocuments(deps, command(r), id, b),
    );
    act(
      'decisions',
      'Decide (work, residence, professional card) or withdraw / end later',
      DecisionBody,
      (r, id, b) => service.decide(deps, command(r), id, b),
    );
    act('extension', 'Extend the decision period once, with a reason', ExtensionBody, (r, id, b) =>
      service.extendDeadline(deps, command(r), id, b),
    );
    act('withdrawal', 'Withdraw the application before a decision (applicant)', WithdrawalBody, (r, id, b) =>
      service.withdrawApplication(deps, command(r), id, b),
    );
    act('issued', 'Record the visa, residence document or card handed over', IssuedBody, (r, id, b) =>
      service.recordIssued(deps, command(r), id, b),
    );
    act(
      'renewal',
      'Start the renewal of a granted permit as a new linked draft',
      z.object({}).strict().optional(),
      (r, id) => service.renew(deps, command(r), id, r.language),
    );

    app.post(
      '/dossiers/:id/requests/:requestId/answer',
      {
        config: { permission: { who: 'signed_in', kinds: APPLICANT_KINDS } },
        schema: {
          tags,
          summary: 'Answer a request for documents; the clock runs again',
          params: z.object({ id: z.uuid(), requestId: z.uuid() }),
          headers: IdempotencyHeaders,
          body: AnswerBody,
        },
      },
      async (request, reply) => {
        const result = await service.answerRequest(
          deps,
          command(request),
          request.params.id,
          request.params.requestId,
          request.body,
        );
        return reply.code(result.status).send(result.body);
      },
    );

    app.get(
      '/dossiers/:id/events',
      {
        config: { permission: signedIn },
        schema: { tags, summary: 'History of the dossier, oldest first', params: DossierId },
      },
      async (request) =>
        deps.db
          .transaction()
          .execute((tx) =>
            readEvents(tx, actorOf(request), deps.clock, request.params.id, readContextOf(request)),
          ),
    );

    app.get(
      '/dossiers/:id/access-log',
      {
        config: { permission: signedIn },
        schema: { tags, summary: 'Who read this dossier (subject and DPO)', params: DossierId },
      },
      async (request) =>
        deps.db
          .transaction()
          .execute((tx) => readAccessLog(tx, actorOf(request), deps.clock, request.params.id)),
    );
    return Promise.resolve();
  };
}
