import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  AppError,
  ERROR_CATALOGUE,
  IN_FORCE_DETAIL,
  RETRY_AFTER_DETAIL,
  type ErrorCode,
  type MissingItem,
} from './errors.js';
import { FIELD_MESSAGES, type FieldError } from '../contract/field-messages.js';
import { languageFromHeader, type Language } from '../contract/language.js';
import { fieldErrorsOf } from '../contract/validation.js';

declare module 'fastify' {
  interface FastifyRequest {
    language: Language;
  }
}

export const PROBLEM_TYPE_BASE = '/api/problems/';

export interface ProblemBody {
  type: string;
  code: ErrorCode;
  title: string;
  status: number;
  instance?: string;
  errors?: (FieldError & { message: string })[];
  missing?: MissingItem[];
  /** RFC 9457 `detail`: this occurrence in words, where the title alone would not say it. */
  detail?: string;
  inForceFrom?: string | null;
  /** too_many_attempts: seconds to wait, as in the Retry-After header. */
  retryAfter?: number;
}

export function problemOf(error: AppError, language: Language): ProblemBody {
  const entry = ERROR_CATALOGUE[error.code];
  return {
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    code: error.code,
    title: entry.title[language],
    status: entry.status,
    ...(error.extra.errors && {
      errors: error.extra.errors.map((e) => ({ ...e, message: FIELD_MESSAGES[e.code][language] })),
    }),
    ...(error.extra.missing && { missing: error.extra.missing }),
    ...(error.extra.inForceFrom !== undefined && {
      inForceFrom: error.extra.inForceFrom,
      detail:
        error.extra.inForceFrom === null
          ? IN_FORCE_DETAIL.none[language]
          : IN_FORCE_DETAIL.from[language].replace('{date}', error.extra.inForceFrom),
    }),
    ...(error.extra.retryAfterSeconds !== undefined && {
      retryAfter: error.extra.retryAfterSeconds,
      detail: RETRY_AFTER_DETAIL[language].replace('{seconds}', String(error.extra.retryAfterSeconds)),
    }),
  };
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
    return new AppError('validation_failed', {
      errors: error.validation.flatMap((v) =>
        fieldErrorsOf(
          {
            ...(v.params as object),
            code: v.keyword,
            message: v.message ?? '',
            path: v.instancePath.split('/').filter(Boolean),
          },
          context,
        ),
      ),
    });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('validation_failed', { errors: [{ field: '', code: 'invalid_format' }] });
  }
  if (error.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('document_too_large');
  // A multipart body with too many parts is malformed for this API (one `type`, one `file`).
  if (['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT'].includes(error.code))
    return new AppError('request_malformed');
  if (error.name === 'DatabaseBusyError') return new AppError('database_busy');
  if (error.statusCode === 404) return new AppError('not_found');
  if (error.statusCode === 415) return new AppError('document_type_not_accepted');
  // Refusals of the framework and its plugins before a route ran (body too large, bad length,
  // broken multipart): catalogued by status, never a 500.
  if (error.statusCode === 413) return new AppError('request_too_large');
  if (error.statusCode === 414) return new AppError('request_uri_too_long');
  if (error.statusCode === 431) return new AppError('request_headers_too_large');
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError('request_malformed');
  return new AppError('internal_error');
}

/** Refusals the audit trail must hear of: a read or act the caller was not allowed. */
export const REFUSALS: readonly ErrorCode[] = [
  'not_found',
  'action_forbidden',
  'unauthenticated',
  'csrf_token_invalid',
  'token_scope_insufficient',
];

export function installErrorHandling(
  app: FastifyInstance,
  onRefused: (request: FastifyRequest, error: AppError) => Promise<void>,
): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    // Recorded after the use case's transaction rolled back, so the refusal itself stays on record.
    if (REFUSALS.includes(appError.code) && request.routeOptions.url !== undefined)
      await onRefused(request, appError);
    if (appError.code === 'internal_error') {
      // Only the kind of failure is logged: messages of database errors can quote personal data.
      request.log.error({ errorName: error.name, errorCode: error.code, stack: error.stack?.split('\n')[1] });
    }
    return sendProblem(reply, request, appError);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, new AppError('not_found')));
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const body = problemOf(error, request.language);
  if (body.retryAfter !== undefined) void reply.header('retry-after', String(body.retryAfter));
  return reply.code(body.status).type('application/problem+json').send(body);
}

export function installLanguage(app: FastifyInstance): void {
  app.decorateRequest('language', 'en');
  app.addHook('onRequest', async (request) => {
    request.language = languageFromHeader(request.headers['accept-language']);
    return Promise.resolve();
  });
}
