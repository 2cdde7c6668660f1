import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { RETENTION_RULES } from '../contract/retention.js';
import type { Actor } from '../identity/actor.js';
import { actorOf } from '../identity/request.js';
import { isMovable, legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { dueDossiers } from './due.js';
import { sweepRetention } from './sweep.js';

const signedIn = {
  who: 'signed_in',
  why: 'the platform operator (ONSS) and the controllers’ DPOs oversee deletion (Art. 27 §2); checked per call',
} as const;

const operator = {
  who: 'signed_in',
  kinds: ['onss'],
  why: 'the platform operator moves the demo clock; production refuses it whoever asks',
} as const;

/** The operator runs the platform; a DPO watches over its controller's processing (GDPR 39). */
function requireOverseer(actor: Actor): void {
  if (actor.organisation.kind !== 'onss' && !actor.roles.includes('dpo'))
    throw new AppError('action_forbidden');
}

const DueList = z
  .object({
    asOf: z.iso.date().describe('The legal date (Europe/Brussels) the list is computed for'),
    items: z.array(
      z.object({
        reference: z.string(),
        rule: z.enum(RETENTION_RULES),
        until: z.iso.date().describe('The date from which the dossier is due for deletion'),
      }),
    ),
  })
  .describe('What the next run of the retention sweep deletes, and why; nothing of the dossiers’ content');

const ClockView = z.object({
  now: z.iso.datetime(),
  legalDate: z.iso.date(),
  movable: z.boolean().describe('Whether the operator may move the clock forward (demo and test only)'),
});

export function retentionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const tags = ['retention'];
  const clockView = () => {
    const now = deps.clock.now();
    return { now: now.toISOString(), legalDate: legalDate(now), movable: movable() };
  };
  const movable = () => deps.config.movableClock && !deps.config.production && isMovable(deps.clock);
  return (app) => {
    app.get(
      '/retention/due',
      {
        config: { permission: signedIn },
        schema: {
          tags,
          summary: 'Dry run: the dossiers the next retention sweep deletes, with rule and date',
          response: { 200: DueList },
        },
      },
      async (request) => {
        requireOverseer(actorOf(request));
        const now = deps.clock.now();
        const due = await dueDossiers(deps.db, now);
        return {
          asOf: legalDate(now),
          items: due.map((d) => ({ reference: d.reference, rule: d.rule, until: d.until })),
        };
      },
    );

    app.get(
      '/clock',
      {
        config: { permission: { who: 'signed_in', why: 'anyone signed in may know the platform’s time' } },
        schema: {
          tags,
          summary: 'The platform’s time, and whether it can be moved (demo)',
          response: { 200: ClockView },
        },
      },
      async () => Promise.resolve(clockView()),
    );

    app.post(
      '/clock/advance',
      {
        config: { permission: operator },
        schema: {
          tags,
          summary: 'Demo only: moves the platform clock forward and runs the retention sweep',
          description:
            'Lets a person trying the demo see a deletion ten years on. Refused with `clock_fixed` ' +
            'outside demo and test configurations; production refuses to start with a movable clock.',
          body: z.object({ days: z.number().int().min(1).max(36_600) }),
          response: {
            200: ClockView.extend({
              sweep: z.object({ deleted: z.number().int(), draftNotices: z.number().int() }),
            }),
          },
        },
      },
      async (request) => {
        if (!movable() || !isMovable(deps.clock)) throw new AppError('clock_fixed');
        deps.clock.advanceDays(request.body.days);
        // The daily job would only notice on its next tick: what became due is deleted now.
        const report = await sweepRetention(deps, deps.clock.now());
        return { ...clockView(), sweep: { deleted: report.deleted, draftNotices: report.draftNotices } };
      },
    );
    return Promise.resolve();
  };
}
