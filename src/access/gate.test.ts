import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';
import { addColleague } from '../../test/users.js';

let platform: TestPlatform;
let employer: Client,
  mandatary: Client,
  worker: Client,
  flanders: Client,
  brussels: Client,
  dvz: Client,
  dpo: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, mandatary, worker, flanders, brussels, dvz, dpo] = await platform.loginAll([
    'employer',
    'mandatary',
    'worker',
    'flanders',
    'brussels',
    'dvz',
    'dpo',
  ] as const);
});
afterAll(() => platform.close());

const path = (id: string, rest = '') => `/api/v1/dossiers/${id}${rest}`;
/** The one-time code is the last six-digit number of the message (the reference has digits too). */
const codeIn = (body: string | undefined) => (body ?? '').match(/\b\d{6}\b/g)?.at(-1) ?? '';

async function refusedPermit() {
  const draft = await filedSinglePermit(platform, employer);
  await flanders.post(path(draft.id, '/admissibility'), { outcome: 'admissible' });
  await flanders.post(path(draft.id, '/decisions'), {
    kind: 'work',
    outcome: 'refused',
    grounds: 'Salary below the threshold of the region',
  });
  return draft;
}

describe('mandates', () => {
  it('revoking a mandate takes effect at once; a single-dossier mandate opens that dossier only', async () => {
    const a = await filedSinglePermit(platform, employer);
    const b = await filedSinglePermit(platform, employer);
    const granted = (await mandatary.get('/api/v1/mandates')).body.items;
    expect(granted).toHaveLength(1);
    expect((await mandatary.get(path(a.id))).status).toBe(200);

    const all = (await employer.get('/api/v1/mandates')).body.items[0];
    expect((await employer.delete(`/api/v1/mandates/${all.id}`)).status).toBe(204);
    expect((await mandatary.get(path(a.id))).status).toBe(404);
    expect((await mandatary.get('/api/v1/dossiers')).body.items).toEqual([]);

    const single = await employer.post('/api/v1/mandates', {
      mandataryOrganisationId: platform.directory.organisations.mandatary,
      dossierId: b.id,
      validFrom: '2026-01-01T00:00:00Z',
    });
    expect(single.status).toBe(201);
    expect((await mandatary.get(path(b.id))).status).toBe(200);
    expect((await mandatary.get(path(a.id))).status).toBe(404);
    const audit = await platform.deps.db
      .selectFrom('audit_trail')
      .select('kind')
      .where('kind', 'in', ['mandate_granted', 'mandate_revoked'])
      .execute();
    expect(audit.map((r) => r.kind).sort()).toEqual(['mandate_granted', 'mandate_revoked']);
    // Restore the demo mandate for the other tests of this file.
    await employer.post('/api/v1/mandates', {
      mandataryOrganisationId: platform.directory.organisations.mandatary,
      validFrom: '2026-01-01T00:00:00Z',
    });
  });
});

