import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { commandOf, IdempotencyHeaders } from '../identity/request.js';
import { checkDossier } from './checks.js';
import { DossierViewWithSources } from '../contract/views.js';

export function checkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/dossiers/:id/checks',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['regional_authority', 'dvz'],
            why: 'the competent region or DVZ examines; the transition table says when',
          },
        },
        schema: {
          tags: ['dossiers'],
          summary: 'Run the automated checks against KBO, ONSS, LIMOSA and INASTI (Art. 14)',
          params: z.object({ id: z.uuid() }),
          headers: IdempotencyHeaders,
          body: z.object({}).strict().optional(),
          response: { 201: DossierViewWithSources },
        },
      },
      async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
        const result = await checkDossier(deps, commandOf(request), request.params.id);
        return reply.code(result.status).send(result.body);
      },
    );
    return Promise.resolve();
  };
}
