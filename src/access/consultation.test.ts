import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path } from '../../test/exchange.js';
import { completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';
import { grantedSinglePermit } from '../../test/exchange.js';

/*
 * Art. 25 (inspection, within its competence and for a stated purpose, narrow or broad reading) and
 * Art. 26 (mutual recognition between regions, about the same worker only, with a purpose code).
 */

let platform: TestPlatform;
let employer: Client, inspection: Client, walloonInspection: Client, operator: Client;
let flanders: Client, brussels: Client, dpo: Client, dvz: Client, pes: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, inspection, walloonInspection, operator, flanders, brussels, dpo, dvz, pes] =
    await platform.loginAll([
      'employer',
      'inspection',
      'inspection-wallonia',
      'operator',
      'flanders',
      'brussels',
      'dpo',
      'dvz',
      'pes',
    ] as const);
});
afterAll(() => platform.close());

const CONTROL = { 'x-purpose': 'Control visit file CTRL-2026-0311' };
const readAs = (client: Client, id: string, headers: Record<string, string> = {}) =>
  client.request('GET', path(id), undefined, headers);

describe('inspection services (Art. 25)', () => {
  it('have no list of dossiers: they search with a purpose', async () => {
    const list = await inspection.get('/api/v1/dossiers');
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('search_required');
  });

  it('read a dossier only with a stated purpose, and under the narrow reading only who the worker is, for whom and where they work', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const silent = await readAs(inspection, filed.id);
    expect(silent.status).toBe(422);
    expect(silent.body.code).toBe('purpose_required');

    const read = await readAs(inspection, filed.id, CONTROL);
    expect(read.status).toBe(200);
    expect(read.body.sections.identity.familyName).toBe(filed.sections.identity.familyName);
    expect(read.body.sections.residence).toBeUndefined();
    expect(Object.keys(read.body.sections.employment).sort()).toEqual(
      Object.keys(filed.sections.employment)
        .filter((f) => ['employer', 'registration', 'onssNumber', 'workplace'].includes(f))
        .sort(),
    );
    expect(read.body.sections.employment.grossMonthlySalaryCents).toBeUndefined();
    expect(read.body.documents.map((d: { category: string }) => d.category)).not.toContain('employment');
    expect(read.body.withheld).toEqual(expect.arrayContaining(['residence', 'source']));

    const log = await dpo.get(path(filed.id, '/access-log'));
    const reads = log.body.items.filter(
      (e: { organisation: { kind: string } }) => e.organisation.kind === 'inspection',
    );
    expect(reads.map((e: { purpose: string }) => e.purpose)).toContain(CONTROL['x-purpose']);
  });

  it('a regional service sees only its region’s dossiers; a federal one all', async () => {
    const flemish = await filedSinglePermit(platform, employer, { postcode: '2000' });
    const walloon = await filedSinglePermit(platform, employer, { postcode: '5000' });
    expect((await readAs(walloonInspection, flemish.id, CONTROL)).status).toBe(404);
    expect((await readAs(walloonInspection, walloon.id, CONTROL)).status).toBe(200);
    expect((await readAs(inspection, flemish.id, CONTROL)).status).toBe(200);
    const search = (client: Client, niss: string) =>
      client.post('/api/v1/dossiers/search', {
        purpose: CONTROL['x-purpose'],
        criteria: { by: 'niss', niss },
      });
    expect((await search(walloonInspection, flemish.sections.identity.niss)).body.items).toEqual([]);
    expect((await search(walloonInspection, walloon.sections.identity.niss)).body.items).toHaveLength(1);
    expect((await search(inspection, flemish.sections.identity.niss)).body.items).toHaveLength(1);
  });

  it('the broad reading applies once the operator records the committee’s decision, and the trail keeps it', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const before = await inspection.get('/api/v1/policy-settings');
    expect(before.body.items).toEqual([{ name: 'inspection_reading', value: 'narrow', decision: null }]);
    const decision = { value: 'broad', decisionReference: 'COMMITTEE-2026-07', decidedOn: '2026-11-20' };
    expect((await employer.put('/api/v1/policy-settings/inspection_reading', decision)).status).toBe(403);
    const recorded = await operator.put('/api/v1/policy-settings/inspection_reading', decision);
    expect(recorded.status).toBe(200);
    expect(recorded.body.items[0]).toMatchObject({
      value: 'broad',
      decision: { reference: 'COMMITTEE-2026-07', decidedOn: '2026-11-20' },
    });
    const read = await readAs(inspection, filed.id, CONTROL);
    expect(read.body.sections.residence.passportNumber).toBe(filed.sections.residence.passportNumber);
    expect(read.body.sections.employment.grossMonthlySalaryCents).toBe(
      filed.sections.employment.grossMonthlySalaryCents,
    );
    const trail = await platform.deps.db
      .selectFrom('audit_trail')
      .select('details')
      .where('kind', '=', 'policy_setting_recorded')
      .execute();
    expect(trail).toHaveLength(1);
    // Back to the default for the tests that follow.
    await operator.put('/api/v1/policy-settings/inspection_reading', {
      ...decision,
      value: 'narrow',
      decisionReference: 'COMMITTEE-2026-08',
    });
    expect((await readAs(inspection, filed.id, CONTROL)).body.sections.residence).toBeUndefined();
  });
});