describe('the worker claims their dossier (Art. 24, 28)', () => {
  it('with matching details and the code sent to the dossier e-mail, then reads the full refusal and who read it', async () => {
    const { id, reference, sections } = await refusedPermit();
    expect((await worker.get(path(id))).status).toBe(404);

    const wrong = await worker.post('/api/v1/claims', {
      reference,
      passportNumber: 'WRONG12345',
      birthDate: sections.identity.birthDate,
    });
    expect(wrong.status).toBe(202);
    expect(platform.messaging.sent).toHaveLength(0);
    expect(
      (await worker.post(`/api/v1/claims/${wrong.body.claimId}/confirm`, { code: '000000' })).status,
    ).toBe(422);

    const claim = await worker.post('/api/v1/claims', {
      reference,
      passportNumber: sections.residence.passportNumber.toLowerCase(),
      birthDate: sections.identity.birthDate,
    });
    expect(Object.keys(claim.body).sort()).toEqual(Object.keys(wrong.body).sort());
    const message = platform.messaging.sent.at(-1);
    expect(message?.to).toBe(sections.residence.email);
    const code = codeIn(message?.body);
    const badCode = code === '999999' ? '999998' : '999999';
    expect(
      (await worker.post(`/api/v1/claims/${claim.body.claimId}/confirm`, { code: badCode })).body.code,
    ).toBe('claim_code_invalid');
    const confirmed = await worker.post(`/api/v1/claims/${claim.body.claimId}/confirm`, { code });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.decisions.at(-1)).toMatchObject({
      kind: 'work',
      outcome: 'refused',
      grounds: 'Salary below the threshold of the region',
    });
    expect(confirmed.body.withheld).toEqual([]);

    await dvz.get(path(id));
    const log = await worker.get(path(id, '/access-log'));
    expect(log.status).toBe(200);
    expect(
      log.body.items.some((e: { organisation: { kind: string } }) => e.organisation.kind === 'dvz'),
    ).toBe(true);
    // A code works once.
    expect((await worker.post(`/api/v1/claims/${claim.body.claimId}/confirm`, { code })).status).toBe(422);
  });

  it('gives up after five wrong codes', async () => {
    const { reference, sections } = await refusedPermit();
    const claim = await worker.post('/api/v1/claims', {
      reference,
      passportNumber: sections.residence.passportNumber,
      birthDate: sections.identity.birthDate,
    });
    const code = codeIn(platform.messaging.sent.at(-1)?.body);
    const bad = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++)
      await worker.post(`/api/v1/claims/${claim.body.claimId}/confirm`, { code: bad });
    expect((await worker.post(`/api/v1/claims/${claim.body.claimId}/confirm`, { code })).status).toBe(422);
  });
});

describe('grounds of negative decisions (Art. 24)', () => {
  it('never reach the applicant, DVZ, or any list, event or history of theirs', async () => {
    const { id } = await refusedPermit();
    for (const [client, routes] of [
      [employer, [path(id), path(id, '/events'), '/api/v1/dossiers']],
      [dvz, [path(id), path(id, '/events'), '/api/v1/dossiers']],
      [mandatary, [path(id), path(id, '/events')]],
    ] as const) {
      for (const route of routes) {
        const res = await client.get(route);
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body)).not.toContain('Salary below');
      }
    }
    expect(JSON.stringify((await flanders.get(path(id))).body)).toContain('Salary below');
  });
});

describe('designation register (Art. 16-17)', () => {
  it('needs two persons of the same controller, neither the designee; only then may the designated person read health documents', async () => {
    const dvzColleague = await platform.login(
      (await addColleague(platform, 'dvz', 'dvz-colleague'), 'dvz-colleague'),
    );
    const dvzThird = await platform.login((await addColleague(platform, 'dvz', 'dvz-third'), 'dvz-third'));
    const me = (await dvz.get('/api/v1/session')).body.user.id;
    const { id } = await filedSinglePermit(platform, employer); // abroad: a medical certificate of the 1980 law
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    const before = await dvz.get(path(id));
    expect(before.body.documents.some((d: { type: string }) => d.type === 'medical_certificate')).toBe(false);
    expect(before.body.withheld).toContain('health');

    const designation = {
      userId: me,
      category: 'health',
      validFrom: '2026-11-01',
      reason: 'Residence examination team',
    };
    // Art. 16: nobody designates themselves.
    const ofOneself = await dvz.post('/api/v1/designations', designation);
    expect([ofOneself.status, ofOneself.body.code]).toEqual([409, 'designation_of_oneself']);
    const proposed = await dvzColleague.post('/api/v1/designations', designation);
    expect(proposed.status).toBe(201);
    expect((await dvzColleague.post(`/api/v1/designations/${proposed.body.id}/validate`)).body.code).toBe(
      'designation_needs_second_person',
    );
    // Nor does the designee validate their own designation.
    expect((await dvz.post(`/api/v1/designations/${proposed.body.id}/validate`)).body.code).toBe(
      'designation_of_oneself',
    );
    expect((await dvz.get(path(id))).body.withheld).toContain('health');
    // Another controller cannot validate it either.
    expect((await flanders.post(`/api/v1/designations/${proposed.body.id}/validate`)).status).toBe(404);

    const validated = await dvzThird.post(`/api/v1/designations/${proposed.body.id}/validate`);
    expect(validated.body).toMatchObject({ status: 'valid', validatedBy: { name: 'dvz-third (test)' } });
    const after = await dvz.get(path(id));
    const medical = after.body.documents.find((d: { type: string }) => d.type === 'medical_certificate');
    expect(medical).toMatchObject({ downloadable: true });
    expect((await dvz.get(path(id, `/documents/${medical.id}`))).status).toBe(200);
    // The colleague is not designated, and the criminal record stays closed to both.
    expect((await dvzColleague.get(path(id))).body.withheld).toContain('health');
    expect(after.body.withheld).toContain('criminal');

    const csv = await dvz.get('/api/v1/designations?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('Dirk DVZ (demo)');
    const json = await dvz.get('/api/v1/designations');
    expect(json.body.items[0]).toMatchObject({ category: 'health', status: 'valid' });

    await dvzColleague.post(`/api/v1/designations/${proposed.body.id}/end`);
    const ended = await dvz.get(path(id));
    expect(ended.body.withheld).toContain('health');
    const kinds = (await platform.deps.db.selectFrom('audit_trail').select('kind').execute()).map(
      (r) => r.kind,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['designation_proposed', 'designation_validated', 'designation_ended']),
    );
  });
});

