import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { AppError } from '../platform/errors.js';
import { acceptTotpCode, audit } from './login.js';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.js';
import { actorOf } from './request.js';

/**
 * Enrolment of a second factor: the platform makes a secret, the user's authenticator app reads
 * it, and it becomes active only once a code from that app is confirmed — so nobody is locked
 * out by a secret that never reached their phone.
 */
export function totpRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/session/totp',
      {
        config: { permission: { who: 'signed_in' }, sessionOnly: true },
        schema: {
          tags: ['session'],
          summary: 'Start enrolling a TOTP second factor',
          description:
            'Returns a new secret (base32) and its otpauth URI, pending until confirmed. Replacing an ' +
            'active second factor needs a current `code` from it, so a borrowed session cannot swap it.',
          body: z.object({ code: z.string().max(10).optional() }),
          response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const user = await db
          .selectFrom('app_user')
          .select(['totp_secret'])
          .where('id', '=', actor.userId)
          .executeTakeFirstOrThrow();
        if (user.totp_secret) {
          const code = request.body.code;
          if (!code) throw new AppError('second_factor_required');
          if (!(await acceptTotpCode(db, clock, actor.userId, user.totp_secret, code))) {
            throw new AppError('second_factor_invalid');
          }
        }
        const secret = newTotpSecret();
        await db
          .updateTable('app_user')
          .set({ totp_pending_secret: secret })
          .where('id', '=', actor.userId)
          .execute();
        return { secret, otpauthUri: otpauthUri(secret, actor.username) };
      },
    );

    app.post(
      '/session/totp/confirm',
      {
        config: { permission: { who: 'signed_in' }, sessionOnly: true },
        schema: {
          tags: ['session'],
          summary: 'Activate the pending TOTP secret with a code from the authenticator app',
          body: z.object({ code: z.string().min(1).max(10) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const user = await db
          .selectFrom('app_user')
          .select(['totp_pending_secret'])
          .where('id', '=', actor.userId)
          .executeTakeFirstOrThrow();
        if (!user.totp_pending_secret) throw new AppError('not_found');
        const step = matchTotp(user.totp_pending_secret, request.body.code, clock.now());
        if (step === undefined) throw new AppError('second_factor_invalid');
        await db
          .updateTable('app_user')
          .set({ totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_last_step: step })
          .where('id', '=', actor.userId)
          .where('totp_pending_secret', '=', user.totp_pending_secret)
          .execute();
        await audit(db, {
          at: clock.now(),
          kind: 'account_changed',
          actorUserId: actor.userId,
          actorOrganisationId: actor.organisation.id,
          details: { change: 'second_factor_enrolled' },
        });
        return reply.code(204).send(null);
      },
    );
    return Promise.resolve();
  };
}
