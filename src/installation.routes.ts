import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PROCEDURES } from './contract/procedures.js';
import { DEMO_ACCOUNTS } from './demo/parties.js';
import type { AppDeps } from './deps.js';
import { legalDate } from './platform/clock.js';
import { ACCEPTED_MEDIA_TYPES, MAX_DOCUMENT_BYTES } from './rules/documents.js';
import { isProcedureInForce, procedureInForceFrom } from './rules/procedures.js';

/**
 * What this installation offers, public: the procedures in force and the date each enters into force, the upload limits, and in demo
 * mode the fictitious accounts the sign-in page lists. It sits with the wiring because it speaks
 * of the installation (its configuration and demo data), not of one module.
 */
export function installationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const anyone = { permission: { who: 'anyone' } } as const;
  const tags = ['rules'];
  return (app) => {
    app.get(
      '/rules/platform',
      {
        config: anyone,
        schema: {
          tags,
          summary: 'What this installation offers: procedures in force, upload limits, demo mode',
          description:
            'In demo mode the answer lists the fictitious demo accounts (password `demo`) so the sign-in ' +
            'page can show them; a real installation never lists accounts.',
          response: {
            200: z.object({
              demo: z.boolean(),
              procedures: z.array(z.enum(PROCEDURES)).describe('The procedures that may be filed today'),
              procedureDates: z
                .array(
                  z.object({
                    procedure: z.enum(PROCEDURES),
                    inForceFrom: z.iso
                      .date()
                      .nullable()
                      .describe('First legal date it may be filed; null while no act has set one (Art. 36)'),
                  }),
                )
                .describe('From which date each procedure may be filed here'),
              languages: z.array(z.enum(['nl', 'fr', 'de', 'en'])),
              acceptedMediaTypes: z.array(z.string()),
              maxDocumentBytes: z.number().int(),
              demoAccounts: z.array(z.object({ username: z.string(), name: z.string() })),
            }),
          },
        },
      },
      async () =>
        Promise.resolve({
          demo: deps.config.demo,
          procedures: PROCEDURES.filter((p) =>
            isProcedureInForce(p, legalDate(deps.clock.now()), deps.config.professionalCardFrom),
          ),
          procedureDates: PROCEDURES.map((procedure) => ({
            procedure,
            inForceFrom: procedureInForceFrom(procedure, deps.config.professionalCardFrom),
          })),
          languages: ['nl' as const, 'fr' as const, 'de' as const, 'en' as const],
          acceptedMediaTypes: [...ACCEPTED_MEDIA_TYPES],
          maxDocumentBytes: MAX_DOCUMENT_BYTES,
          demoAccounts: deps.config.demo
            ? DEMO_ACCOUNTS.map((a) => ({ username: a.username, name: a.name }))
            : [],
        }),
    );

    return Promise.resolve();
  };
}
