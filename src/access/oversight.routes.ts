import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { OversightAccessLog } from '../contract/oversight.js';
import { actorOf } from '../identity/request.js';
import { searchAccessLog } from './oversight.js';

const AccessLogQuery = z
  .object({
    reference: z
      .string()
      .trim()
      .regex(/^SW-\d{4}-\d{6}$/i)
      .optional()
      .describe('A dossier reference, e.g. SW-2026-000001'),
    organisation: z
      .string()
      .trim()
      .min(2)
      .max(100)
      .optional()
      .describe('Part of the reading organisation’s name'),
    from: z.iso.date().optional().describe('First day of the period (Brussels time)'),
    until: z.iso.date().optional().describe('Last day of the period (Brussels time)'),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/** The DPO's search of the access log (access.md: access log, designation register, audit trail). */
export function oversightRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/access-log',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['regional_authority', 'dvz'],
            why: 'the data protection officer of a controller supervises who read its dossiers (GDPR 39)',
          },
        },
        schema: {
          tags: ['access'],
          summary: 'Reads of personal data in the dossiers of your controller, for its DPO; newest first',
          querystring: AccessLogQuery,
          response: { 200: OversightAccessLog },
        },
      },
      async (request) => searchAccessLog(deps.db, actorOf(request), request.query),
    );
    return Promise.resolve();
  };
}
