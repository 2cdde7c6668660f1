import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import { findSessionActor, SESSION_COOKIE } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller and applies each route's declared permission before the body is even
 * validated, so a caller who may not call a route learns nothing from its validation errors.
 * A cookie session must echo its CSRF token on every state change.
 */
export function installAuthentication(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('actor', undefined);
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config.permission;
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await findSessionActor(db, clock, token) : undefined;
    if (!permission || permission.who === 'anyone') return;
    const actor = request.actor;
    if (!actor) throw new AppError('unauthenticated');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('csrf_token_invalid');
    }
    if (permission.kinds && !permission.kinds.includes(actor.organisation.kind)) {
      throw new AppError('action_forbidden');
    }
  });
}
