import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import type { AppError } from '../platform/errors.js';
import { appendAudit } from './audit.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A refused read or action goes to the audit trail: who tried what on which dossier id (even a
 * guessed one). The route pattern is recorded, never the URL with its query, which could carry
 * search terms about a person.
 */
export async function recordRefusal(
  db: Db,
  clock: Clock,
  request: FastifyRequest,
  error: AppError,
): Promise<void> {
  const params = request.params as Record<string, unknown> | undefined;
  const dossierId = typeof params?.id === 'string' && UUID.test(params.id) ? params.id : null;
  try {
    await appendAudit(db, {
      at: clock.now(),
      kind: 'authorisation_refused',
      actorUserId: request.actor?.userId ?? null,
      actorOrganisationId: request.actor?.organisation.id ?? null,
      dossierId,
      details: { code: error.code, method: request.method, route: request.routeOptions.url ?? '' },
    });
  } catch (failure) {
    // The refusal answer must still reach the caller; the failure to record it is logged loudly.
    request.log.error(
      { errorName: (failure as Error).name },
      'could not record a refused request in the audit trail',
    );
  }
}
