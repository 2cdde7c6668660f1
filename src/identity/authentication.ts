import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Actor } from './actor.js';
import type { OrganisationKind } from '../contract/organisations.js';
import { findSessionActor, SESSION_COOKIE } from './sessions.js';
import { findTokenActor, type TokenScope } from './tokens.js';

/**
 * Who may call a route, declared beside its path. Dossier-level rights (which dossier, which
 * action) are decided by the gate and the transition table; this is the coarse first door.
 */
export type Permission =
  { who: 'anyone' } | { who: 'signed_in'; kinds?: readonly OrganisationKind[]; why?: string };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    permission?: Permission;
    /**
     * The route manages the caller's own account or credentials (session, second factor, API
     * tokens): a system holding an API token may not call it, whatever its scopes.
     */
    sessionOnly?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

/** Reading needs `dossiers:read`; anything that changes state needs `dossiers:write`. */
const scopeFor = (method: string): TokenScope =>
  SAFE_METHODS.has(method) ? 'dossiers:read' : 'dossiers:write';

/**
 * Resolves the caller and applies each route's declared permission before the body is even
 * validated, so a caller who may not call a route learns nothing from its validation errors.
 * A cookie session must echo its CSRF token on every state change. A bearer token is not sent
 * by browsers on their own, so it needs no CSRF token, but it must carry the scope the method
 * needs.
 */
export function installAuthentication(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('actor', undefined);
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    const permission = config.permission;
    const bearer = bearerOf(request);
    let actor: Actor | undefined;
    let scopes: readonly string[] = [];
    if (bearer !== undefined) {
      const found = bearer ? await findTokenActor(db, clock, bearer) : undefined;
      actor = found?.actor;
      scopes = found?.scopes ?? [];
    } else {
      const token = request.cookies[SESSION_COOKIE];
      actor = token ? await findSessionActor(db, clock, token) : undefined;
    }
    request.actor = actor;
    if (!permission || permission.who === 'anyone') return;
    if (!actor) throw new AppError('unauthenticated');
    if (actor.via === 'token') {
      if (config.sessionOnly || !scopes.includes(scopeFor(request.method))) {
        throw new AppError('token_scope_insufficient');
      }
    } else if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('csrf_token_invalid');
    }
    if (permission.kinds && !permission.kinds.includes(actor.organisation.kind)) {
      throw new AppError('action_forbidden');
    }
  });
}

/** Refuses to start when a route forgets to say who may call it (architecture rule 2). */
export function requireDeclaredPermissions(app: FastifyInstance, publicPrefixes: readonly string[]): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.permission) return;
    if (publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, permission: { who: 'anyone' } };
      return;
    }
    throw new Error(`Route ${String(route.method)} ${route.url} does not declare its permission`);
  });
}