describe('mutual recognition (Art. 26)', () => {
  it('another region reads only with a dossier of its own for the same worker, and a stated purpose', async () => {
    const flemish = await filedSinglePermit(platform, employer, { postcode: '2000' });
    // Brussels examines a dossier about the same worker (same national number).
    const ownDraft = await completeSinglePermitDraft(platform, employer, { postcode: '1000' });
    await employer.patch(path(ownDraft.id), { identity: { niss: flemish.sections.identity.niss } });
    expect((await employer.post(path(ownDraft.id, '/submit'))).status).toBe(200);
    const brusselsOwn = ownDraft;
    const unrelated = await filedSinglePermit(platform, employer, { postcode: '1000' });
    expect((await brussels.get(path(flemish.id))).status).toBe(404);
    const withoutPurpose = await brussels.request('GET', path(flemish.id), undefined, {
      'x-for-dossier': brusselsOwn.id,
    });
    expect(withoutPurpose.body.code).toBe('purpose_required');
    const read = await brussels.request('GET', path(flemish.id), undefined, {
      'x-for-dossier': brusselsOwn.id,
      'x-purpose': 'Check of an earlier permit for the same worker',
      'x-purpose-code': 'earlier_application',
    });
    expect(read.status).toBe(200);
    expect(read.body.sections.employment).toBeDefined();
    expect(read.body.sections.residence).toBeDefined();
    // A dossier of another region does not count as "its own".
    const notOwn = await brussels.request('GET', path(unrelated.id), undefined, {
      'x-for-dossier': flemish.id,
      'x-purpose': 'x',
    });
    expect(notOwn.status).toBe(200); // unrelated is Brussels' own dossier anyway
    const foreign = await flanders.request('GET', path(brusselsOwn.id), undefined, {
      'x-for-dossier': brusselsOwn.id,
      'x-purpose': 'x',
    });
    expect(foreign.status).toBe(404);
    const log = await dpo.get(path(flemish.id, '/access-log'));
    const recognition = log.body.items.filter((e: { organisation: { name: string } }) =>
      e.organisation.name.startsWith('Bruxelles'),
    );
    expect(recognition).toHaveLength(1);
    expect(recognition[0].purpose).toContain(
      'Mutual recognition (Art. 26) [earlier_application]: Check of an earlier permit',
    );
    // The Flemish DPO supervises Flemish dossiers, not those of Brussels.
    expect((await dpo.get(path(brusselsOwn.id, '/access-log'))).status).toBe(404);
  });
});
