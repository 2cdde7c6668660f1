import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { readDocument } from '../access/gate.js';
import { readContextOf } from '../dossier/dossier.routes.js';
import { performAction } from '../dossier/dossier.service.js';
import { AppError } from '../platform/errors.js';
import { DOCUMENT_TYPES, type DocumentType } from '../contract/documents.js';
import { MAX_DOCUMENT_BYTES } from '../rules/documents.js';
import { addDocument } from './documents.service.js';

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
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (!actor) throw new AppError('unauthenticated');
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
        const result = await addDocument(
          deps,
          {
            actor,
            idempotencyKey: request.headers['idempotency-key'] as string | undefined,
            route: `POST documents ${request.params.id}`,
            request: undefined,
          },
          request.params.id,
          { type, fileName: part.filename, content },
        );
        return reply.code(result.status).send(result.body);
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
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (!actor) throw new AppError('unauthenticated');
        const doc = await deps.db
          .transaction()
          .execute((tx) =>
            readDocument(
              tx,
              actor,
              deps.clock,
              request.params.id,
              request.params.documentId,
              readContextOf(request),
            ),
          );
        return reply
          .type(doc.mediaType)
          .header('content-disposition', `attachment; filename="${doc.id}"`)
          .header('cache-control', 'no-store')
          .send(deps.storage.open(doc.storageKey));
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
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (!actor) throw new AppError('unauthenticated');
        const { id, documentId } = request.params;
        const result = await performAction(
          deps,
          { actor, idempotencyKey: undefined, route: 'DELETE document', request: { id, documentId } },
          id,
          'remove_document',
          async ({ tx, opened }) => {
            if (!opened.record.documents.some((d) => d.id === documentId)) throw new AppError('not_found');
            await tx
              .updateTable('document')
              .set({ removed_at: deps.clock.now() })
              .where('id', '=', documentId)
              .execute();
            return { documentId };
          },
        );
        return reply.code(result.status).send(result.body);
      },
    );
    return Promise.resolve();
  };
}
