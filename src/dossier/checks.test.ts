import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { admissibleSinglePermit, dossierPath as path, grantedSinglePermit } from '../../test/exchange.js';
import { completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';
import { loadConfig } from '../config.js';
import { enterpriseNumberFrom } from '../demo/fixtures.js';

let platform: TestPlatform;
let employer: Client, flanders: Client, wallonia: Client, dvz: Client, post: Client;
let inspection: Client, operator: Client, dpo: Client;

beforeAll(async () => {
  // A short deadline, so the fake source that never answers is given up on quickly.
  platform = await startPlatform({ sources: { ...loadConfig({}, []).sources, timeoutMs: 300 } });
  [employer, flanders, wallonia, dvz, post, inspection, operator, dpo] = await platform.loginAll([
    'employer',
    'flanders',
    'wallonia',
    'dvz',
    'post',
    'inspection',
    'operator',
    'dpo',
  ] as const);
});
afterAll(() => platform.close());

const parties = () => ({ employer, flanders, dvz });
const outcomes = (sources: { check: string; outcome: string }[]) =>
  Object.fromEntries(sources.map((s) => [s.check, s.outcome]));

/** A filed single permit whose employer has the enterprise number of this fictitious serial. */
async function filedWithEnterprise(serial: number) {
  const draft = await completeSinglePermitDraft(platform, employer);
  // The section must carry the applicant's own number: the employer is registered under this one.
  const employerId = platform.directory.organisations.employer ?? '';
  const registered = (number: string) =>
    platform.deps.db
      .updateTable('organisation')
      .set({ enterprise_number: number })
      .where('id', '=', employerId)
      .execute();
  await registered(enterpriseNumberFrom(serial));
  try {
    const patched = await employer.patch(path(draft.id), {
      employment: {
        employer: { ...draft.sections.employment.employer, enterpriseNumber: enterpriseNumberFrom(serial) },
      },
    });
    expect(patched.status).toBe(200);
    expect((await employer.post(path(draft.id, '/submit'))).status).toBe(200);
  } finally {
    await registered(enterpriseNumberFrom(1));
  }
  return draft.id;
}

describe('automated checks against authentic sources (R-DATA-3, Art. 14)', () => {
  it('the competent region runs them; the results are stored with the time they were fetched', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const res = await flanders.post(path(id, '/checks'));
    expect(res.status).toBe(201);
    expect(outcomes(res.body.sources)).toEqual({
      niss_check_digits: 'pass',
      enterprise_number_check_digits: 'pass',
      fee_reference_check_digits: 'pass',
      kbo_enterprise_active: 'pass',
      onss_employer_registered: 'pass',
      dimona_employer: 'pass',
      dmfa_employer: 'pass',
      // The platform's own check, evaluated on the day of every read (findings.ts).
      passport_valid_for_stay: 'pass',
    });
    const kbo = res.body.sources.find((s: { check: string }) => s.check === 'kbo_enterprise_active');
    expect(kbo).toMatchObject({
      source: 'kbo',
      fetchedAt: platform.clock.now().toISOString(),
      detail: { status: 'active', nameMatchesDeclared: false, seat: { postcode: expect.any(String) } },
    });
    const dmfa = res.body.sources.find((s: { check: string }) => s.check === 'dmfa_employer');
    expect(dmfa.detail.quarters.map((q: { quarter: string }) => q.quarter)).toEqual([
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
    ]);
    expect(dmfa.detail.declaredGrossMonthlySalaryCents).toBe(520_000);
    const events = await flanders.get(path(id, '/events'));
    expect(events.body.items.at(-1)).toMatchObject({
      action: 'run_checks',
      by: 'competent_region',
      legalBasis: 'Art. 14',
    });

    // A second run is the current picture; the first stays stored.
    platform.clock.advanceSeconds(60);
    const again = await flanders.post(path(id, '/checks'));
    expect(again.body.sources[0].fetchedAt).toBe(platform.clock.now().toISOString());
    const stored = await platform.deps.db
      .selectFrom('source_check')
      .select('run_id')
      .where('dossier_id', '=', id)
      .execute();
    expect(new Set(stored.map((s) => s.run_id)).size).toBe(2);
  });

  it('shows them only to relations whose `source` cell is R, and logs the read', async () => {
    const { id } = await admissibleSinglePermit(platform, parties());
    await flanders.post(path(id, '/checks'));
    const visible = { flanders, dvz };
    for (const [name, client] of Object.entries(visible)) {
      const view = await client.get(path(id));
      const stored = view.body.sources.filter(
        (s: { check: string }) => s.check !== 'passport_valid_for_stay',
      );
      expect(stored, name).toHaveLength(7);
      expect(view.body.withheld, name).not.toContain('source');
    }
    const employerView = await employer.get(path(id));
    expect(employerView.body.sources).toBeNull();
    expect(employerView.body.withheld).toContain('source');
    expect(JSON.stringify(employerView.body)).not.toContain('nameMatchesDeclared');
    const operatorView = await operator.get(path(id));
    expect(operatorView.body.sources).toBeNull();
    // Inspection reads them only under the broad reading of Art. 25 (decision 0008).
    const inspectionView = await inspection.request('GET', path(id), undefined, {
      'x-purpose': 'Control visit file CTRL-2026-0012',
    });
    expect(inspectionView.body.sources).toBeNull();
    expect(inspectionView.body.withheld).toContain('source');
    const log = await dpo.get(path(id, '/access-log'));
    const byRegion = log.body.items.filter(
      (e: { organisation: { kind: string } }) => e.organisation.kind === 'regional_authority',
    );
    expect(byRegion.at(-1).categories).toContain('source');
    const byInspection = log.body.items.filter(
      (e: { organisation: { kind: string } }) => e.organisation.kind === 'inspection',
    );
    expect(byInspection.at(-1).categories).not.toContain('source');
  });

  it('the post, after authorisation, does not see them', async () => {
    const { id } = await grantedSinglePermit(platform, parties());
    const view = await post.get(path(id));
    expect(view.status).toBe(200);
    expect(view.body.sources).toBeNull();
  });

  it('only the examining authority runs them, when the transition table says so', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    expect((await employer.post(path(id, '/checks'))).status).toBe(403);
    expect((await wallonia.post(path(id, '/checks'))).status).toBe(404);
    // DVZ has no access to a single permit before it is admissible (Art. 12 §1).
    expect((await dvz.post(path(id, '/checks'))).status).toBe(404);
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    expect((await dvz.post(path(id, '/checks'))).status).toBe(409);
    await flanders.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' });
    expect((await dvz.post(path(id, '/checks'))).status).toBe(201);
    expect((await flanders.post(path(id, '/checks'))).status).toBe(409);
  });

  it('records "not found", a failing source and one that does not answer, without failing the request', async () => {
    const expectations = [
      [890, 'not_found'],
      [891, 'unavailable'],
      [892, 'timeout'],
    ] as const;
    for (const [serial, outcome] of expectations) {
      const id = await filedWithEnterprise(serial);
      const res = await flanders.post(path(id, '/checks'));
      expect(res.status).toBe(201);
      const o = outcomes(res.body.sources);
      expect(o.enterprise_number_check_digits).toBe('pass');
      expect(o.kbo_enterprise_active).toBe(outcome);
      expect(o.onss_employer_registered).toBe(outcome);
    }
  });

  it('an enterprise stopped in KBO and not registered with ONSS fails those checks', async () => {
    const id = await filedWithEnterprise(893);
    const o = outcomes((await flanders.post(path(id, '/checks'))).body.sources);
    expect(o).toMatchObject({
      kbo_enterprise_active: 'fail',
      onss_employer_registered: 'fail',
      dimona_employer: 'fail',
      dmfa_employer: 'fail',
    });
  });
});
