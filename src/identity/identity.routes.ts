import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { AppError } from '../platform/errors.js';
import { audit, passwordSignIn, sessionCookieOptions, SessionView, sessionView } from './login.js';
import { endSession, findSessionActor, SESSION_COOKIE, switchSessionOrganisation } from './sessions.js';

export function identityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, clock, config } = deps;
  return (app) => {
    app.post(
      '/session',
      {
        config: { permission: { who: 'anyone' } },
        schema: {
          tags: ['session'],
          summary: 'Sign in with a username and password (and a TOTP code where a second factor applies)',
          description:
            'Throttled: after 5 failed attempts for a username, or 20 from one address, within 15 minutes, ' +
            'further attempts answer 429 until the window passes. Accounts acting for an authority, and ' +
            'accounts that enrolled a second factor, also send `totp`.',
          body: z.object({
            username: z.string().min(1).max(100),
            password: z.string().min(1).max(200),
            totp: z.string().max(10).optional(),
            organisationId: z.uuid().optional(),
          }),
          response: { 200: SessionView },
        },
      },
      async (request, reply) => {
        const { username, password, totp, organisationId } = request.body;
        return passwordSignIn(deps, request, reply, { username, password, totp, organisationId });
      },
    );

    app.get(
      '/session',
      {
        config: { permission: { who: 'signed_in' }, sessionOnly: true },
        schema: { tags: ['session'], summary: 'Who is signed in', response: { 200: SessionView } },
      },
      async (request) => {
        const actor = request.actor;
        if (!actor?.csrfToken) throw new AppError('unauthenticated');
        return Promise.resolve(sessionView(actor, actor.csrfToken));
      },
    );

    app.delete(
      '/session',
      {
        config: { permission: { who: 'signed_in' }, sessionOnly: true },
        schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        const actor = request.actor;
        if (token) await endSession(db, clock, token);
        if (actor) {
          await audit(db, {
            at: clock.now(),
            kind: 'logout',
            actorUserId: actor.userId,
            actorOrganisationId: actor.organisation.id,
          });
        }
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        // What the browser cached of the session's answers goes with it (the portal clears its own storage).
        reply.header('clear-site-data', '"cache"');
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/session/organisation',
      {
        config: { permission: { who: 'signed_in' }, sessionOnly: true },
        schema: {
          tags: ['session'],
          summary: 'Act for another organisation the signed-in user is a member of',
          description: 'The session cookie and CSRF token are renewed; use the `csrfToken` of the answer.',
          body: z.object({ organisationId: z.uuid() }),
          response: { 200: SessionView },
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        const token = request.cookies[SESSION_COOKIE];
        if (!actor || !token) throw new AppError('unauthenticated');
        const { organisationId } = request.body;
        const membership = await db
          .selectFrom('membership')
          .select('organisation_id')
          .where('user_id', '=', actor.userId)
          .where('organisation_id', '=', organisationId)
          .executeTakeFirst();
        // Not a member: the organisation is "not found" for this user, whether it exists or not.
        if (!membership) throw new AppError('not_found');
        const renewed = await switchSessionOrganisation(db, clock, token, organisationId);
        if (!renewed) throw new AppError('unauthenticated');
        await audit(db, {
          at: clock.now(),
          kind: 'organisation_switched',
          actorUserId: actor.userId,
          actorOrganisationId: organisationId,
          details: { fromOrganisationId: actor.organisation.id },
        });
        reply.setCookie(SESSION_COOKIE, renewed.token, sessionCookieOptions(config.production));
        const switched = await findSessionActor(db, clock, renewed.token);
        if (!switched) throw new AppError('internal_error');
        return sessionView(switched, renewed.csrfToken);
      },
    );

    app.get(
      '/organisations',
      {
        config: { permission: { who: 'signed_in' } },
        schema: {
          tags: ['organisations'],
          summary: 'Organisations of a kind, e.g. the diplomatic posts and municipalities a form can name',
          querystring: z.object({
            kind: z.enum([
              'post',
              'municipality',
              'business_counter',
              'regional_authority',
              'employment_service',
            ]),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.uuid(), kind: z.string(), name: z.string(), region: z.string().nullable() }),
              ),
              nextCursor: z.null(),
            }),
          },
        },
      },
      async (request) => {
        const rows = await db
          .selectFrom('organisation')
          .select(['id', 'kind', 'name', 'region'])
          .where('kind', '=', request.query.kind)
          .orderBy('name')
          .execute();
        return { items: rows, nextCursor: null };
      },
    );
    return Promise.resolve();
  };
}