describe('mutual recognition between regions (Art. 26)', () => {
  /** A Brussels dossier about the given worker (same passport and national number), or another one. */
  async function brusselsDossier(sameWorkerAs?: Awaited<ReturnType<typeof filedSinglePermit>>) {
    const draft = await completeSinglePermitDraft(platform, employer, { postcode: '1000' });
    if (sameWorkerAs) {
      const { identity, residence } = sameWorkerAs.sections;
      const patched = await employer.patch(path(draft.id), {
        identity: { ...identity },
        residence: { ...draft.sections.residence, passportNumber: residence.passportNumber },
      });
      expect(patched.status).toBe(200);
    }
    expect((await employer.post(path(draft.id, '/submit'))).status).toBe(200);
    return draft;
  }
  const recognise = (own: string, code = 'change_of_employer') => ({
    'x-for-dossier': own,
    'x-purpose': 'Earlier refusal for this worker',
    'x-purpose-code': code,
  });

  it('a region reads another region’s dossier about the same worker, residence included, negative decisions as the fact, with code and text logged', async () => {
    const flemish = await filedSinglePermit(platform, employer, { postcode: '2000' });
    await flanders.post(path(flemish.id, '/admissibility'), { outcome: 'admissible' });
    await flanders.post(path(flemish.id, '/decisions'), {
      kind: 'work',
      outcome: 'refused',
      grounds: 'GROUNDS-26aa: salary too low',
    });
    const own = await brusselsDossier(flemish);

    const withoutCode = await readAs(brussels, flemish.id, {
      'x-for-dossier': own.id,
      'x-purpose': 'Earlier refusal for this worker',
    });
    expect(withoutCode.body.code).toBe('purpose_required');
    const unknownCode = await readAs(brussels, flemish.id, recognise(own.id, 'curiosity'));
    expect(unknownCode.body.code).toBe('purpose_required');

    const read = await readAs(brussels, flemish.id, recognise(own.id));
    expect(read.status).toBe(200);
    expect(read.body.sections.residence.passportNumber).toBe(flemish.sections.residence.passportNumber);
    expect(read.body.state).toBe('negative_decision');
    expect(JSON.stringify(read.body)).not.toMatch(/refused|GROUNDS-26aa/);

    const log = await dpo.get(path(flemish.id, '/access-log'));
    const recognition = log.body.items.filter((e: { organisation: { name: string } }) =>
      e.organisation.name.startsWith('Bruxelles'),
    );
    expect(recognition).toHaveLength(1);
    expect(recognition[0].purpose).toContain('[change_of_employer]');
    expect(recognition[0].purpose).toContain('Earlier refusal for this worker');
  });

  it('never because the employer is shared: a dossier of another worker of the same employer stays hidden', async () => {
    const flemish = await filedSinglePermit(platform, employer, { postcode: '2000' });
    const otherWorker = await brusselsDossier();
    expect((await readAs(brussels, flemish.id, recognise(otherWorker.id))).status).toBe(404);
    const byEmployer = await brussels.post('/api/v1/dossiers/search', {
      purpose: 'Earlier applications of this employer',
      forDossier: otherWorker.id,
      purposeCode: 'earlier_application',
      criteria: { by: 'enterprise', enterpriseNumber: flemish.sections.employment.employer.enterpriseNumber },
    });
    expect(byEmployer.status).toBe(200);
    expect(byEmployer.body.items.map((d: { id: string }) => d.id)).not.toContain(flemish.id);
  });

  it('a recognition search needs the code of its purpose', async () => {
    const flemish = await filedSinglePermit(platform, employer, { postcode: '2000' });
    const own = await brusselsDossier(flemish);
    const criteria = { by: 'niss', niss: flemish.sections.identity.niss };
    const noCode = await brussels.post('/api/v1/dossiers/search', {
      purpose: 'Same worker in another region',
      forDossier: own.id,
      criteria,
    });
    expect(noCode.body.code).toBe('purpose_required');
    const found = await brussels.post('/api/v1/dossiers/search', {
      purpose: 'Same worker in another region',
      forDossier: own.id,
      purposeCode: 'earlier_application',
      criteria,
    });
    expect(found.body.items.map((d: { id: string }) => d.id)).toContain(flemish.id);
  });
});

describe('the employment service after a withdrawal (access.md: identity and contact)', () => {
  it('reads who the worker is and how to reach them, not the passport or the rest of the file', async () => {
    const granted = await grantedSinglePermit(platform, { employer, flanders, dvz });
    expect((await pes.get(path(granted.id))).status).toBe(404);
    const withdrawn = await flanders.post(path(granted.id, '/decisions'), {
      kind: 'withdrawal',
      of: 'work',
      grounds: 'Employment ended',
    });
    expect(withdrawn.body.state).toBe('work_withdrawn');
    const read = await pes.get(path(granted.id));
    expect(read.status).toBe(200);
    expect(read.body.sections.identity.familyName).toBe(granted.sections.identity.familyName);
    expect(read.body.sections.residence).toEqual({
      email: granted.sections.residence.email,
      phone: granted.sections.residence.phone,
    });
    expect(read.body.sections.employment).toBeUndefined();
    expect(read.body.documents).toEqual([]);
  });
});
