import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';

let platform: TestPlatform;
let employer: Client, flanders: Client, brussels: Client, operator: Client, dpo: Client;
const filed: {
  id: string;
  reference: string;
  sections: { identity: { niss: string; givenNames: string } };
}[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, brussels, operator, dpo] = await platform.loginAll([
    'employer',
    'flanders',
    'brussels',
    'operator',
    'dpo',
  ] as const);
  for (let i = 0; i < 5; i++) {
    filed.push(await filedSinglePermit(platform, employer));
    platform.clock.advanceSeconds(1); // distinct creation times
  }
  await completeSinglePermitDraft(platform, employer);
  await filedSinglePermit(platform, employer, { postcode: '1000' });
});
afterAll(() => platform.close());

describe('GET /dossiers lists what the caller may see, paginated', () => {
  it('pages with an opaque cursor without repeating or skipping', async () => {
    const first = await employer.get('/api/v1/dossiers?limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await employer.get(`/api/v1/dossiers?limit=50&cursor=${first.body.nextCursor}`);
    const all = [...first.body.items, ...rest.body.items].map((d: { id: string }) => d.id);
    expect(new Set(all).size).toBe(7);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('shows a region only the filed dossiers of its territory, never drafts', async () => {
    const list = await flanders.get('/api/v1/dossiers');
    expect(list.body.items).toHaveLength(5);
    expect(
      list.body.items.every(
        (d: { state: string; region: string }) => d.state === 'filed' && d.region === 'flanders',
      ),
    ).toBe(true);
    expect((await brussels.get('/api/v1/dossiers')).body.items).toHaveLength(1);
  });

  it('filters by state and finds by NISS, name or reference within what the caller may read', async () => {
    expect((await employer.get('/api/v1/dossiers?state=draft')).body.items).toHaveLength(1);
    const target = filed[2];
    if (!target) throw new Error('fixture missing');
    const byNiss = await flanders.get(`/api/v1/dossiers?q=${target.sections.identity.niss}`);
    expect(byNiss.body.items.map((d: { id: string }) => d.id)).toEqual([target.id]);
    const byReference = await flanders.get(`/api/v1/dossiers?q=${target.reference}`);
    expect(byReference.body.items.map((d: { id: string }) => d.id)).toEqual([target.id]);
    const byName = await flanders.get(
      `/api/v1/dossiers?q=${encodeURIComponent(target.sections.identity.givenNames)}`,
    );
    expect(byName.body.items.map((d: { id: string }) => d.id)).toEqual([target.id]);
    // The operator sees metadata only, so a search on personal data finds nothing.
    expect((await operator.get(`/api/v1/dossiers?q=${target.sections.identity.niss}`)).body.items).toEqual(
      [],
    );
  });

  it('rejects a forged cursor with a catalogued error', async () => {
    const res = await employer.get('/api/v1/dossiers?cursor=bm90LWpzb24');
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'query.cursor', code: 'invalid_format' });
  });
});

describe('access log (access.md rule 5)', () => {
  it('records each read with who, which categories and why; the DPO reads it, the region may not', async () => {
    const target = filed[0];
    if (!target) throw new Error('fixture missing');
    await flanders.get(`/api/v1/dossiers/${target.id}`);
    const log = await dpo.get(`/api/v1/dossiers/${target.id}/access-log`);
    expect(log.status).toBe(200);
    const regionReads = log.body.items.filter(
      (e: { organisation: { kind: string } }) => e.organisation.kind === 'regional_authority',
    );
    expect(regionReads.length).toBeGreaterThan(0);
    expect(regionReads.at(-1)).toMatchObject({
      user: { name: 'Flor Flanders (demo)' },
      categories: expect.arrayContaining(['identity', 'residence', 'employment', 'admin']),
      purpose: expect.stringContaining('Art. 12'),
    });
    expect((await flanders.get(`/api/v1/dossiers/${target.id}/access-log`)).status).toBe(404);
    // The DPO supervises: no dossier content.
    const seenByDpo = await dpo.get(`/api/v1/dossiers/${target.id}`);
    expect(seenByDpo.body.sections).toEqual({});
  });

  it('the operator sees that documents exist, not their content', async () => {
    const target = filed[1];
    if (!target) throw new Error('fixture missing');
    const view = await operator.get(`/api/v1/dossiers/${target.id}`);
    expect(view.status).toBe(200);
    expect(view.body.sections).toEqual({});
    expect(view.body.documents.length).toBeGreaterThan(0);
    expect(
      view.body.documents.every(
        (d: { downloadable: boolean; fileName?: string }) => !d.downloadable && d.fileName === undefined,
      ),
    ).toBe(true);
    const doc = view.body.documents[0];
    expect((await operator.get(`/api/v1/dossiers/${target.id}/documents/${doc.id}`)).status).toBe(404);
  });
});
