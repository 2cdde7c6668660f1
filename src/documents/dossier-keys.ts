import type { Queryable, Tx } from '../db/database.js';
import { FILE_ALGORITHM, WRAPPING, masterKeyId, newDataKey, unwrapDataKey, wrapDataKey } from './sealing.js';

/**
 * The data key of each dossier's files, kept wrapped by the master key of the configuration.
 * Deleting a dossier's row is what makes its files unreadable everywhere, backups included.
 */

/** The row names a master key the platform does not hold: a rotation left it behind. */
export class UnknownMasterKeyError extends Error {
  constructor(readonly masterKeyId: string) {
    super(`the dossier key is wrapped by master key ${masterKeyId}, which is not configured`);
    this.name = 'UnknownMasterKeyError';
  }
}

/**
 * The dossier's data key, created on its first file. Called in the transaction that holds the
 * dossier locked (performAction), so two uploads cannot each create one; the conflict clause
 * guards any caller that does not.
 */
export async function dossierKeyFor(
  tx: Tx,
  masterKey: Buffer,
  dossierId: string,
  now: Date,
): Promise<Buffer> {
  const existing = await findDossierKey(tx, masterKey, dossierId);
  if (existing) return existing;
  await tx
    .insertInto('dossier_key')
    .values({
      dossier_id: dossierId,
      algorithm: FILE_ALGORITHM,
      wrapping: WRAPPING,
      master_key_id: masterKeyId(masterKey),
      wrapped_key: wrapDataKey(masterKey, dossierId, newDataKey()),
      created_at: now,
    })
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .execute();
  const created = await findDossierKey(tx, masterKey, dossierId);
  if (!created) throw new Error('the dossier key was not stored');
  return created;
}

/** The dossier's data key, or nothing once it was forgotten (or before its first file). */
export async function findDossierKey(
  db: Queryable,
  masterKey: Buffer,
  dossierId: string,
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('dossier_key')
    .select(['master_key_id', 'wrapped_key'])
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.master_key_id !== masterKeyId(masterKey)) throw new UnknownMasterKeyError(row.master_key_id);
  return unwrapDataKey(masterKey, dossierId, row.wrapped_key);
}

/**
 * Crypto-shredding: after this commits, no copy of the dossier's files can be decrypted, wherever
 * it is kept. The deletion job calls it in the transaction that deletes the dossier; the files
 * themselves are removed after commit, but their survival no longer matters.
 */
export async function forgetDossierKey(tx: Tx, dossierId: string): Promise<boolean> {
  const result = await tx.deleteFrom('dossier_key').where('dossier_id', '=', dossierId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function recordSeal(tx: Tx, documentId: string, now: Date): Promise<void> {
  await tx
    .insertInto('document_seal')
    .values({ document_id: documentId, algorithm: FILE_ALGORITHM, created_at: now })
    .execute();
}

/** Whether the document's file was stored sealed; files from before encryption are plain. */
export async function isSealed(db: Queryable, documentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('document_seal')
    .select('document_id')
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row !== undefined;
}
