import type { AppDeps } from '../deps.js';
import { performAction } from '../dossier/acting.js';
import type { Command } from '../identity/request.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { DOCUMENT_CATEGORY } from '../rules/documents.js';
import { type DocumentType } from '../contract/documents.js';
import { sniffMediaType } from './storage.js';

/** A file name is personal data at worst: keep a safe, short form only for display. */
const safeFileName = (name: string) => name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'document';

/** Stores the file, then records it in the dossier; a refused action leaves no file behind. */
export async function addDocument(
  deps: AppDeps,
  command: Command,
  dossierId: string,
  input: { type: DocumentType; fileName: string; content: Buffer },
) {
  const mediaType = sniffMediaType(input.content.subarray(0, 16));
  if (!mediaType) throw new AppError('document_type_not_accepted');
  const stored = await deps.storage.put(input.content);
  try {
    return await performAction(
      deps,
      { ...command, request: { type: input.type, sha256: stored.sha256 } },
      dossierId,
      'add_document',
      async ({ tx, opened, amend }) => {
        const documentId = newId();
        const document = {
          id: documentId,
          type: input.type,
          category: DOCUMENT_CATEGORY[input.type],
          fileName: safeFileName(input.fileName),
          mediaType,
          sizeBytes: input.content.length,
          uploadedAt: deps.clock.now(),
          uploadedByOrganisationId: command.actor.organisation.id,
          storageKey: stored.key,
          sha256: stored.sha256,
        };
        await tx
          .insertInto('document')
          .values({
            id: documentId,
            dossier_id: dossierId,
            type: input.type,
            category: DOCUMENT_CATEGORY[input.type],
            file_name: safeFileName(input.fileName),
            media_type: mediaType,
            size_bytes: input.content.length,
            sha256: stored.sha256,
            storage_key: stored.key,
            uploaded_by_user_id: command.actor.userId,
            uploaded_by_organisation_id: command.actor.organisation.id,
            uploaded_at: document.uploadedAt,
          })
          .execute();
        amend({ documents: [...opened.record.documents, document] });
        return { documentId, type: input.type };
      },
      201,
    );
  } catch (error) {
    await deps.storage.remove(stored.key);
    throw error;
  }
}

/** Takes a document out of a draft; the file stays until the dossier goes (the log refers to it). */
export function removeDocument(deps: AppDeps, command: Command, dossierId: string, documentId: string) {
  return performAction(deps, command, dossierId, 'remove_document', async ({ tx, opened, amend }) => {
    const { documents } = opened.record;
    if (!documents.some((d) => d.id === documentId)) throw new AppError('not_found');
    amend({ documents: documents.filter((d) => d.id !== documentId) });
    await tx
      .updateTable('document')
      .set({ removed_at: deps.clock.now() })
      .where('id', '=', documentId)
      .execute();
    return { documentId };
  });
}
