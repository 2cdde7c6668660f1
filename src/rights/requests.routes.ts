import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import {
  RightsAnswerInput,
  RightsExtensionInput,
  RightsRequestInput,
  RightsRequestList,
  RightsRequestView,
} from '../contract/rights.js';
import { actorOf, commandOf, IdempotencyHeaders } from '../identity/request.js';
import { answerRightsRequest, extendRightsRequest, liftRestriction } from './answers.js';
import { exportOfPerson, exportPdf, PersonExport } from './export.js';
import { fileRightsRequest, listRightsRequests } from './requests.js';

const subjectsAndControllers = {
  who: 'signed_in',
  why: 'the person concerned files and follows their requests (Art. 29 §1); the controllers, through their DPO and case officers, answer them (Art. 29 §2-3); who may do what is checked per request',
} as const;

const controllers = {
  who: 'signed_in',
  kinds: ['regional_authority', 'dvz'],
  why: 'the controller of the part answers it (Art. 29 §2-3): its DPO, or for a rectification its case officers',
} as const;

const subjects = {
  who: 'signed_in',
  kinds: ['worker'],
  why: 'the person concerned receives everything held on them (GDPR 15, 20)',
} as const;

const Params = z.object({ id: z.uuid() });

/** Rights requests of the persons concerned (Art. 29, GDPR 15-21) and the export of their data. */
export function rightsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/rights-requests',
      {
        config: { permission: subjectsAndControllers },
        schema: {
          tags: ['rights'],
          summary:
            'File a request of the person concerned (a worker, for their claimed dossiers) or register one received by post or e-mail (a DPO)',
          headers: IdempotencyHeaders,
          body: RightsRequestInput,
          response: { 201: RightsRequestView },
        },
      },
      async (request, reply) => {
        const view = await fileRightsRequest(deps, commandOf(request), request.body, request.language);
        return reply.code(201).send(view);
      },
    );

    app.get(
      '/rights-requests',
      {
        config: { permission: subjectsAndControllers },
        schema: {
          tags: ['rights'],
          summary:
            'A worker’s own requests; for a controller (its DPO, its staff) the requests with a part for it, open ones unless status=all, with due dates',
          querystring: z.object({ status: z.enum(['open', 'all']).default('open') }).strict(),
          response: { 200: RightsRequestList },
        },
      },
      async (request) =>
        deps.db
          .transaction()
          .execute((tx) => listRightsRequests(tx, actorOf(request), deps.clock, request.query)),
    );

    app.post(
      '/rights-requests/:id/answer',
      {
        config: { permission: controllers },
        schema: {
          tags: ['rights'],
          summary:
            'Answer the caller’s controller’s open parts: granted (rectification and restriction act on the dossier) or refused with reasons',
          params: Params,
          headers: IdempotencyHeaders,
          body: RightsAnswerInput,
          response: { 200: RightsRequestView },
        },
      },
      async (request, reply) => {
        const r = await answerRightsRequest(deps, commandOf(request), request.params.id, request.body);
        return reply.code(r.status as 200).send(r.body);
      },
    );

    app.post(
      '/rights-requests/:id/extension',
      {
        config: { permission: controllers },
        schema: {
          tags: ['rights'],
          summary:
            'Extend the answer period once by two months, with reasons (GDPR 12(3)); the controller’s DPO',
          params: Params,
          headers: IdempotencyHeaders,
          body: RightsExtensionInput,
          response: { 200: RightsRequestView },
        },
      },
      async (request, reply) => {
        const r = await extendRightsRequest(deps, commandOf(request), request.params.id, request.body);
        return reply.code(r.status as 200).send(r.body);
      },
    );

    app.post(
      '/rights-requests/:id/lift',
      {
        config: { permission: controllers },
        schema: {
          tags: ['rights'],
          summary: 'Lift the restriction of processing granted on this request (GDPR 18(3))',
          params: Params,
          headers: IdempotencyHeaders,
          body: z.object({}).strict().optional(),
          response: { 200: RightsRequestView },
        },
      },
      async (request, reply) => {
        const r = await liftRestriction(deps, commandOf(request), request.params.id);
        return reply.code(r.status as 200).send(r.body);
      },
    );

    app.get(
      '/me/export',
      {
        config: { permission: subjects },
        schema: {
          tags: ['rights'],
          summary:
            'Everything the platform holds on the person, as JSON (a readable PDF with Accept: application/pdf or format=pdf, for a plain link); each dossier read is logged',
          querystring: z.object({ format: z.enum(['json', 'pdf']).optional() }).strict(),
          response: { 200: PersonExport },
        },
      },
      async (request, reply) => {
        const data = await exportOfPerson(deps, actorOf(request));
        if (request.query.format === 'pdf' || request.headers.accept?.includes('application/pdf')) {
          const pdf = await exportPdf(data, request.language, deps.clock.now());
          return (
            reply
              .header('content-type', 'application/pdf')
              .header('content-disposition', 'attachment; filename="my-data.pdf"')
              .header('cache-control', 'no-store')
              // A Buffer is sent as it is: the JSON schema of this route describes the other answer.
              .send(Buffer.from(pdf) as never)
          );
        }
        return reply
          .header('content-disposition', 'attachment; filename="my-data.json"')
          .header('cache-control', 'no-store')
          .send(data);
      },
    );
    return Promise.resolve();
  };
}
