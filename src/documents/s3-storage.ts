import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { newId } from '../platform/ids.js';
import type { DocumentStorage } from './storage.js';
import type { DocumentsStore } from './stores.js';

/*
 * The document files in an S3-compatible object store, through the AWS SDK: the same port as the
 * folder (storage.ts). What is put is sealed already (dossier-keys.ts): the store, its replicas
 * and its backups hold no readable byte, and forgetting a dossier's key (crypto-shredding) makes
 * every copy unreadable whether or not the store has deleted it yet.
 *
 * An object appears whole or not at all, so no `.part` name is needed as in the folder; the orphan
 * clean-up (orphans.ts) lists the objects and removes those no row names, by their LastModified.
 */

type S3Store = Extract<DocumentsStore, { kind: 's3' }>;

// Only what `put` writes is a document file: a UUID right under the prefix.
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function s3Storage(store: S3Store, overrides: Partial<S3ClientConfig> = {}): DocumentStorage {
  const client = new S3Client({
    region: store.region,
    ...(store.endpoint !== undefined && { endpoint: store.endpoint }),
    forcePathStyle: store.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible stores refuse the SDK's newer
    // default ones, and a sealed file carries its own authentication tag, verified on every read.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    ...overrides,
  });
  const objectKey = (key: string) => {
    // A key comes from a document row; never let one reach outside the prefix.
    if (!KEY.test(key)) throw new Error('not a document storage key');
    return `${store.prefix}${key}`;
  };
  return {
    async put(content) {
      const key = newId();
      await client.send(
        new PutObjectCommand({
          Bucket: store.bucket,
          Key: objectKey(key),
          Body: content,
          ContentLength: content.length,
          ContentType: 'application/octet-stream',
        }),
      );
      return { key };
    },
    async read(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: store.bucket, Key: objectKey(key) }));
      if (!answer.Body) throw new Error('the object store answered without the file');
      return Buffer.from(await answer.Body.transformToByteArray());
    },
    async remove(key) {
      // Deleting an object that is not there succeeds, as `rm --force` does for the folder.
      await client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: objectKey(key) }));
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: store.bucket,
            Prefix: store.prefix,
            ...(token !== undefined && { ContinuationToken: token }),
          }),
        );
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(store.prefix.length) ?? '';
          if (KEY.test(key) && object.LastModified) yield { key, writtenAt: object.LastModified };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    },
  };
}
