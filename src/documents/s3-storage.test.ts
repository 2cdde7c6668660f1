import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { startS3, type TestS3 } from '../../test/s3-server.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { sweepRetention } from '../retention/sweep.js';
import { findDossierKey } from './dossier-keys.js';
import { removeOrphanFiles, ORPHAN_MIN_AGE_MS } from './orphans.js';
import { s3Storage } from './s3-storage.js';
import { documentsStoreOf, openDocumentStorage, type DocumentsStore } from './stores.js';
import type { DocumentStorage } from './storage.js';

/*
 * The document files on an S3-compatible object store (DOCUMENTS_URL=s3://…), against the test
 * server of test/s3-server.ts, which verifies the SDK's Signature V4 on every request.
 */

let s3: TestS3;
let platform: TestPlatform;
let employer: Client;
let store: Extract<DocumentsStore, { kind: 's3' }>;
const BUCKET = 'sw-documents';

const pdf = Buffer.from(
  '%PDF-1.7\n% a fictitious passport scan, Voorbeeld-Exemple\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const objects = () => s3.buckets.get(BUCKET) ?? new Map();

beforeAll(async () => {
  s3 = await startS3();
  // The credentials as an installation gives them: the standard AWS environment variables.
  process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
  const config = loadConfig(
    {
      DOCUMENTS_URL: `s3://${BUCKET}/tenant-be/documents?endpoint=${s3.endpoint}&region=${s3.region}&forcePathStyle=true`,
    },
    [],
  );
  if (config.documentsStore.kind !== 's3') throw new Error('DOCUMENTS_URL was not read as an object store');
  store = config.documentsStore;
  const created = await fetch(`${s3.endpoint}/${BUCKET}`, { method: 'PUT' });
  expect(created.status).toBe(403); // unsigned: refused like every other unsigned request
  await createBucket(BUCKET);
  platform = await startPlatform();
  platform.deps.storage = await openDocumentStorage(store);
  employer = await platform.login('employer');
});

afterAll(async () => {
  await platform.close();
  await s3.close();
});

/** CreateBucket through the SDK itself, so it is signed as the storage's requests are. */
async function createBucket(name: string) {
  const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
  await client.send(new CreateBucketCommand({ Bucket: name }));
}

async function draftWithDocument() {
  const created = await employer.post('/api/v1/dossiers', {
    procedure: 'single_permit',
    category: 'single_permit',
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const uploaded = await employer.upload(id, 'passport', pdf);
  expect(uploaded.status).toBe(201);
  const documentId = (uploaded.body.documents as { id: string }[])[0]?.id ?? '';
  const row = await platform.deps.db
    .selectFrom('document')
    .select('storage_key')
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  return { id, documentId, objectKey: `tenant-be/documents/${row.storage_key}` };
}

describe('documents on an S3-compatible object store', () => {
  it('stores the upload sealed under the prefix, and the download is the file as uploaded', async () => {
    const { id, documentId, objectKey } = await draftWithDocument();
    const stored = objects().get(objectKey);
    expect(stored).toBeDefined();
    expect(stored?.body.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    expect(stored?.body.includes(Buffer.from('Voorbeeld-Exemple'))).toBe(false);
    expect(stored?.body.length).toBe(pdf.length + 4 + 12 + 16);

    const res = await employer.download(`/api/v1/dossiers/${id}/documents/${documentId}`);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(pdf)).toBe(true);
    // Each request was signed and verified; none was refused.
    expect(s3.refusals.filter((c) => c !== 'AccessDenied')).toEqual([]);
  });

  it('refuses a request signed with another secret, and a file the store does not hold', async () => {
    const forged = s3Storage(store, {
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret-of-this-store-000000000' },
    });
    await expect(forged.put(Buffer.from('sealed bytes'))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    expect(s3.refusals).toContain('SignatureDoesNotMatch');
    const unknown = s3Storage(store, { credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } });
    await expect(unknown.read('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
    });
    await expect(platform.deps.storage.read('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      name: 'NoSuchKey',
    });
    // A key from anywhere but a document row never reaches outside the prefix.
    await expect(platform.deps.storage.read('../other-tenant/x')).rejects.toThrow(
      'not a document storage key',
    );
  });

  it('lists across pages and removes only the objects no document row names, once old enough', async () => {
    const kept = await draftWithDocument();
    const storage: DocumentStorage = platform.deps.storage;
    const orphans = await Promise.all(
      [1, 2, 3].map(() => storage.put(Buffer.from('sealed, row never committed'))),
    );
    // Another application's object beside the prefix is not the platform's to remove.
    objects().set('tenant-be/other/readme.txt', {
      body: Buffer.from('x'),
      lastModified: new Date(0),
      etag: 'x',
    });

    // Young files may belong to an upload whose transaction is still open: kept.
    expect(await removeOrphanFiles(platform.deps)).toBe(0);
    const later = Date.now() + ORPHAN_MIN_AGE_MS + 60_000;
    const listed: string[] = [];
    for await (const file of storage.list()) listed.push(file.key);
    expect(listed).toEqual(expect.arrayContaining(orphans.map((o) => o.key)));
    expect(await removeOrphanFiles(platform.deps, { wallNow: later })).toBe(3);
    for (const o of orphans) expect(objects().has(`tenant-be/documents/${o.key}`)).toBe(false);
    expect(objects().has(kept.objectKey)).toBe(true);
    expect(objects().has('tenant-be/other/readme.txt')).toBe(true);
  });

  it('lists more objects than one page holds', async () => {
    const many = s3Storage({ ...store, prefix: 'paging/' });
    // Put straight into the store: the listing's pages are under test here, not 1,005 uploads.
    const keys = Array.from({ length: 1005 }, () => randomUUID());
    for (const key of keys)
      objects().set(`paging/${key}`, { body: Buffer.from('p'), lastModified: new Date(), etag: 'p' });
    const listed: string[] = [];
    for await (const file of many.list()) listed.push(file.key);
    expect(listed.sort()).toEqual(keys.sort());
  });

  it('deletes the objects of a dossier at the end of its retention, after forgetting its key', async () => {
    const { id, objectKey } = await draftWithDocument();
    expect(await findDossierKey(platform.deps.db, platform.deps.config.documentMasterKey, id)).toBeDefined();

    // An idle draft: its applicant is told at 150 days, it is deleted at 180 (Art. 27).
    const start = platform.clock.now().getTime();
    platform.clock.set(new Date(start + 151 * 86_400_000));
    await sweepRetention(platform.deps, platform.clock.now());
    platform.clock.set(new Date(start + 182 * 86_400_000));
    const report = await sweepRetention(platform.deps, platform.clock.now());
    expect(report.deleted).toBeGreaterThanOrEqual(1);
    expect(report.files.failed).toBe(0);

    expect(objects().has(objectKey)).toBe(false);
    // Crypto-shredded: a copy of the object kept elsewhere (a replica, a versioned bucket, a
    // backup of the store) has no key left in the database to open it.
    expect(
      await findDossierKey(platform.deps.db, platform.deps.config.documentMasterKey, id),
    ).toBeUndefined();
  });
});

describe('DOCUMENTS_URL', () => {
  const read = (url: string, production = false) =>
    documentsStoreOf(url, '/data', { AWS_REGION: undefined, production });

  it('names a bucket, a prefix, an endpoint, a region and the path style', () => {
    expect(
      read('s3://sw-docs/be/files?endpoint=https://s3.example.be&region=eu-west-1&forcePathStyle=true'),
    ).toEqual({
      kind: 's3',
      bucket: 'sw-docs',
      prefix: 'be/files/',
      endpoint: 'https://s3.example.be',
      region: 'eu-west-1',
      forcePathStyle: true,
    });
    expect(documentsStoreOf(undefined, '/data', { production: false })).toEqual({
      kind: 'folder',
      path: '/data/documents',
    });
    expect(
      documentsStoreOf('s3://sw-docs', '/data', { AWS_REGION: 'eu-central-1', production: true }),
    ).toMatchObject({
      prefix: '',
      endpoint: undefined,
      region: 'eu-central-1',
    });
  });

  it('is refused when wrong, and production refuses a store over plain http', () => {
    expect(() => read('s3://sw-docs?region=x&endpoint=http://minio:9000', true)).toThrow('https');
    expect(() => read('s3://key:secret@sw-docs?region=x')).toThrow('credentials');
    expect(() => read('s3://Bad_Bucket?region=x')).toThrow('bucket');
    expect(() => read('s3://sw-docs')).toThrow('region');
    expect(() => read('s3://sw-docs?region=x&ssl=no')).toThrow('unknown parameter ssl');
    expect(() => read('ftp://sw-docs')).toThrow('s3://');
    expect(() => loadConfig({ DOCUMENTS_URL: 's3://sw-docs' }, [])).toThrow(ConfigError);
  });
});
