import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { jpeg, png } from '../../test/images.js';
import { ERROR_CATALOGUE } from '../platform/errors.js';
import { removeOrphanFiles } from './orphans.js';
import { localStorage } from './storage.js';

let platform: TestPlatform;
let employer: Client;
let folder: string;
let dossierId: string;

beforeAll(async () => {
  platform = await startPlatform();
  folder = mkdtempSync(join(tmpdir(), 'sw-inspect-'));
  platform.deps.storage = localStorage(folder);
  employer = await platform.login('employer', 'nl');
  const res = await employer.post('/api/v1/dossiers', {
    procedure: 'single_permit',
    category: 'single_permit',
  });
  dossierId = res.body.id as string;
});
afterAll(async () => {
  await platform.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A PDF of one page, with what a hostile author adds to its catalogue, page or extra objects. */
function pdf(
  options: { catalog?: string; page?: string; objects?: string; before?: string; after?: string } = {},
) {
  return Buffer.from(
    `${options.before ?? ''}%PDF-1.7\n` +
      `1 0 obj<</Type/Catalog/Pages 2 0 R${options.catalog ?? ''}>>endobj\n` +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]${options.page ?? ''}>>endobj\n` +
      `${options.objects ?? ''}trailer<</Root 1 0 R>>\n%%EOF\n${options.after ?? ''}`,
    'latin1',
  );
}

const upload = (content: Buffer, type = 'passport') => employer.upload(dossierId, type, content);

async function expectRefused(content: Buffer, code: 'document_active_content' | 'document_unreadable') {
  const res = await upload(content);
  expect(res.status).toBe(ERROR_CATALOGUE[code].status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ code, title: ERROR_CATALOGUE[code].title.nl });
}

describe('uploads are judged by a parser of their whole structure', () => {
  it('accepts a plain PDF, PNG and JPEG', async () => {
    expect((await upload(pdf())).status).toBe(201);
    expect((await upload(png(), 'photo')).status).toBe(201);
    expect((await upload(jpeg(), 'photo')).status).toBe(201);
    // A link and an open action that only shows the first page are not active content.
    expect((await upload(pdf({ catalog: '/OpenAction[3 0 R/Fit]' }))).status).toBe(201);
    expect(
      (
        await upload(
          pdf({
            page: '/Annots[<</Type/Annot/Subtype/Link/Rect[0 0 1 1]/A<</S/URI/URI(https://example.org)>>>>]',
          }),
        )
      ).status,
    ).toBe(201);
  });

  it('refuses a PDF that runs JavaScript when opened', async () => {
    await expectRefused(
      pdf({ catalog: '/OpenAction<</S/JavaScript/JS(app.alert(1))>>' }),
      'document_active_content',
    );
    // The same, through an indirect object and a hex-escaped name.
    await expectRefused(
      pdf({ catalog: '/OpenAction 4 0 R', objects: '4 0 obj<</S/J#61vaScript/JS(app.alert(1))>>endobj\n' }),
      'document_active_content',
    );
    // A document-level script in the names tree.
    await expectRefused(
      pdf({
        catalog: '/Names<</JavaScript<</Names[(a) 4 0 R]>>>>',
        objects: '4 0 obj<</S/JavaScript/JS(1)>>endobj\n',
      }),
      'document_active_content',
    );
  });

  it('refuses launch actions, additional actions, embedded files, rich media and XFA', async () => {
    await expectRefused(pdf({ catalog: '/OpenAction<</S/Launch/F(cmd.exe)>>' }), 'document_active_content');
    await expectRefused(
      pdf({ page: '/AA<</O<</S/URI/URI(https://example.org)>>>>' }),
      'document_active_content',
    );
    await expectRefused(
      pdf({
        catalog: '/Names<</EmbeddedFiles<</Names[(x.exe) 4 0 R]>>>>',
        objects:
          '4 0 obj<</Type/Filespec/F(x.exe)/EF<</F 5 0 R>>>>endobj\n5 0 obj<</Type/EmbeddedFile/Length 2>>stream\nMZ\nendstream\nendobj\n',
      }),
      'document_active_content',
    );
    await expectRefused(
      pdf({ page: '/Annots[<</Type/Annot/Subtype/FileAttachment/Rect[0 0 1 1]/FS<</F(a.exe)>>>>]' }),
      'document_active_content',
    );
    await expectRefused(
      pdf({ page: '/Annots[<</Type/Annot/Subtype/RichMedia/Rect[0 0 1 1]>>]' }),
      'document_active_content',
    );
    await expectRefused(
      pdf({ catalog: '/AcroForm<</Fields[]/XFA 4 0 R>>', objects: '4 0 obj(x)endobj\n' }),
      'document_active_content',
    );
  });

  it('refuses polyglots: HTML in the PDF, data before its header or after its end', async () => {
    await expectRefused(
      pdf({ catalog: '', objects: '% <html><script>alert(1)</script>\n' }),
      'document_unreadable',
    );
    // HTML first, the PDF header further on (readers look up to 1 KiB in): not judged a PDF at all.
    const htmlFirst = await upload(pdf({ before: '<!doctype html><script>alert(1)</script>' }));
    expect(htmlFirst.status).toBe(415);
    await expectRefused(pdf({ after: '<html><script>alert(1)</script></html>' }), 'document_unreadable');
    // A ZIP archive appended after %%EOF (a PDF that is also a JAR or an Office file).
    const zipEnd = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    await expectRefused(
      Buffer.concat([pdf(), Buffer.from('PK\x03\x04rest', 'latin1'), zipEnd]),
      'document_unreadable',
    );
    // A PNG with HTML after its end.
    const res = await upload(Buffer.concat([png(), Buffer.from('<script>alert(1)</script>')]), 'photo');
    expect(res.body.code).toBe('document_unreadable');
  });

  it('refuses a PDF without pages or with a broken structure, and truncated or damaged images', async () => {
    await expectRefused(Buffer.from('%PDF-1.4 answer'), 'document_unreadable');
    await expectRefused(
      Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      'document_unreadable',
    );
    const image = png();
    await expectRefused(image.subarray(0, image.length - 20), 'document_unreadable');
    const damaged = Buffer.from(image);
    damaged[damaged.length - 20] = (damaged[damaged.length - 20] ?? 0) ^ 0xff; // a CRC no longer matches
    await expectRefused(damaged, 'document_unreadable');
    await expectRefused(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      'document_unreadable',
    );
    const photo = jpeg();
    await expectRefused(photo.subarray(0, photo.length - 2), 'document_unreadable');
    await expectRefused(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'document_unreadable');
    await expectRefused(Buffer.concat([photo, Buffer.from('PK\x03\x04', 'latin1')]), 'document_unreadable');
  });

  it('stores nothing for a refused upload', async () => {
    const view = await employer.get(`/api/v1/dossiers/${dossierId}`);
    // Only the five accepted uploads of the first test.
    expect((view.body.documents as unknown[]).length).toBe(5);
  });
});

describe('files without a row are removed at start and daily', () => {
  it('removes a stray file older than the margin, keeps recent ones and those with a row', async () => {
    const kept = await upload(pdf());
    expect(kept.status).toBe(201);
    const rows = await platform.deps.db.selectFrom('document').select('storage_key').execute();
    const stray = 'ab0f0000-0000-4000-8000-000000000001';
    const part = 'ab0f0000-0000-4000-8000-000000000002.part';
    const fresh = 'ab0f0000-0000-4000-8000-000000000003';
    mkdirSync(join(folder, 'ab'), { recursive: true });
    for (const name of [stray, part, fresh]) writeFileSync(join(folder, 'ab', name), 'sealed bytes');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(folder, 'ab', stray), hourAgo, hourAgo);
    utimesSync(join(folder, 'ab', part), hourAgo, hourAgo);
    // Every file with a row is old as well: age alone never removes it.
    for (const row of rows) {
      const path = join(folder, row.storage_key.slice(0, 2), row.storage_key);
      if (existsSync(path)) utimesSync(path, hourAgo, hourAgo);
    }

    const removed = await removeOrphanFiles(platform.deps);
    expect(removed).toBe(2);
    expect(existsSync(join(folder, 'ab', stray))).toBe(false);
    expect(existsSync(join(folder, 'ab', part))).toBe(false);
    expect(existsSync(join(folder, 'ab', fresh))).toBe(true);
    for (const row of rows) {
      const path = join(folder, row.storage_key.slice(0, 2), row.storage_key);
      expect(existsSync(path)).toBe(true);
    }
    const documentId = (kept.body.documents as { id: string }[]).at(-1)?.id ?? '';
    const download = await employer.download(`/api/v1/dossiers/${dossierId}/documents/${documentId}`);
    expect(download.status).toBe(200);
  });
});
