import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { appendAudit, type AuditEntry } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { AppError, type ErrorCode } from '../platform/errors.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../contract/organisations.js';
import { SECOND_FACTOR_KINDS, type Actor } from './actor.js';
import { UNKNOWN_USER_HASH, verifyPassword } from './passwords.js';
import {
  endSession,
  findSessionActor,
  openSession,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
} from './sessions.js';
import { beginAttempt, forget, succeeded } from './throttle.js';
import { matchTotp } from './totp.js';

export const SessionView = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), name: z.string() }),
  organisation: z.object({ id: z.uuid(), kind: z.enum(ORGANISATION_KINDS), name: z.string() }),
  roles: z.array(z.string()),
  csrfToken: z.string(),
});

export const sessionView = (actor: Actor, csrfToken: string): z.infer<typeof SessionView> => ({
  user: { id: actor.userId, username: actor.username, name: actor.name },
  organisation: { id: actor.organisation.id, kind: actor.organisation.kind, name: actor.organisation.name },
  roles: actor.roles,
  csrfToken,
});

export function sessionCookieOptions(production: boolean) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: production,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  };
}

/** Appends to the audit trail in a transaction of its own: the chain lock lives in a transaction. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((tx) => appendAudit(tx, entry));
}

/**
 * Opens a session for a user who proved who they are, and sets its cookie. A cookie the browser
 * already held is ended first, so a session planted before sign-in never becomes a signed-in one.
 */
export async function completeSignIn(
  { db, clock, config }: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  signIn: { userId: string; organisationId: string; method: 'password' | 'oidc'; secondFactor: boolean },
): Promise<z.infer<typeof SessionView>> {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await endSession(db, clock, previous);
  const { token, csrfToken } = await db.transaction().execute(async (tx) => {
    const opened = await openSession(tx, clock, signIn.userId, signIn.organisationId);
    // The language the portal was used in: the user's e-mails are written in it (exchange/notifications.ts).
    if (request.headers['accept-language']) {
      await tx
        .updateTable('app_user')
        .set({ language: request.language })
        .where('id', '=', signIn.userId)
        .execute();
    }
    await appendAudit(tx, {
      at: clock.now(),
      kind: 'login',
      actorUserId: signIn.userId,
      actorOrganisationId: signIn.organisationId,
      details: { method: signIn.method, secondFactor: signIn.secondFactor },
    });
    return opened;
  });
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config.production));
  const actor = await findSessionActor(db, clock, token);
  if (!actor) throw new AppError('internal_error');
  return sessionView(actor, csrfToken);
}

/**
 * Checks a TOTP code against the user's secret and records its step, in one conditional update:
 * a code is accepted once, and a step at or before the last accepted one is a replay.
 */
export async function acceptTotpCode(
  db: Db,
  clock: Clock,
  userId: string,
  secret: string,
  code: string,
): Promise<boolean> {
  const step = matchTotp(secret, code, clock.now());
  if (step === undefined) return false;
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface PasswordSignIn {
  username: string;
  password: string;
  totp: string | undefined;
  organisationId: string | undefined;
}

/** Why a sign-in failed, for the audit trail only: the caller sees the catalogue error. */
type FailureReason =
  | 'too_many_attempts'
  | 'invalid_credentials'
  | 'no_membership'
  | 'second_factor_required'
  | 'second_factor_not_enrolled'
  | 'second_factor_invalid';

/**
 * Username, password and — for accounts that have one or act for an authority — a TOTP code.
 * The throttle is consulted before the password is even hashed; the password is checked before
 * anything is said about the second factor, so that step reveals nothing to a guesser.
 */
export async function passwordSignIn(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  input: PasswordSignIn,
): Promise<z.infer<typeof SessionView>> {
  const { db, clock, config } = deps;
  const admission = await beginAttempt(db, clock, input.username, request.ip);
  const attempt = admission.admitted ? admission.attempt : undefined;
  const fail = async (
    reason: FailureReason,
    code: ErrorCode,
    userId?: string,
    counted = true,
  ): Promise<never> => {
    // An attempt that is not a guess (the code was not given yet) leaves the count alone.
    if (attempt && !counted) await forget(db, attempt);
    await audit(db, {
      at: clock.now(),
      kind: 'login_failed',
      details: { reason, ...(userId && { userId }) },
    });
    throw new AppError(code, admission.admitted ? {} : { retryAfterSeconds: admission.retryAfterSeconds });
  };
  if (!attempt) return fail('too_many_attempts', 'too_many_attempts');

  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'totp_secret'])
    .where('username', '=', input.username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  const valid = await verifyPassword(input.password, user?.password_hash ?? UNKNOWN_USER_HASH);
  if (!user || !user.password_hash || !valid)
    return fail('invalid_credentials', 'invalid_credentials', user?.id);

  const memberships = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'o.kind'])
    .where('m.user_id', '=', user.id)
    .orderBy('m.organisation_id')
    .execute();
  const acting = input.organisationId
    ? memberships.find((m) => m.organisation_id === input.organisationId)
    : memberships[0];
  if (!acting) return fail('no_membership', 'invalid_credentials', user.id);

  // Any authority membership counts, not only the one chosen now: switching organisation later
  // must not step around the second factor.
  const authority = memberships.some((m) => SECOND_FACTOR_KINDS.includes(m.kind as OrganisationKind));
  let secondFactor = false;
  if (user.totp_secret) {
    if (!input.totp) return fail('second_factor_required', 'second_factor_required', user.id, false);
    const accepted = await acceptTotpCode(db, clock, user.id, user.totp_secret, input.totp);
    if (!accepted) return fail('second_factor_invalid', 'second_factor_invalid', user.id);
    secondFactor = true;
  } else if (authority && config.secondFactor !== 'demo_exempt') {
    return fail('second_factor_not_enrolled', 'second_factor_required', user.id, false);
  }

  await succeeded(db, attempt);
  return completeSignIn(deps, request, reply, {
    userId: user.id,
    organisationId: acting.organisation_id,
    method: 'password',
    secondFactor,
  });
}
