import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { languageFromHeader } from '../contract/language.js';
import { AppError, type ErrorCode } from './errors.js';
import { problemOf, sendProblem } from './http.js';

/**
 * What every answer carries and what no input may hold, installed once for the whole app so a
 * route added tomorrow has it without knowing.
 */

/** For answers that set no policy of their own (API JSON, downloads): nothing may load or frame them. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The API reference page (Swagger UI): its page loads its scripts and styles from files of its own,
 * none inline; it reads the OpenAPI document from the same origin and draws icons from data: URLs.
 * The one inline `<style>` its bundle inserts is allowed by its hash, not by 'unsafe-inline'
 * (checked in Chromium: the page renders every operation and reports no violation; a new
 * swagger-ui version that changes that style shows up as unstyled bits, never as a script).
 */
export const API_DOCS_CSP =
  "default-src 'self'; base-uri 'none'; connect-src 'self'; font-src 'self' data:; form-action 'self'; " +
  "frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; " +
  "script-src-attr 'none'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * `nosniff` and no referrer on every answer, a closed CSP where a route set none, HSTS in
 * production. API answers carry personal data: no cache, shared or private, may keep them unless
 * a route says otherwise (downloads and letters set their own).
 */
export function installSecurityHeaders(app: FastifyInstance, production: boolean): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', DEFAULT_CSP);
    if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    if (production) reply.header('strict-transport-security', HSTS);
    return Promise.resolve();
  });
}

/** Longer than any address of the platform or the portal; browsers and proxies stop near 8 KiB. */
export const MAX_URL_LENGTH = 4096;

/**
 * 414 for an address longer than `MAX_URL_LENGTH`, whatever route it would reach (the portal's
 * catch-all route would otherwise take a path whose parameter is too long for the API's router).
 */
export function installUrlLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH) throw new AppError('request_uri_too_long');
    return Promise.resolve();
  });
}

/** A NUL or an unpaired UTF-16 surrogate: no person types one, PostgreSQL text cannot hold a NUL. */
// eslint-disable-next-line no-control-regex
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasBadText = (value: string): boolean => BAD_TEXT.test(value);

/** The path of the first string (or key) in `value` holding bad text, or undefined. */
export function badTextPath(value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  if (typeof value === 'string') return hasBadText(value) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = badTextPath(item, [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (hasBadText(key)) return [...path, key];
    const found = badTextPath(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The platform's own headers (`X-Purpose`…) may carry percent-encoded UTF-8; judge them decoded. */
function decodedHeader(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Refuses text with a NUL or a lone surrogate anywhere in the body, query, path parameters or
 * headers, before any route sees it: one hook on every route rather than a refinement on every
 * text schema, because a hook cannot be forgotten by the next route or schema, covers what no
 * schema declares (headers read by hand such as `X-Purpose`, keys of records, bodies of routes
 * without a schema) and runs after authentication, so a caller who may not call a route still
 * learns nothing from it. Answers `validation_failed` naming the field, like a schema would.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts: [string, unknown][] = [
      ['', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ];
    for (const [prefix, value] of parts) {
      const path = badTextPath(value);
      if (path) throw textRefused([prefix, ...path]);
    }
    for (const [name, value] of Object.entries(request.headers)) {
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      const platformHeader = name.startsWith('x-');
      if (values.some((v) => hasBadText(v) || (platformHeader && hasBadText(decodedHeader(v)))))
        throw textRefused(['headers', name]);
    }
    return Promise.resolve();
  });
}

const textRefused = (path: string[]) =>
  new AppError('validation_failed', {
    errors: [{ field: path.filter(Boolean).join('.'), code: 'invalid_format' }],
  });

/**
 * Errors Fastify raises before a route is found (a URL it cannot decode, a parameter over
 * `maxParamLength`): the same problem answers as any other, in the caller's language.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.language = languageFromHeader(request.headers['accept-language']);
  const code: ErrorCode =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'request_uri_too_long'
      : error.code === 'FST_ERR_BAD_URL'
        ? 'not_found'
        : (error.statusCode ?? 500) < 500
          ? 'request_malformed'
          : 'internal_error';
  void sendProblem(
    reply.header('x-content-type-options', 'nosniff').header('content-security-policy', DEFAULT_CSP),
    request,
    new AppError(code),
  );
}

/**
 * Errors of the connection before there is a request (headers too large, a request line Node
 * cannot parse, a timeout): written to the socket as a problem, since Fastify has no reply yet.
 * The language is read from what arrived of the headers, if it got that far.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'request_headers_too_large'
      : error.code === 'HPE_URI_TOO_LONG'
        ? 'request_uri_too_long'
        : 'request_malformed';
  const packet: unknown = error.rawPacket;
  const raw = Buffer.isBuffer(packet) ? packet.toString('latin1') : '';
  const language = languageFromHeader(/^accept-language:[ \t]*([^\r\n]*)/im.exec(raw)?.[1]);
  const problem = problemOf(new AppError(code), language);
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
        'Connection: close\r\n' +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Security-Policy: ${DEFAULT_CSP}\r\n\r\n` +
        body,
    );
  }
  socket.destroy(error);
}
