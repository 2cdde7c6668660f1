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
        const part = await request.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } });
        if (!part) throw new AppError('validation_failed', { errors: [{ field: 'file', code: 'required' }] });
        const typeField = part.fields.type;
        const type = typeField && 'value' in typeField ? typeField.value : undefined;
        if (!isDocumentType(type)) {
          part.file.resume();
          throw new AppError('validation_failed', {
            errors: [{ field: 'type', code: type ? 'invalid_choice' : 'required' }],
          });
        }
        const content = await part.toBuffer();
        const result = await addDocument(deps, commandOf(request, undefined), request.params.id, {
          type,
          fileName: part.filename,
          content,
        });
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
