import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEMO_DOCUMENT_MASTER_KEY, loadConfig } from '../config.js';
import { ERROR_CATALOGUE } from '../platform/errors.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { findDossierKey, forgetDossierKey, UnknownMasterKeyError } from './dossier-keys.js';
import {
  SealBrokenError,
  masterKeyId,
  newDataKey,
  openFile,
  sealFile,
  unwrapDataKey,
  wrapDataKey,
} from './sealing.js';
import { localStorage } from './storage.js';

let platform: TestPlatform;
let employer: Client;
// The files are kept in a folder of this test's own, so it can look at them and damage them.
let folder: string;

beforeAll(async () => {
  platform = await startPlatform();
  folder = mkdtempSync(join(tmpdir(), 'sw-sealed-'));
  platform.deps.storage = localStorage(folder);
  employer = await platform.login('employer');
});
afterAll(async () => {
  await platform.close();
  rmSync(folder, { recursive: true, force: true });
});

const pdf = (comment: string) =>
  Buffer.from(
    `%PDF-1.7\n% ${comment}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n` +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
const PDF = pdf('a fictitious passport scan, Voorbeeld-Exemple');

async function draft(): Promise<string> {
  const res = await employer.post('/api/v1/dossiers', {
    procedure: 'single_permit',
    category: 'single_permit',
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function upload(dossierId: string, content = PDF): Promise<string> {
  const before = await employer.get<{ documents: { id: string }[] }>(`/api/v1/dossiers/${dossierId}`);
  const known = new Set(before.body.documents.map((d) => d.id));
  const res = await employer.upload(dossierId, 'passport', content);
  expect(res.status).toBe(201);
  const added = (res.body.documents as { id: string }[]).find((d) => !known.has(d.id));
  if (!added) throw new Error('the upload added no document');
  return added.id;
}

const download = (dossierId: string, documentId: string, client = employer) =>
  client.download(`/api/v1/dossiers/${dossierId}/documents/${documentId}`);

const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

async function fileOf(documentId: string): Promise<string> {
  const row = await platform.deps.db
    .selectFrom('document')
    .select('storage_key')
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  return join(folder, row.storage_key.slice(0, 2), row.storage_key);
}

describe('document files are encrypted with a key of their dossier', () => {
  it('stores no readable byte of the upload, and the download is the file as uploaded', async () => {
    const id = await draft();
    const documentId = await upload(id);
    const onDisk = readFileSync(await fileOf(documentId));
    expect(onDisk.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    expect(onDisk.includes(Buffer.from('Voorbeeld-Exemple'))).toBe(false);
    expect(onDisk.length).toBe(PDF.length + 4 + 12 + 16);

    const res = await download(id, documentId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.bytes.equals(PDF)).toBe(true);

    const key = await platform.deps.db
      .selectFrom('dossier_key')
      .selectAll()
      .where('dossier_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(key).toMatchObject({
      algorithm: 'aes-256-gcm',
      wrapping: 'aes-256-gcm',
      master_key_id: masterKeyId(platform.deps.config.documentMasterKey),
    });
    // Only wrapped: the data key itself is nowhere in the row.
    const dataKey = await findDossierKey(platform.deps.db, platform.deps.config.documentMasterKey, id);
    expect(Buffer.from(key.wrapped_key).includes(dataKey ?? Buffer.alloc(32))).toBe(false);
  });

  it('one key per dossier, created with its first file and kept for the next', async () => {
    const id = await draft();
    await upload(id);
    await upload(id);
    const keys = await platform.deps.db
      .selectFrom('dossier_key')
      .select('dossier_id')
      .where('dossier_id', '=', id)
      .execute();
    expect(keys).toHaveLength(1);
  });

  it('a repeated upload with the same Idempotency-Key is replayed and leaves no second file', async () => {
    const id = await draft();
    const filesBefore = filesIn(folder);
    const send = () => {
      const form = new FormData();
      form.append('type', 'passport');
      form.append('file', new Blob([PDF]), 'passport.pdf');
      return employer.request('POST', `/api/v1/dossiers/${id}/documents`, form, {
        'idempotency-key': `upload-${id}`,
      });
    };
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.documents).toEqual(first.body.documents);
    expect(filesIn(folder) - filesBefore).toBe(1);
  });

  it('refuses a file changed on disk with a catalogued error, in the caller’s language', async () => {
    const id = await draft();
    const documentId = await upload(id);
    const path = await fileOf(documentId);
    const bytes = readFileSync(path);
    bytes[40] = (bytes[40] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);

    const res = await download(id, documentId);
    expect(res.status).toBe(502);
    const nl = await (
      await platform.login('employer', 'nl')
    ).get(`/api/v1/dossiers/${id}/documents/${documentId}`);
    expect(nl.status).toBe(502);
    expect(nl.body).toMatchObject({
      code: 'document_damaged',
      title: ERROR_CATALOGUE.document_damaged.title.nl,
    });
  });

  it('refuses a file moved under another document of the same dossier', async () => {
    const id = await draft();
    const first = await upload(id);
    const second = await upload(id, pdf('another file'));
    writeFileSync(await fileOf(second), readFileSync(await fileOf(first)));
    expect((await download(id, second)).status).toBe(502);
    expect((await download(id, first)).status).toBe(200);
  });

  it('after forgetDossierKey every file of the dossier is gone (410), another dossier’s still opens', async () => {
    const forgotten = await draft();
    const kept = await draft();
    const gone = [await upload(forgotten), await upload(forgotten)];
    const stays = await upload(kept);
    // A copy taken before, as a backup would hold it.
    const backup = readFileSync(await fileOf(gone[0] ?? ''));

    const deleted = await platform.deps.db.transaction().execute((tx) => forgetDossierKey(tx, forgotten));
    expect(deleted).toBe(true);

    for (const documentId of gone) {
      const res = await employer.get(`/api/v1/dossiers/${forgotten}/documents/${documentId}`);
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({
        code: 'document_erased',
        title: ERROR_CATALOGUE.document_erased.title.en,
      });
    }
    // Even restored from the backup, the file stays shut.
    writeFileSync(await fileOf(gone[0] ?? ''), backup);
    expect((await download(forgotten, gone[0] ?? '')).status).toBe(410);

    const other = await download(kept, stays);
    expect(other.status).toBe(200);
    expect(other.bytes.equals(PDF)).toBe(true);
    // Forgetting twice is harmless: the deletion job may be retried.
    expect(await platform.deps.db.transaction().execute((tx) => forgetDossierKey(tx, forgotten))).toBe(false);
  });

  it('still serves a file stored before encryption existed, as it was stored', async () => {
    const id = await draft();
    const documentId = await upload(id);
    // What a file from before this change looks like: plain on disk, and no seal recorded.
    const plain = await platform.deps.storage.put(PDF);
    await platform.deps.db.deleteFrom('document_seal').where('document_id', '=', documentId).execute();
    await platform.deps.db
      .updateTable('document')
      .set({ storage_key: plain.key })
      .where('id', '=', documentId)
      .execute();
    const res = await download(id, documentId);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(PDF)).toBe(true);
  });

  it('a dossier key wrapped by another master key is named, not silently misread', async () => {
    const id = await draft();
    await upload(id);
    const other = randomBytes(32);
    await expect(findDossierKey(platform.deps.db, other, id)).rejects.toBeInstanceOf(UnknownMasterKeyError);
  });
});

describe('the sealing itself', () => {
  const master = randomBytes(32);

  it('binds a wrapped key to its dossier and a file to its document', () => {
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(master, 'dossier-a', dataKey);
    expect(unwrapDataKey(master, 'dossier-a', wrapped).equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(master, 'dossier-b', wrapped)).toThrow(SealBrokenError);
    expect(() => unwrapDataKey(randomBytes(32), 'dossier-a', wrapped)).toThrow(SealBrokenError);

    const sealed = sealFile(dataKey, 'document-1', PDF);
    expect(openFile(dataKey, 'document-1', sealed).equals(PDF)).toBe(true);
    expect(() => openFile(dataKey, 'document-2', sealed)).toThrow(SealBrokenError);
    expect(() => openFile(newDataKey(), 'document-1', sealed)).toThrow(SealBrokenError);
    expect(() => openFile(dataKey, 'document-1', sealed.subarray(0, 10))).toThrow(SealBrokenError);
  });

  it('never seals two files alike: a fresh nonce every time', () => {
    const dataKey = newDataKey();
    expect(sealFile(dataKey, 'd', PDF).equals(sealFile(dataKey, 'd', PDF))).toBe(false);
  });
});

describe('the master key in the configuration', () => {
  const production = {
    NODE_ENV: 'production',
    SOURCE_KBO: 'https://g/kbo',
    SOURCE_ONSS: 'https://g/onss',
    SOURCE_LIMOSA: 'https://g/l',
    SOURCE_INASTI: 'https://g/i',
    SMTP_URL: 'smtp://relay.example.be:587',
    SMTP_FROM: 'no-reply@example.be',
    AUDIT_KEY: Buffer.alloc(32, 8).toString('base64'),
  } as const;
  const realKey = randomBytes(32).toString('base64');

  it('production refuses to start without one, with a short one, or with the public demo key', () => {
    expect(() => loadConfig(production, [])).toThrow(ConfigError);
    expect(() => loadConfig(production, [])).toThrow(/DOCUMENT_MASTER_KEY/);
    expect(() =>
      loadConfig({ ...production, DOCUMENT_MASTER_KEY: randomBytes(16).toString('base64') }, []),
    ).toThrow(/DOCUMENT_MASTER_KEY: must be 32 random bytes/);
    expect(() =>
      loadConfig({ ...production, DOCUMENT_MASTER_KEY: DEMO_DOCUMENT_MASTER_KEY.toString('base64') }, []),
    ).toThrow(/public demo key/);
    const ok = loadConfig({ ...production, DOCUMENT_MASTER_KEY: realKey }, []);
    expect(ok.documentMasterKey.toString('base64')).toBe(realKey);
  });

  it('never quotes the key in its message', () => {
    const wrong = `${realKey.slice(0, 20)}!!`;
    expect(() => loadConfig({ DOCUMENT_MASTER_KEY: wrong }, [])).toThrow(ConfigError);
    try {
      loadConfig({ DOCUMENT_MASTER_KEY: wrong }, []);
    } catch (error) {
      expect(String(error)).not.toContain(realKey.slice(0, 20));
    }
  });

  it('demo and tests use the derived demo key, the same at every start', () => {
    expect(loadConfig({}, ['--demo']).documentMasterKey.equals(DEMO_DOCUMENT_MASTER_KEY)).toBe(true);
    expect(loadConfig({}, []).documentMasterKey.equals(DEMO_DOCUMENT_MASTER_KEY)).toBe(true);
    expect(DEMO_DOCUMENT_MASTER_KEY).toHaveLength(32);
  });
});
