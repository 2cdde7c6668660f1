import type { AppDeps } from '../app.js';
import { performAction, type Command } from '../dossier/dossier.service.js';
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
      async ({ tx }) => {
        const documentId = newId();
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
            uploaded_at: deps.clock.now(),
          })
          .execute();
        return { documentId, type: input.type };
      },
      201,
    );
  } catch (error) {
    await deps.storage.remove(stored.key);
    throw error;
  }
}
