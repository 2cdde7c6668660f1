import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { actorOf } from './request.js';
import { readDossier } from '../dossier/view.js';
import { confirmClaim, startClaim } from './claims.js';
import {
  designationsCsv,
  endDesignation,
  listDesignations,
  proposeDesignation,
  validateDesignation,
} from './designations.js';
import { grantMandate, listMandates, revokeMandate } from './mandates.js';
import { ClaimStarted, MandateList, MandateView } from '../contract/access.js';
import { DossierViewWithSources } from '../contract/views.js';
import { noContent } from '../platform/responses.js';
import { DesignationList, DesignationView } from './identity.schemas.js';

const CONTROLLERS = ['regional_authority', 'dvz'] as const;
const isoDate = z.iso.date();

/** Mandates, the worker's claim of their dossier, and the designation register. */
export function registerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/mandates',
      {
        config: { permission: { who: 'signed_in', kinds: ['employer'] } },
        schema: {
          tags: ['mandates'],
          summary: 'Grant a mandatary a mandate for all dossiers, or one',
          body: z
            .object({
              mandataryOrganisationId: z.uuid(),
              dossierId: z.uuid().optional(),
              validFrom: z.iso.datetime({ offset: true }),
              validUntil: z.iso.datetime({ offset: true }).optional(),
            })
            .strict(),
          response: { 201: MandateView },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await grantMandate(deps, actorOf(request), request.body)),
    );

    app.get(
      '/mandates',
      {
        config: { permission: { who: 'signed_in', kinds: ['employer', 'mandatary'] } },
        schema: {
          tags: ['mandates'],
          summary: 'Mandates granted (employer) or held (mandatary)',
          response: { 200: MandateList },
        },
      },
      async (request) => ({ items: await listMandates(deps.db, actorOf(request)), nextCursor: null }),
    );

    app.delete(
      '/mandates/:id',
      {
        config: { permission: { who: 'signed_in', kinds: ['employer'] } },
        schema: {
          tags: ['mandates'],
          summary: 'Revoke a mandate, at once',
          params: z.object({ id: z.uuid() }),
          response: { 204: noContent('Revoked') },
        },
      },
      async (request, reply) => {
        await revokeMandate(deps, actorOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/claims',
      {
        config: { permission: { who: 'signed_in', kinds: ['worker'] } },
        schema: {
          tags: ['claims'],
          summary: 'Claim your own dossier: a code goes to the e-mail address the applicant gave',
          body: z
            .object({
              reference: z.string().regex(/^SW-\d{4}-\d{6}$/),
              passportNumber: z.string().min(5).max(20),
              birthDate: isoDate,
            })
            .strict(),
          response: { 202: ClaimStarted },
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(await startClaim(deps, actorOf(request), request.body, request.language, request.ip)),
    );

    app.post(
      '/claims/:id/confirm',
      {
        config: { permission: { who: 'signed_in', kinds: ['worker'] } },
        schema: {
          tags: ['claims'],
          summary: 'Confirm the claim with the code received; the dossier becomes yours to follow',
          params: z.object({ id: z.uuid() }),
          body: z.object({ code: z.string().regex(/^\d{6}$/) }).strict(),
          response: { 200: DossierViewWithSources },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const dossierId = await confirmClaim(deps, actor, request.params.id, request.body.code);
        return deps.db.transaction().execute((tx) => readDossier(tx, actor, deps.clock, dossierId));
      },
    );

    const designationTags = ['designations'];
    app.post(
      '/designations',
      {
        config: { permission: { who: 'signed_in', kinds: CONTROLLERS } },
        schema: {
          tags: designationTags,
          summary: 'Propose a person of your organisation for health or criminal data (Art. 16-17)',
          body: z
            .object({
              userId: z.uuid(),
              category: z.enum(['health', 'criminal']),
              validFrom: isoDate,
              validUntil: isoDate.optional(),
              reason: z.string().trim().min(3).max(500),
            })
            .strict(),
          response: { 201: DesignationView },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await proposeDesignation(deps, actorOf(request), request.body)),
    );

    app.post(
      '/designations/:id/validate',
      {
        config: { permission: { who: 'signed_in', kinds: CONTROLLERS } },
        schema: {
          tags: designationTags,
          summary: 'Validate a designation proposed by another person',
          params: z.object({ id: z.uuid() }),
          response: { 200: DesignationView },
        },
      },
      async (request) => validateDesignation(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/designations/:id/end',
      {
        config: { permission: { who: 'signed_in', kinds: CONTROLLERS } },
        schema: {
          tags: designationTags,
          summary: 'End a designation, at once',
          params: z.object({ id: z.uuid() }),
          response: { 200: DesignationView },
        },
      },
      async (request) => endDesignation(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/designations',
      {
        config: { permission: { who: 'signed_in', kinds: CONTROLLERS } },
        schema: {
          tags: designationTags,
          summary: 'The register of your organisation; `format=csv` exports it for the supervisory authority',
          querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
          response: {
            200: {
              description: 'The register: JSON, or with `format=csv` a CSV file (RFC 4180)',
              content: {
                'application/json': { schema: DesignationList },
                'text/csv': { schema: z.string().describe('One line per designation, after a header line') },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const items = await listDesignations(deps.db, actorOf(request).organisation.id);
        if (request.query.format === 'json') return { items, nextCursor: null };
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="designation-register.csv"')
          .send(designationsCsv(items));
      },
    );
    return Promise.resolve();
  };
}
