import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { APPLICANT_KINDS } from '../identity/actor.js';
import { actorOf } from '../identity/request.js';
import { AppError } from '../platform/errors.js';
import { parseEnterpriseNumber } from '../contract/identifiers.js';
import { EnterpriseView, InboxItem, InboxList } from '../contract/exchange.js';
import { markRead, listMessages } from './inbox.js';

const applicants = {
  who: 'signed_in',
  kinds: APPLICANT_KINDS,
  why: 'applicants receive the communications about their dossiers (Art. 20 §5) and file them',
} as const;

const inboxHolders = {
  who: 'signed_in',
  kinds: [...APPLICANT_KINDS, 'worker'],
  why: 'applicants receive the communications about their dossiers (Art. 20 §5); workers the decisions about them (Art. 24)',
} as const;

const MessageQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(500).optional(),
    /** 0 answers the unread count alone, without reading any message. */
    limit: z.coerce.number().int().min(0).max(200).default(50),
  })
  .strict();

/**
 * The applicant's inbox of messages (Art. 20 §5), and the enterprise data the form pre-fills
 * from the Crossroads Bank for Enterprises so the employer is not asked again (Art. 20 §2 3°).
 */
export function inboxRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/messages',
      {
        config: { permission: inboxHolders },
        schema: {
          tags: ['messages'],
          summary:
            'Messages to the caller’s organisation (or, for a worker, to them) about its dossiers, newest first',
          querystring: MessageQuery,
          response: { 200: InboxList },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const query = {
          unread: request.query.unread === undefined ? undefined : request.query.unread === 'true',
          cursor: request.query.cursor,
          limit: request.query.limit,
          language: request.language,
        };
        return deps.db.transaction().execute((tx) => listMessages(tx, actor, deps.clock, query));
      },
    );

    app.post(
      '/messages/:id/read',
      {
        config: { permission: inboxHolders },
        schema: {
          tags: ['messages'],
          summary: 'Mark a message read (once; a repeat answers it unchanged)',
          params: z.object({ id: z.uuid() }),
          body: z.object({}).strict().optional(),
          response: { 200: InboxItem },
        },
      },
      async (request) => markRead(deps, actorOf(request), request.params.id, request.language),
    );

    app.get(
      '/enterprises/:number',
      {
        config: { permission: applicants },
        schema: {
          tags: ['enterprises'],
          summary: 'Name and registered seat of an enterprise, from the Crossroads Bank for Enterprises',
          params: z.object({ number: z.string().max(40) }),
          response: { 200: EnterpriseView },
        },
      },
      async (request) => {
        const number = parseEnterpriseNumber(request.params.number);
        if (!number) {
          throw new AppError('validation_failed', {
            errors: [{ field: 'params.number', code: 'invalid_enterprise_number' }],
          });
        }
        const controller = new AbortController();
        const timer = setTimeout(() => {
          controller.abort();
        }, deps.sources.timeoutMs);
        let answer;
        try {
          answer = await deps.sources.kbo.enterprise(number, { signal: controller.signal });
        } catch {
          throw new AppError('source_unavailable');
        } finally {
          clearTimeout(timer);
        }
        if (!answer.found) throw new AppError('not_found');
        const e = answer.data;
        return {
          enterpriseNumber: e.enterpriseNumber,
          name: e.name,
          status: e.status,
          legalForm: e.legalForm,
          seat: e.seat,
        };
      },
    );
    return Promise.resolve();
  };
}
