import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors.js';
import type { Actor } from './actor.js';

/** The signed-in caller of a route whose permission already required one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** A state change may carry an `Idempotency-Key`, so a retried request never acts twice. */
export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().min(8).max(200).optional(),
});

/** One state change as asked: who, under which idempotency key, on which route, with what. */
export interface Command {
  actor: Actor;
  idempotencyKey: string | undefined;
  route: string;
  request: unknown;
}

/** The command a request asks for; the route and its parameters key the replay of its answer. */
export function commandOf(request: FastifyRequest, body: unknown = request.body): Command {
  const key = request.headers['idempotency-key'];
  return {
    actor: actorOf(request),
    idempotencyKey: typeof key === 'string' ? key : undefined,
    route: `${request.method} ${request.routeOptions.url ?? ''} ${JSON.stringify(request.params)}`,
    request: body,
  };
}
