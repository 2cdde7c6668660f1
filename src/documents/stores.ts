import { join } from 'node:path';
import { localStorage, type DocumentStorage } from './storage.js';

/*
 * Where the document files live, as DOCUMENTS_URL names it: a folder on this machine (the default,
 * DATA_DIR/documents), or an S3-compatible object store, which several server processes on
 * several machines can share (docs/deployment.md):
 *
 *   s3://bucket/prefix?endpoint=https://s3.example.be&region=eu-west-1&forcePathStyle=true
 *
 * The credentials are not in the URL: the AWS SDK finds them as it always does (AWS_ACCESS_KEY_ID
 * and AWS_SECRET_ACCESS_KEY, a profile, a web identity, an instance role).
 */

export type DocumentsStore =
  | { kind: 'folder'; path: string }
  | {
      kind: 's3';
      bucket: string;
      /** Put before every key: empty, or ending in `/`. */
      prefix: string;
      /** Absent: AWS itself, by region. */
      endpoint: string | undefined;
      region: string;
      forcePathStyle: boolean;
    };

// S3's own rule for bucket names (3-63 characters, lower case, digits, dots, hyphens).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Reads DOCUMENTS_URL; the message of a wrong one says what is wrong, never the whole URL. */
export function documentsStoreOf(
  url: string | undefined,
  dataDir: string,
  env: { AWS_REGION?: string | undefined; production: boolean },
): DocumentsStore {
  if (url === undefined) return { kind: 'folder', path: join(dataDir, 'documents') };
  if (url.startsWith('file:')) return { kind: 'folder', path: decodeURIComponent(new URL(url).pathname) };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('must be s3://bucket/prefix?… or file:///folder');
  }
  if (parsed.protocol !== 's3:') throw new Error('must be s3://bucket/prefix?… or file:///folder');
  if (parsed.username || parsed.password)
    throw new Error(
      'carries no credentials: the AWS SDK reads them from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  const bucket = parsed.hostname;
  if (!BUCKET.test(bucket)) throw new Error('the bucket name is not a valid S3 bucket name');
  const path = decodeURIComponent(parsed.pathname).replace(/^\/+/, '');
  const prefix = path === '' || path.endsWith('/') ? path : `${path}/`;
  const known = new Set(['endpoint', 'region', 'forcePathStyle']);
  for (const key of parsed.searchParams.keys())
    if (!known.has(key))
      throw new Error(`unknown parameter ${key} (known: endpoint, region, forcePathStyle)`);
  const endpoint = parsed.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    let e: URL;
    try {
      e = new URL(endpoint);
    } catch {
      throw new Error('endpoint must be an http(s) URL');
    }
    if (e.protocol !== 'https:' && e.protocol !== 'http:') throw new Error('endpoint must be an http(s) URL');
    // The files are sealed, but the requests' signatures and the store's answers are not.
    if (env.production && e.protocol !== 'https:') throw new Error('endpoint must use https in production');
  }
  const forcePathStyle = parsed.searchParams.get('forcePathStyle');
  if (forcePathStyle !== null && forcePathStyle !== 'true' && forcePathStyle !== 'false')
    throw new Error('forcePathStyle must be true or false');
  const region = parsed.searchParams.get('region') ?? env.AWS_REGION;
  if (!region) throw new Error('names no region (region=… or AWS_REGION)');
  return { kind: 's3', bucket, prefix, endpoint, region, forcePathStyle: forcePathStyle === 'true' };
}

/** Opens the store the configuration names; the AWS SDK is loaded only when it is used. */
export async function openDocumentStorage(store: DocumentsStore): Promise<DocumentStorage> {
  if (store.kind === 'folder') return localStorage(store.path);
  const { s3Storage } = await import('./s3-storage.js');
  return s3Storage(store);
}
