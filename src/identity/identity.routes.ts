import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { AppError } from '../platform/errors.js';
import { ORGANISATION_KINDS, type Actor } from './actor.js';
import { UNKNOWN_USER_HASH, verifyPassword } from './passwords.js';
import {
  endSession,
  findSessionActor,
  openSession,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
} from './sessions.js';

const SessionView = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), name: z.string() }),
  organisation: z.object({ id: z.uuid(), kind: z.enum(ORGANISATION_KINDS), name: z.string() }),
  roles: z.array(z.string()),
  csrfToken: z.string(),
});

const sessionView = (actor: Actor, csrfToken: string): z.infer<typeof SessionView> => ({
  user: { id: actor.userId, username: actor.username, name: actor.name },
  organisation: { id: actor.organisation.id, kind: actor.organisation.kind, name: actor.organisation.name },
  roles: actor.roles,
  csrfToken,
});

export function identityRoutes({ db, clock, config }: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: config.production,
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    };

    app.post(
      '/session',
      {
        config: { permission: { who: 'anyone' } },
        schema: {
          tags: ['session'],
          summary: 'Sign in with a username and password',
          body: z.object({
            username: z.string().min(1).max(100),
            password: z.string().min(1).max(200),
            organisationId: z.uuid().optional(),
          }),
          response: { 200: SessionView },
        },
      },
      async (request, reply) => {
        const { username, password, organisationId } = request.body;
        const user = await db
          .selectFrom('app_user')
          .select(['id', 'password_hash'])
          .where('username', '=', username)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        const valid = await verifyPassword(password, user?.password_hash ?? UNKNOWN_USER_HASH);
        if (!user || !valid) throw new AppError('invalid_credentials');
        const membership = await db
          .selectFrom('membership')
          .select('organisation_id')
          .where('user_id', '=', user.id)
          .$if(organisationId !== undefined, (q) => q.where('organisation_id', '=', organisationId ?? ''))
          .orderBy('organisation_id')
          .executeTakeFirst();
        if (!membership) throw new AppError('invalid_credentials');
        const { token, csrfToken } = await openSession(db, clock, user.id, membership.organisation_id);
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        const actor = await findSessionActor(db, clock, token);
        if (!actor) throw new AppError('internal_error');
        return sessionView(actor, csrfToken);
      },
    );

    app.get(
      '/session',
      {
        config: { permission: { who: 'signed_in' } },
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
        config: { permission: { who: 'signed_in' } },
        schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await endSession(db, clock, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
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
            kind: z.enum(['post', 'municipality', 'regional_authority', 'employment_service']),
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
