import { createHash } from 'node:crypto';
import type { Tx } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { performAction } from '../dossier/acting.js';
import type { Command } from '../identity/request.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { DOCUMENT_CATEGORY } from '../rules/documents.js';
import { type DocumentType } from '../contract/documents.js';
import { dossierKeyFor, findDossierKey, isSealed, recordSeal } from './dossier-keys.js';
import { SealBrokenError, openFile, sealFile } from './sealing.js';
import { inspectDocument } from './inspection.js';
import { sniffMediaType } from './storage.js';

/** A file name is personal data at worst: keep a safe, short form only for display. */
const safeFileName = (name: string) => name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'document';

/**
 * Seals the file with its dossier's key and records it in the dossier, in one transaction; a
 * refused action or a failed commit leaves no file behind. The file is sealed inside the
 * transaction because its key is created there, under the dossier's lock, and bound to the
 * document id, which exists only there.
 */
export async function addDocument(
  deps: AppDeps,
  command: Command,
  dossierId: string,
  input: { type: DocumentType; fileName: string; content: Buffer },
) {
  const mediaType = sniffMediaType(input.content.subarray(0, 16));
  if (!mediaType) throw new AppError('document_type_not_accepted');
  // The whole file, by a parser: one file of that type and nothing else, with no active content.
  await inspectDocument(input.content, mediaType);
  // Of the file as uploaded: the sealed bytes differ at every try, a replayed request must not.
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  let storedKey: string | undefined;
  try {
    return await performAction(
      deps,
      { ...command, request: { type: input.type, sha256 } },
      dossierId,
      'add_document',
      async ({ tx, opened, amend }) => {
        const documentId = newId();
        const now = deps.clock.now();
        const dataKey = await dossierKeyFor(tx, deps.config.documentMasterKey, dossierId, now);
        const stored = await deps.storage.put(sealFile(dataKey, documentId, input.content));
        storedKey = stored.key;
        const document = {
          id: documentId,
          type: input.type,
          category: DOCUMENT_CATEGORY[input.type],
          fileName: safeFileName(input.fileName),
          mediaType,
          sizeBytes: input.content.length,
          uploadedAt: now,
          uploadedByOrganisationId: command.actor.organisation.id,
          storageKey: stored.key,
          sha256,
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
            sha256,
            storage_key: stored.key,
            uploaded_by_user_id: command.actor.userId,
            uploaded_by_organisation_id: command.actor.organisation.id,
            uploaded_at: document.uploadedAt,
          })
          .execute();
        await recordSeal(tx, documentId, now);
        amend({ documents: [...opened.record.documents, document] });
        return { documentId, type: input.type };
      },
      201,
    );
  } catch (error) {
    if (storedKey) await deps.storage.remove(storedKey);
    throw error;
  }
}

/**
 * The content of a document the gate has let the caller read, as uploaded. Called in the read's
 * transaction, so a refusal here rolls back the access-log row of a read that showed nothing.
 * Buffered (files are at most 10 MB): GCM verifies its tag only at the end, and nothing of a file
 * is released before it is known to be the file that was stored.
 */
export async function documentContent(
  deps: AppDeps,
  tx: Tx,
  dossierId: string,
  doc: { id: string; storageKey: string },
): Promise<Buffer> {
  if (!(await isSealed(tx, doc.id))) return deps.storage.read(doc.storageKey);
  let dataKey: Buffer | undefined;
  try {
    dataKey = await findDossierKey(tx, deps.config.documentMasterKey, dossierId);
  } catch (error) {
    if (error instanceof SealBrokenError) throw new AppError('document_damaged');
    throw error;
  }
  if (!dataKey) throw new AppError('document_erased');
  const stored = await deps.storage.read(doc.storageKey);
  try {
    return openFile(dataKey, doc.id, stored);
  } catch (error) {
    if (error instanceof SealBrokenError) throw new AppError('document_damaged');
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
