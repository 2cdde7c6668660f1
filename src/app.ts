import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AppDeps } from './deps.js';
import { documentRoutes } from './documents/documents.routes.js';
import { dossierRoutes } from './dossier/dossier.routes.js';
import { registerRoutes } from './identity/registers.routes.js';
import { checkRoutes } from './dossier/checks.routes.js';
import { deliveryRoutes } from './exchange/deliveries.routes.js';
import { inboxRoutes } from './exchange/inbox.routes.js';
import { letterRoutes } from './letters/letters.routes.js';
import { recordRefusal } from './audit/refusals.js';
import { useAuditKey } from './audit/audit.js';
import { useCollectingAccounts } from './dossier/fee.js';
import { auditRoutes } from './audit/audit.routes.js';
import { oversightRoutes } from './access/oversight.routes.js';
import { operationsRoutes } from './operations/operations.routes.js';
import { JOBS } from './jobs.js';
import { installAuthentication } from './identity/authentication.js';
import { identityRoutes } from './identity/identity.routes.js';
import { oidcRoutes } from './identity/oidc.routes.js';
import { tokenRoutes } from './identity/tokens.routes.js';
import { totpRoutes } from './identity/totp.routes.js';
import { ERROR_CATALOGUE } from './platform/errors.js';
import { LANGUAGES } from './contract/language.js';
import { openApiComponents } from './platform/responses.js';
import { installErrorHandling, installLanguage } from './platform/http.js';
import {
  API_DOCS_CSP,
  clientErrorHandler,
  frameworkErrors,
  installSecurityHeaders,
  installTextGuard,
  installUrlLimit,
} from './platform/hardening.js';
import { requireDeclaredPermissions } from './identity/authentication.js';
import { MAX_DOCUMENT_BYTES } from './rules/documents.js';
import { rulesRoutes } from './rules/rules.routes.js';
import { installationRoutes } from './installation.routes.js';
import { policySettingRoutes } from './access/settings.routes.js';
import { rightsRoutes } from './rights/requests.routes.js';
import { retentionRoutes } from './retention/retention.routes.js';
import { statisticsRoutes } from './statistics/statistics.routes.js';
import { committeeRoutes } from './committee/committee.routes.js';
import { costRoutes } from './costs/costs.routes.js';

export const API_PREFIX = '/api/v1';

/** TRUST_PROXY as Fastify takes it: a hop count becomes the function Fastify itself would make of it. */
const trustProxyOption = (setting: false | number | string[]) =>
  typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;

