import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { openUnlogged } from '../access/gate.js';
import { readAccessLog, readEvents } from '../access/history.js';
import { listDossiers } from '../access/listing.js';
import { readDossier } from './view.js';
import { readContextOf } from '../access/read-context.js';
import { actorOf, commandOf, IdempotencyHeaders } from '../identity/request.js';
import { APPLICANT_KINDS } from '../identity/actor.js';
import type { FastifyRequest } from 'fastify';
import { createDossier, editDossier, renew, submitDossier } from './drafting.js';
import { answerRequest, decideAdmissibility, extendDeadline, requestDocuments } from './examination.js';
import { liftHold, registerHold } from './holds.js';
import { confirmFeePayment } from './paying.js';
import { decide, recordIssued, withdrawApplication } from './decisions.js';
import { searchDossiers } from '../access/search.js';
import { assignToSelf, assignmentOf, releaseAssignment } from './assignment.js';
import {
  AdmissibilityBody,
  AnswerBody,
  CreateDossierBody,
  DecisionBody,
  DossierId,
  ExtensionBody,
  HoldBody,
  IssuedBody,
  LiftHoldBody,
  ListQuery,
  SearchBody,
  RequestBody,
  WithdrawalBody,
} from './dossier.schemas.js';
import { SECTION_NAMES } from '../contract/sections.js';
import { DossierViewWithSources } from '../contract/views.js';
import {
  AccessLog,
  AssignmentView,
  DossierEvents,
  DossierList,
  DossierSearchResult,
} from '../contract/lists.js';

const signedIn = { who: 'signed_in' } as const;

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
          response: { 201: DossierViewWithSources },
        },
      },
      async (request, reply) => {
        const { procedure, category, longTermMobility, language, follows, onBehalfOf, ...rest } =
          request.body;
        const sections = Object.fromEntries(
          SECTION_NAMES.filter((n) => rest[n] !== undefined).map((n) => [n, rest[n] ?? {}]),
        );
        const result = await createDossier(
          deps,
          commandOf(request),
          { procedure, category, longTermMobility, language, follows, onBehalfOf, sections },
          request.language,
        );
        return reply.code(result.status as 201).send(result.body);
      },
    );

    app.get(
      '/dossiers',
      {
        config: { permission: signedIn },
        schema: {
          tags,
          summary: 'Dossiers visible to the caller',
          querystring: ListQuery,
          response: { 200: DossierList },
        },
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
        schema: {
          tags,
          summary: 'One dossier as the caller may see it',
          params: DossierId,
          response: { 200: DossierViewWithSources },
        },
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
          response: { 200: DossierSearchResult },
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
              request.body.forDossier === undefined
                ? undefined
                : { dossierId: request.body.forDossier, purposeCode: request.body.purposeCode },
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
        schema: {
          tags,
          summary: 'Who of the caller’s authority handles the dossier',
          params: DossierId,
          response: { 200: AssignmentView },
        },
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
        schema: {
          tags,
          summary: 'Take the dossier: assign it to oneself',
          params: DossierId,
          response: { 200: AssignmentView },
        },
      },
      async (request) => assignToSelf(deps, actorOf(request), request.params.id),
    );
    app.delete(
      '/dossiers/:id/assignment',
      {
        config: { permission: examiners },
        schema: {
          tags,
          summary: 'Hand the dossier back to the authority’s queue',
          params: DossierId,
          response: { 200: AssignmentView },
        },
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
          response: { 200: DossierViewWithSources },
        },
      },
      async (request, reply) => {
        const result = await editDossier(deps, commandOf(request), request.params.id, request.body);
        return reply.code(result.status as 200).send(result.body);
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
      ) => Promise<{ status: number; body: DossierViewWithSources }>,
      /** 201 for an action that creates something: a request, a decision, a renewal. */
      status: 200 | 201 = 200,
    ) =>
      app.post(
        `/dossiers/:id/${path}`,
        {
          config: { permission: { who: 'signed_in', why: 'the transition table names the party' } },
          schema: {
            tags,
            summary,
            params: DossierId,
            headers: IdempotencyHeaders,
            body,
            response: { [status]: DossierViewWithSources },
          },
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
      (r, id) => submitDossier(deps, commandOf(r), id),
    );
    act(
      'admissibility',
      'Declare the dossier admissible or inadmissible (competent region)',
      AdmissibilityBody,
      (r, id, b) => decideAdmissibility(deps, commandOf(r), id, b),
    );
    act(
      'requests',
      'Ask for documents or data; the deadline clock stands still',
      RequestBody,
      (r, id, b) => requestDocuments(deps, commandOf(r), id, b),
      201,
    );
    act(
      'decisions',
      'Decide (work, residence, professional card) or withdraw / end later',
      DecisionBody,
      (r, id, b) => decide(deps, commandOf(r), id, b),
      201,
    );
    act('extension', 'Extend the decision period once, with a reason', ExtensionBody, (r, id, b) =>
      extendDeadline(deps, commandOf(r), id, b),
    );
    act(
      'withdrawal',
      'Withdraw the application before a decision (applicant)',
      WithdrawalBody.optional(),
      (r, id, b) => withdrawApplication(deps, commandOf(r), id, b ?? {}),
    );
    act('issued', 'Record the visa, residence document or card handed over', IssuedBody, (r, id, b) =>
      recordIssued(deps, commandOf(r), id, b),
    );
    act(
      'holds',
      'Register a legal hold (appeal, proceedings, fraud investigation) that keeps the dossier (Art. 27 §1 3°)',
      HoldBody,
      (r, id, b) => registerHold(deps, commandOf(r), id, b),
      201,
    );
    act('holds/lift', 'Lift a legal hold the caller’s authority registered', LiftHoldBody, (r, id, b) =>
      liftHold(deps, commandOf(r), id, b),
    );
    act(
      'fee/confirmation',
      'Confirm that the fee reached the collecting authority’s account (examining authority)',
      z.object({}).strict().optional(),
      (r, id) => confirmFeePayment(deps, commandOf(r), id),
    );
    act(
      'renewal',
      'Start the renewal of a granted permit as a new linked draft',
      z.object({}).strict().optional(),
      (r, id) => renew(deps, commandOf(r), id, r.language),
      201,
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
          response: { 200: DossierViewWithSources },
        },
      },
      async (request, reply) => {
        const result = await answerRequest(
          deps,
          commandOf(request),
          request.params.id,
          request.params.requestId,
          request.body,
        );
        return reply.code(result.status as 200).send(result.body);
      },
    );

    app.get(
      '/dossiers/:id/events',
      {
        config: { permission: signedIn },
        schema: {
          tags,
          summary: 'History of the dossier, oldest first',
          params: DossierId,
          response: { 200: DossierEvents },
        },
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
        schema: {
          tags,
          summary: 'Who read this dossier (subject and DPO)',
          params: DossierId,
          response: { 200: AccessLog },
        },
      },
      async (request) =>
        deps.db
          .transaction()
          .execute((tx) => readAccessLog(tx, actorOf(request), deps.clock, request.params.id)),
    );
    return Promise.resolve();
  };
}
