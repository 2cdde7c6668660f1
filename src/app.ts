import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { documentRoutes } from './documents/documents.routes.js';
import type { DocumentStorage } from './documents/storage.js';
import { dossierRoutes } from './dossier/dossier.routes.js';
import { recordRefusal } from './audit/refusals.js';
import { installAuthentication } from './identity/authentication.js';
import { identityRoutes } from './identity/identity.routes.js';
import type { Clock } from './platform/clock.js';
import { ERROR_CATALOGUE } from './platform/errors.js';
import { installErrorHandling, installLanguage, requireDeclaredPermissions } from './platform/http.js';
import { MAX_DOCUMENT_BYTES } from './rules/documents.js';

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  storage: DocumentStorage;
}

export const API_PREFIX = '/api/v1';

/** Assembles the platform from its modules; tests call it with a fresh database. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : {
            level: deps.config.logLevel,
            // Requests are logged by method and route only: URLs and bodies never reach the log.
            serializers: {
              req: (req: { method: string; routeOptions?: { url?: string } }) => ({
                method: req.method,
                route: req.routeOptions?.url,
              }),
            },
          },
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  requireDeclaredPermissions(app, ['/api/docs']);
  installLanguage(app);
  installErrorHandling(app, (request, error) => recordRefusal(deps.db, deps.clock, request, error));
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Single Window — Working in Belgium',
        version: '1.0.0',
        description:
          'The API of the electronic platform for the single permit, work permits and professional cards ' +
          '(cooperation agreement of 31 January 2025). Errors are RFC 9457 problem details; lists are ' +
          'paginated with an opaque cursor; state changes accept an Idempotency-Key header.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sw_session' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuthentication(app, deps.db, deps.clock);

  app.get('/health', { config: { permission: { who: 'anyone' } }, schema: { hide: true } }, async () =>
    Promise.resolve({ status: 'ok' }),
  );
  app.get(
    '/ready',
    { config: { permission: { who: 'anyone' } }, schema: { hide: true } },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' };
      } catch {
        return reply.code(503).send({ status: 'unavailable' });
      }
    },
  );
  app.get(
    '/api/openapi.json',
    { config: { permission: { who: 'anyone' } }, schema: { hide: true } },
    async () => Promise.resolve(app.swagger()),
  );
  app.get(
    '/api/problems/:code',
    {
      config: { permission: { who: 'anyone' } },
      schema: {
        tags: ['problems'],
        summary: 'What a problem type means',
        params: z.object({ code: z.string() }),
      },
    },
    async (request, reply) => {
      const entry = (
        ERROR_CATALOGUE as Record<string, (typeof ERROR_CATALOGUE)[keyof typeof ERROR_CATALOGUE]>
      )[request.params.code];
      if (!entry) {
        reply.callNotFound();
        return;
      }
      return { code: request.params.code, status: entry.status, title: entry.title };
    },
  );

  await app.register(identityRoutes(deps), { prefix: API_PREFIX });
  await app.register(dossierRoutes(deps), { prefix: API_PREFIX });
  await app.register(documentRoutes(deps), { prefix: API_PREFIX });
  return app;
}
