import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The cryptography of document files, without storage or database: AES-256-GCM from Node's
 * crypto, a random 96-bit nonce per file and per wrapping. A random nonce is safe here because a
 * data key seals the files of one dossier only, far below the 2^32 messages GCM allows a key.
 */

export const FILE_ALGORITHM = 'aes-256-gcm';
export const WRAPPING = 'aes-256-gcm';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Names the format of a sealed file; authenticated with the rest, so it cannot be swapped. */
const FILE_MAGIC = Buffer.from('SWD1', 'latin1');

/** Why opening failed: the bytes or the key are not what was sealed. */
export class SealBrokenError extends Error {
  constructor() {
    super('sealed data failed authentication');
    this.name = 'SealBrokenError';
  }
}

/**
 * A fingerprint of the master key, recorded with every wrapped key: after a rotation the rows
 * still wrapped by the old key are the ones whose id differs. An HMAC, so it reveals nothing.
 */
export function masterKeyId(masterKey: Buffer): string {
  return `mk-${createHmac('sha256', masterKey).update('single-window master key id').digest('hex').slice(0, 16)}`;
}

export const newDataKey = (): Buffer => randomBytes(32);

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

function open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new SealBrokenError();
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new SealBrokenError();
  }
}

// The dossier id is bound to its wrapped key: a key row copied onto another dossier does not open.
const wrapAad = (dossierId: string) => Buffer.from(`dossier-key:${dossierId}`, 'utf8');

export const wrapDataKey = (masterKey: Buffer, dossierId: string, dataKey: Buffer): Buffer =>
  seal(masterKey, dataKey, wrapAad(dossierId));

export const unwrapDataKey = (masterKey: Buffer, dossierId: string, wrapped: Uint8Array): Buffer =>
  open(masterKey, Buffer.from(wrapped), wrapAad(dossierId));

// The document id is bound to its file: a file moved under another document does not open.
const fileAad = (documentId: string) => Buffer.concat([FILE_MAGIC, Buffer.from(documentId, 'utf8')]);

/** The bytes to store: the format name, then nonce, ciphertext and tag. */
export function sealFile(dataKey: Buffer, documentId: string, content: Buffer): Buffer {
  return Buffer.concat([FILE_MAGIC, seal(dataKey, content, fileAad(documentId))]);
}

/** The file as uploaded; throws SealBrokenError if a single bit of it changed. */
export function openFile(dataKey: Buffer, documentId: string, stored: Buffer): Buffer {
  if (!stored.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) throw new SealBrokenError();
  return open(dataKey, stored.subarray(FILE_MAGIC.length), fileAad(documentId));
}