/** Assembles the platform from its modules; tests call it with a fresh database. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // The audit chain is keyed by the installation's key, which never enters the database.
  useAuditKey(deps.config.auditKey);
  useCollectingAccounts(deps.config.collectingAccounts);
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
    // One line per request, written when it is answered (below), not two: the console stays readable.
    logController: new LogController({ disableRequestLogging: true }),
    // TRUST_PROXY: behind a reverse proxy request.ip is the client's, which throttling counts by.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    // Refusals before a route or a request exists answer problems too (platform/hardening.ts).
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  // Fastify hands a request without a body to the body validator as `null`; a route whose body is
  // optional (`POST /dossiers/{id}/submit`, called with no body as the README shows) must see it as
  // absent, else `.optional()` refuses it with `validation_failed`.
  app.setValidatorCompiler<z.ZodType>((route) => {
    const validate = validatorCompiler(route);
    return route.httpPart === 'body'
      ? (data: unknown) => validate(data === null ? undefined : data)
      : validate;
  });
  app.setSerializerCompiler(serializerCompiler);
  requireDeclaredPermissions(app, ['/api/docs']);
  installLanguage(app);
  installSecurityHeaders(app, deps.config.production);
  installUrlLimit(app);
  installErrorHandling(app, (request, error) => recordRefusal(deps.db, deps.clock, request, error));
  // In demo mode the answered requests are `debug`: `npm start` ends with the demo accounts, and they
  // stay on screen while the portal is used (LOG_LEVEL=debug shows the requests again).
  const answeredLevel = deps.config.demo ? 'debug' : 'info';
  app.addHook('onResponse', (request, reply, done) => {
    request.log[answeredLevel](
      {
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'answered',
    );
    done();
  });
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
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (sw_…) with scopes' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: openApiComponents,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: API_DOCS_CSP });
  installAuthentication(app, deps.db, deps.clock);
  // After authentication: NUL or lone surrogates in any text, refused before any route sees them.
  installTextGuard(app);

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
        response: {
          200: z.object({
            code: z.string(),
            status: z.number().int().describe('The HTTP status a problem of this type answers with'),
            title: z
              .record(z.enum(LANGUAGES), z.string())
              .describe('What the problem means, in each language'),
          }),
        },
      },
    },
    async (request, reply) => {
      // Only the catalogue's own codes: `constructor` or `__proto__` are properties of every object.
      const entry = Object.hasOwn(ERROR_CATALOGUE, request.params.code)
        ? (ERROR_CATALOGUE as Record<string, (typeof ERROR_CATALOGUE)[keyof typeof ERROR_CATALOGUE]>)[
            request.params.code
          ]
        : undefined;
      if (!entry) {
        reply.callNotFound();
        return;
      }
      return { code: request.params.code, status: entry.status, title: entry.title };
    },
  );

  await app.register(identityRoutes(deps), { prefix: API_PREFIX });
  await app.register(totpRoutes(deps), { prefix: API_PREFIX });
  await app.register(tokenRoutes(deps), { prefix: API_PREFIX });
  await app.register(oidcRoutes(deps), { prefix: API_PREFIX });
  await app.register(dossierRoutes(deps), { prefix: API_PREFIX });
  await app.register(documentRoutes(deps), { prefix: API_PREFIX });
  await app.register(letterRoutes(deps), { prefix: API_PREFIX });
  await app.register(registerRoutes(deps), { prefix: API_PREFIX });
  await app.register(deliveryRoutes(deps), { prefix: API_PREFIX });
  await app.register(checkRoutes(deps), { prefix: API_PREFIX });
  await app.register(inboxRoutes(deps), { prefix: API_PREFIX });
  await app.register(installationRoutes(deps), { prefix: API_PREFIX });
  await app.register(rulesRoutes(deps), { prefix: API_PREFIX });
  await app.register(policySettingRoutes(deps), { prefix: API_PREFIX });
  await app.register(rightsRoutes(deps), { prefix: API_PREFIX });
  await app.register(retentionRoutes(deps), { prefix: API_PREFIX });
  await app.register(statisticsRoutes(deps), { prefix: API_PREFIX });
  await app.register(committeeRoutes(deps), { prefix: API_PREFIX });
  await app.register(costRoutes(deps), { prefix: API_PREFIX });
  await app.register(auditRoutes(deps), { prefix: API_PREFIX });
  await app.register(oversightRoutes(deps), { prefix: API_PREFIX });
  await app.register(operationsRoutes(deps, JOBS), { prefix: API_PREFIX });
  await serveWebApp(app);
  return app;
}

/** The portal's build (`npm run build:web`); absent in API-only runs, where nothing is served. */
export const WEB_ROOT = fileURLToPath(new URL('../web/dist/', import.meta.url));

/**
 * Serves the single-page portal from the same process. Its routes declare their permission like
 * every other; paths under /api/ never fall back to the page, so an unknown API path stays a 404
 * problem. `serve: false`: the plugin only lends `sendFile` (which refuses paths leaving the root).
 */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  if (!existsSync(`${WEB_ROOT}index.html`)) return;
  await app.register(fastifyStatic, { root: WEB_ROOT, serve: false });
  const page = {
    config: { permission: { who: 'anyone' as const } },
    schema: { hide: true },
  };
  // The portal loads nothing from elsewhere and is never framed; styles set from script are CSSOM.
  const csp =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
  app.get('/assets/*', page, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    // Only names of the build's own files: no way up or aside (`..`, `\\`, a NUL), else 404.
    if (!/^[\w.-]+(?:\/[\w.-]+)*$/.test(file) || file.split('/').includes('..')) {
      reply.callNotFound();
      return reply;
    }
    // Vite names assets by content hash, so a cached copy can never be stale.
    return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${file}`);
  });
  app.get('/*', page, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path === 'api' || path.startsWith('api/')) {
      reply.callNotFound();
      return reply;
    }
    const file = `${WEB_ROOT}${path}`;
    // index.html by its own name is the page too, with the page's headers.
    if (
      path !== '' &&
      path !== 'index.html' &&
      !path.includes('..') &&
      existsSync(file) &&
      statSync(file).isFile()
    ) {
      return reply.sendFile(path);
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', csp)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .sendFile('index.html');
  });
}
