import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { AppError } from '../platform/errors.js';
import { newSecret, sha256 } from '../platform/ids.js';
import { audit, completeSignIn } from './login.js';
import { OidcRejected, openIdConnectProvider, type OidcProvider } from './oidc.js';

/** Ties the flow to the browser that started it, so nobody can finish a sign-in for someone else. */
const FLOW_COOKIE = 'sw_oidc';
const FLOW_PATH = '/api/v1/session/oidc';
/** Long enough to sign in at the provider, short enough that a stolen state is of little use. */
const FLOW_TTL_MS = 10 * 60 * 1000;

const challengeOf = (verifier: string): string => Buffer.from(sha256(verifier), 'hex').toString('base64url');

/**
 * Sign-in through the external provider, when configured (OIDC_* settings). The routes exist in
 * every configuration so the API document does not depend on it; without a provider they are 404.
 */
export function oidcRoutes(
  deps: AppDeps,
  provider: OidcProvider | undefined = deps.config.oidc
    ? openIdConnectProvider(deps.config.oidc, deps.clock)
    : undefined,
): FastifyPluginAsyncZod {
  const { db, clock, config } = deps;
  const flowCookie = {
    path: FLOW_PATH,
    httpOnly: true,
    // Lax, not strict: the browser comes back from the provider's site and must bring it along.
    sameSite: 'lax' as const,
    secure: config.production,
    maxAge: FLOW_TTL_MS / 1000,
  };

  return (app) => {
    app.get(
      '/session/oidc',
      {
        config: { permission: { who: 'anyone' } },
        schema: {
          tags: ['session'],
          summary: 'Sign in through the external OpenID Connect provider (redirects there)',
          response: { 302: z.null().describe('Redirect to the provider') },
        },
      },
      async (_request, reply) => {
        if (!provider) throw new AppError('not_found');
        const now = clock.now();
        const state = newSecret();
        const nonce = newSecret();
        const codeVerifier = newSecret(); // 43 base64url characters: a valid PKCE verifier
        const url = await provider.authorizationUrl({
          state,
          nonce,
          codeChallenge: challengeOf(codeVerifier),
        });
        await db.deleteFrom('oidc_login').where('expires_at', '<=', now).execute();
        await db
          .insertInto('oidc_login')
          .values({
            state_hash: sha256(state),
            nonce,
            code_verifier: codeVerifier,
            created_at: now,
            expires_at: new Date(now.getTime() + FLOW_TTL_MS),
          })
          .execute();
        reply.setCookie(FLOW_COOKIE, state, flowCookie);
        return reply.redirect(url, 302);
      },
    );

    app.get(
      '/session/oidc/callback',
      {
        config: { permission: { who: 'anyone' } },
        schema: {
          tags: ['session'],
          summary: 'Where the provider sends the browser back; opens the session and redirects to /',
          querystring: z.object({
            code: z.string().max(2000).optional(),
            state: z.string().max(200).optional(),
            error: z.string().max(200).optional(),
          }),
          response: { 302: z.null().describe('Signed in: redirect to /') },
        },
      },
      async (request, reply) => {
        if (!provider) throw new AppError('not_found');
        const { code, state } = request.query;
        const cookieState = request.cookies[FLOW_COOKIE];
        reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
        const refuse = async (reason: string): Promise<never> => {
          await audit(db, { at: clock.now(), kind: 'login_failed', details: { reason, method: 'oidc' } });
          throw new AppError('invalid_credentials');
        };
        if (!state) return refuse('oidc_no_state');
        // Whatever happens next, this state is used up.
        const flow = await db
          .deleteFrom('oidc_login')
          .where('state_hash', '=', sha256(state))
          .returning(['nonce', 'code_verifier', 'expires_at'])
          .executeTakeFirst();
        if (!flow || flow.expires_at <= clock.now()) return refuse('oidc_unknown_state');
        if (cookieState !== state) return refuse('oidc_state_not_of_this_browser');
        if (!code) return refuse('oidc_no_code');

        let subject: string;
        try {
          ({ subject } = await provider.exchange({
            code,
            codeVerifier: flow.code_verifier,
            nonce: flow.nonce,
          }));
        } catch (error) {
          if (error instanceof OidcRejected) return refuse(`oidc_${error.reason}`);
          throw error;
        }
        const user = await db
          .selectFrom('app_user as u')
          .innerJoin('membership as m', 'm.user_id', 'u.id')
          .select(['u.id', 'm.organisation_id'])
          .where('u.external_subject', '=', subject)
          .where('u.disabled_at', 'is', null)
          .orderBy('m.organisation_id')
          .executeTakeFirst();
        if (!user) return refuse('oidc_unknown_subject');
        await completeSignIn(deps, request, reply, {
          userId: user.id,
          organisationId: user.organisation_id,
          method: 'oidc',
          secondFactor: false,
        });
        return reply.redirect('/', 302);
      },
    );
    return Promise.resolve();
  };
}
