import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import { AppError } from '../platform/errors.js';
import { issueToken, listTokens, revokeToken, TOKEN_SCOPES } from './tokens.js';
import { actorOf } from './request.js';

const TokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  issuedBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

/**
 * Managing API tokens is a person's act in a browser session (`sessionOnly`): a token cannot
 * mint or revoke tokens, so a leaked one cannot entrench itself.
 */
export function tokenRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/tokens',
      {
        config: { permission: { who: 'signed_in' }, sessionOnly: true },
        schema: {
          tags: ['tokens'],
          summary: "Issue an API token for the current organisation's systems",
          description: 'The `secret` is shown in this answer only; the platform keeps its SHA-256.',
          body: z.object({
            name: z.string().trim().min(1).max(100),
            scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
            expiresAt: z.iso.datetime({ offset: true }).optional(),
          }),
          response: { 201: z.object({ id: z.uuid(), secret: z.string(), token: TokenView }) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { name, scopes, expiresAt } = request.body;
        const expires = expiresAt ? new Date(expiresAt) : null;
        if (expires && expires <= clock.now()) {
          throw new AppError('validation_failed', { errors: [{ field: 'expiresAt', code: 'date_in_past' }] });
        }
        // The token and its audit entry commit together: no token exists that the trail does not name.
        const issued = await db.transaction().execute(async (tx) => {
          const token = await issueToken(tx, clock, {
            organisationId: actor.organisation.id,
            userId: actor.userId,
            name,
            scopes,
            expiresAt: expires,
          });
          await appendAudit(
            tx,
            actedBy(actor, clock.now(), 'token_issued', {
              details: { tokenId: token.id, scopes: [...new Set(scopes)] },
            }),
          );
          return token;
        });
        const view = (await listTokens(db, actor.organisation.id)).find((t) => t.id === issued.id);
        if (!view) throw new AppError('internal_error');
        return reply.code(201).send({ id: issued.id, secret: issued.secret, token: view });
      },
    );

    app.get(
      '/tokens',
      {
        config: { permission: { who: 'signed_in' }, sessionOnly: true },
        schema: {
          tags: ['tokens'],
          summary: "The current organisation's API tokens, without their secrets",
          response: { 200: z.object({ items: z.array(TokenView), nextCursor: z.null() }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return { items: await listTokens(db, actor.organisation.id), nextCursor: null };
      },
    );

    app.delete(
      '/tokens/:id',
      {
        config: { permission: { who: 'signed_in' }, sessionOnly: true },
        schema: {
          tags: ['tokens'],
          summary: 'Revoke an API token; it stops working at once',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const outcome = await db.transaction().execute(async (tx) => {
          const result = await revokeToken(tx, clock, actor.organisation.id, request.params.id);
          if (result === 'revoked') {
            await appendAudit(
              tx,
              actedBy(actor, clock.now(), 'token_revoked', { details: { tokenId: request.params.id } }),
            );
          }
          return result;
        });
        // A token of another organisation is "not found", so ids of others' tokens cannot be probed.
        if (outcome === 'unknown') throw new AppError('not_found');
        return reply.code(204).send(null);
      },
    );
    return Promise.resolve();
  };
}
