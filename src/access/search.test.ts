import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { claimDossier, completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';

let platform: TestPlatform;
let employer: Client, inspection: Client, counter: Client, worker: Client, flanders: Client, wallonia: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, inspection, counter, worker, flanders, wallonia] = await platform.loginAll([
    'employer',
    'inspection',
    'counter',
    'worker',
    'flanders',
    'wallonia',
  ] as const);
});
afterAll(() => platform.close());

const PURPOSE = 'Control visit file CTRL-2026-0042';
const search = (client: Client, criteria: Record<string, string>, purpose = PURPOSE) =>
  client.post('/api/v1/dossiers/search', { purpose, criteria });
const references = (reply: { body: { items?: { reference: string }[] } }) =>
  (reply.body.items ?? []).map((i) => i.reference);

/** The purposes an organisation's reads of a dossier were logged with. */
async function purposesLogged(dossierId: string, organisation: string): Promise<string[]> {
  const logged = await platform.deps.db
    .selectFrom('access_log')
    .select('purpose')
    .where('dossier_id', '=', dossierId)
    .where('organisation_id', '=', platform.directory.organisations[organisation] ?? '')
    .execute();
  return logged.map((l) => l.purpose);
}

describe('consultation search by the inspection services (R-CONS-1, Art. 25)', () => {
  it('finds a filed dossier by NISS written any way, never a draft, and the worker sees the read with its purpose', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const draft = await completeSinglePermitDraft(platform, employer);
    const niss = filed.sections.identity.niss;
    const written = `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}`;

    const found = await search(inspection, { by: 'niss', niss: written });
    expect(found.status).toBe(200);
    expect(references(found)).toEqual([filed.reference]);
    expect(found.body.items[0].worker.familyName).toBe(filed.sections.identity.familyName);
    expect(references(await search(inspection, { by: 'niss', niss: draft.sections.identity.niss }))).toEqual(
      [],
    );

    await claimDossier(platform, worker, filed);
    const log = await worker.get(`/api/v1/dossiers/${filed.id}/access-log`);
    const inspectionReads = log.body.items.filter(
      (e: { organisation: { kind: string } }) => e.organisation.kind === 'inspection',
    );
    expect(inspectionReads).toHaveLength(1);
    expect(inspectionReads[0]).toMatchObject({
      categories: ['identity'],
      purpose: `${PURPOSE} (search by niss)`,
    });
  });

  it('finds by family name and birth date whatever the case and accents, and by enterprise number', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const { familyName, birthDate } = filed.sections.identity;
    const byName = await search(inspection, {
      by: 'name',
      familyName: familyName.toUpperCase().replace('E', 'É'),
      birthDate,
    });
    expect(references(byName)).toContain(filed.reference);
    expect(references(await search(inspection, { by: 'name', familyName, birthDate: '1990-01-01' }))).toEqual(
      [],
    );

    const enterprise = filed.sections.employment.employer.enterpriseNumber;
    const byEnterprise = await search(inspection, { by: 'enterprise', enterpriseNumber: enterprise });
    expect(references(byEnterprise)).toContain(filed.reference);
    expect(byEnterprise.body.items.every((i: { state: string }) => i.state !== 'draft')).toBe(true);
  });

  it('records each search in the audit trail with its purpose and what it found, never the searched number', async () => {
    const filed = await filedSinglePermit(platform, employer);
    await search(inspection, { by: 'niss', niss: filed.sections.identity.niss });
    const entry = await platform.deps.db
      .selectFrom('audit_trail')
      .select(['details'])
      .where('kind', '=', 'dossier_search')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toEqual({ by: 'niss', purpose: PURPOSE, found: [filed.id] });
    expect(JSON.stringify(entry.details)).not.toContain(filed.sections.identity.niss);
  });

  it('finds only what the caller may see: the business counter finds no single permit', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const reply = await search(counter, { by: 'niss', niss: filed.sections.identity.niss });
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual([]);
  });

  it('refuses a search without a purpose, with a wrong NISS, or by an applicant, and logs nothing', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const before = await platform.deps.db.selectFrom('access_log').select('id').execute();

    const noPurpose = await search(inspection, { by: 'niss', niss: filed.sections.identity.niss }, '');
    expect(noPurpose.status).toBe(422);
    expect(noPurpose.body.errors).toContainEqual(expect.objectContaining({ field: 'purpose' }));

    const wrong = await search(inspection, { by: 'niss', niss: '12345678901' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toContainEqual(
      expect.objectContaining({ field: 'criteria.niss', code: 'invalid_niss' }),
    );

    expect((await search(employer, { by: 'niss', niss: filed.sections.identity.niss })).status).toBe(403);
    const after = await platform.deps.db.selectFrom('access_log').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('logs a dossier opened from the results with the purpose sent along, in any script', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const purpose = 'Contrôle sur place – dossier n° CTRL’42';
    const read = await inspection.request('GET', `/api/v1/dossiers/${filed.id}`, undefined, {
      'x-purpose': encodeURIComponent(purpose),
    });
    expect(read.status).toBe(200);
    expect(await purposesLogged(filed.id, 'inspection')).toEqual([purpose]);
  });

  it('lets a region search its own dossiers too', async () => {
    const filed = await filedSinglePermit(platform, employer);
    expect(references(await search(flanders, { by: 'niss', niss: filed.sections.identity.niss }))).toEqual([
      filed.reference,
    ]);
  });

  it('lets a region find the same person in another region only from its own dossier (Art. 26)', async () => {
    const inFlanders = await filedSinglePermit(platform, employer);
    const inWallonia = await completeSinglePermitDraft(platform, employer, { postcode: '4000' });
    await employer.patch(`/api/v1/dossiers/${inWallonia.id}`, {
      identity: { niss: inFlanders.sections.identity.niss },
    });
    expect((await employer.post(`/api/v1/dossiers/${inWallonia.id}/submit`)).status).toBe(200);
    const niss = inFlanders.sections.identity.niss;

    // Without naming its own dossier, Wallonia finds only its own.
    expect(references(await search(wallonia, { by: 'niss', niss }))).toEqual([inWallonia.reference]);
    const recognised = await wallonia.post('/api/v1/dossiers/search', {
      purpose: 'Recognition of the work authorisation',
      forDossier: inWallonia.id,
      purposeCode: 'change_of_employer',
      criteria: { by: 'niss', niss },
    });
    expect(references(recognised).sort()).toEqual([inFlanders.reference, inWallonia.reference].sort());
    expect(await purposesLogged(inFlanders.id, 'wallonia')).toEqual([
      `Mutual recognition (Art. 26) [change_of_employer]: Recognition of the work authorisation (search by niss) (own dossier ${inWallonia.id})`,
    ]);
    // Naming a dossier that is not its own changes nothing.
    expect(
      references(
        await wallonia.post('/api/v1/dossiers/search', {
          purpose: 'Recognition of the work authorisation',
          forDossier: inFlanders.id,
          purposeCode: 'change_of_employer',
          criteria: { by: 'niss', niss },
        }),
      ),
    ).toEqual([inWallonia.reference]);
  });
});
