import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { readDocument } from '../access/gate.js';
import { readContextOf } from '../access/read-context.js';
import { actorOf, commandOf } from '../identity/request.js';
import { AppError } from '../platform/errors.js';
import { DOCUMENT_TYPES, type DocumentType } from '../contract/documents.js';
import { ACCEPTED_MEDIA_TYPES, MAX_DOCUMENT_BYTES } from '../rules/documents.js';
import { DossierViewWithSources } from '../contract/views.js';
import { fileResponse } from '../platform/responses.js';
import { addDocument, documentContent, removeDocument } from './documents.service.js';

const isDocumentType = (v: unknown): v is DocumentType =>
  typeof v === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(v);

/**
 * Reads the multipart body; what its parser throws on a broken body (no boundary, truncated, a
 * malformed part header) carries no status, so it is a request that could not be read, not a 500.
 * The catalogued errors of the plugin (file too large, too many parts) keep theirs.
 */
async function readingMultipart<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError || (error as { statusCode?: unknown }).statusCode !== undefined)
      throw error;
    throw new AppError('request_malformed');
  }
}

export function documentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    const tags = ['documents'];

    app.post(
      '/dossiers/:id/documents',
      {
        config: {
          permission: { who: 'signed_in', why: 'the transition table names who may add documents when' },
        },
        schema: {
          tags,
          summary:
            'Upload one document (multipart: fields `type`, then `file`; PDF, JPEG or PNG up to 10 MB)',
          params: z.object({ id: z.uuid() }),
          consumes: ['multipart/form-data'],
          response: { 201: DossierViewWithSources },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError('validation_failed', { errors: [{ field: 'file', code: 'required' }] });
        const upload = await readingMultipart(async () => {
          let type: unknown;
          let file: { fileName: string; content: Buffer } | undefined;
          // Every part is read, so a second file or a field too many is refused, not ignored.
          for await (const part of request.parts({
            limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, parts: 6 },
          })) {
            if (part.type === 'field') {
              if (part.fieldname === 'type') type = part.value;
              continue;
            }
            if (!isDocumentType(type)) {
              part.file.resume();
              throw new AppError('validation_failed', {
                errors: [{ field: 'type', code: type ? 'invalid_choice' : 'required' }],
              });
            }
            file = { fileName: part.filename, content: await part.toBuffer() };
          }
          if (!file || !isDocumentType(type))
            throw new AppError('validation_failed', { errors: [{ field: 'file', code: 'required' }] });
          return { type, ...file };
        });
        const result = await addDocument(deps, commandOf(request, undefined), request.params.id, upload);
        return reply.code(result.status as 201).send(result.body);
      },
    );

    app.get(
      '/dossiers/:id/documents/:documentId',
      {
        config: { permission: { who: 'signed_in' } },
        schema: {
          tags,
          summary: 'Download a document the caller may read',
          params: z.object({ id: z.uuid(), documentId: z.uuid() }),
          response: { 200: fileResponse('The file as uploaded', ACCEPTED_MEDIA_TYPES) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { id, documentId } = request.params;
        const { doc, content } = await deps.db.transaction().execute(async (tx) => {
          const doc = await readDocument(tx, actor, deps.clock, id, documentId, readContextOf(request));
          try {
            return { doc, content: await documentContent(deps, tx, id, doc) };
          } catch (error) {
            // Someone changed a stored file, or its key: operators must hear of it. Ids only.
            if (error instanceof AppError && error.code === 'document_damaged')
              request.log.warn({ documentId, event: 'document_seal_broken' });
            throw error;
          }
        });
        return reply
          .type(doc.mediaType)
          .header('content-disposition', `attachment; filename="${doc.id}"`)
          .header('cache-control', 'no-store')
          .send(content);
      },
    );

    app.delete(
      '/dossiers/:id/documents/:documentId',
      {
        config: { permission: { who: 'signed_in' } },
        schema: {
          tags,
          summary: 'Remove a document from a draft',
          params: z.object({ id: z.uuid(), documentId: z.uuid() }),
          response: { 200: DossierViewWithSources },
        },
      },
      async (request, reply) => {
        const { id, documentId } = request.params;
        const result = await removeDocument(deps, commandOf(request, { id, documentId }), id, documentId);
        return reply.code(result.status as 200).send(result.body);
      },
    );
    return Promise.resolve();
  };
}
