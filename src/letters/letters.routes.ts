import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { readDecisionLetter } from '../access/letters.js';
import { readContextOf } from '../access/read-context.js';
import { LANGUAGES } from '../contract/language.js';
import { fileResponse } from '../platform/responses.js';
import { actorOf } from '../identity/request.js';

export function letterRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/dossiers/:id/decisions/:decisionId/letter',
      {
        config: {
          permission: { who: 'signed_in', why: 'the gate decides which letter, if any, the caller reads' },
        },
        schema: {
          tags: ['dossiers'],
          summary:
            'Download the PDF letter of a decision: the full letter or the notice of a negative decision, as the caller may read it',
          params: z.object({ id: z.uuid(), decisionId: z.uuid() }),
          querystring: z.object({ language: z.enum(LANGUAGES).optional() }).strict(),
          response: {
            200: fileResponse('The letter as a PDF file', ['application/pdf']),
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const letter = await deps.db
          .transaction()
          .execute((tx) =>
            readDecisionLetter(
              tx,
              actor,
              deps.clock,
              request.params.id,
              request.params.decisionId,
              request.query.language,
              readContextOf(request),
            ),
          );
        // Named by reference and decision only: a file name travels further than the file's content.
        const name = `${letter.reference}-${letter.decisionId.slice(0, 8)}-${letter.language}.pdf`;
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('content-language', letter.language)
          .header('cache-control', 'no-store')
          .send(letter.content);
      },
    );
    return Promise.resolve();
  };
}
