import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import {
  dossierPath as path,
  forDossier,
  grantedSinglePermit,
  inbox,
  workGrantedSinglePermit,
} from '../../test/exchange.js';
import { filedSinglePermit } from '../../test/scenarios.js';

/*
 * What each reader sees of the application data (issue 13): the law's cut named rather than left
 * silent, and the delivery a post acts on naming the worker and the passport it checks.
 */

let platform: TestPlatform;
let employer: Client, flanders: Client, dvz: Client, post: Client, pes: Client, inspection: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, dvz, post, pes, inspection] = await platform.loginAll([
    'employer',
    'flanders',
    'dvz',
    'post',
    'pes',
    'inspection',
  ] as const);
});
afterAll(() => platform.close());

const parties = () => ({ employer, flanders, dvz });
const GROUNDS = 'GROUNDS-51c2: the employment ended';

interface Delivered {
  dossierId: string;
  decisionId: string;
  event: string;
  worker?: Record<string, string> | null;
  decision?: { kind: string; outcome: string; validFrom: string | null; validUntil: string | null } | null;
}
const delivered = async (client: Client, id: string) =>
  forDossier(await inbox(client), id) as unknown as Delivered[];

describe('a section the law shows only in part says so', () => {
  it('inspection (narrow reading) is told which employment fields it sees; the competent region reads all', async () => {
    const filed = await filedSinglePermit(platform, employer);
    const read = await inspection.request('GET', path(filed.id), undefined, {
      'x-purpose': 'Control visit file CTRL-2026-0412',
    });
    expect(read.status).toBe(200);
    expect(read.body.fieldsShown).toEqual({
      employment: ['employer', 'registration', 'onssNumber', 'workplace'],
    });
    expect(read.body.sections.employment.jobTitle).toBeUndefined();
    expect(read.body.withheld).toContain('residence');

    const region = await flanders.get(path(filed.id));
    expect(region.body.fieldsShown).toEqual({});
    expect(region.body.sections.employment.jobTitle).toBe(filed.sections.employment.jobTitle);
  });
});

describe('a delivery names the worker and the decision, as the gate lets its recipient read them', () => {
  it('the post sees the name, the passport and the validity of the visa D it issues, and the read is logged', async () => {
    const { id, sections } = await grantedSinglePermit(platform, parties(), { abroad: true });
    const [item] = await delivered(post, id);
    expect(item?.event).toBe('visa_d_authorised');
    expect(item?.worker).toEqual({
      givenNames: sections.identity.givenNames,
      familyName: sections.identity.familyName,
      birthDate: sections.identity.birthDate,
      nationality: sections.identity.nationality,
      passportNumber: sections.residence.passportNumber,
      passportIssuingCountry: sections.residence.passportIssuingCountry,
      passportExpiry: sections.residence.passportExpiry,
    });
    expect(item?.decision).toEqual({
      kind: 'residence',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
      permitType: expect.anything(),
    });
    const log = await platform.deps.db
      .selectFrom('access_log as l')
      .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
      .select('l.categories')
      .where('l.dossier_id', '=', id)
      .where('o.kind', '=', 'post')
      .execute();
    expect(log.map((l) => l.categories)).toContainEqual(['identity', 'residence', 'admin']);
  });

  it('the employment service sees who the worker is but not the passport; a bare negative fact names no decision', async () => {
    const { id } = await grantedSinglePermit(platform, parties());
    await flanders.post(path(id, '/decisions'), { kind: 'withdrawal', of: 'work', grounds: GROUNDS });
    const [toPes] = await delivered(pes, id);
    expect(toPes?.worker?.familyName).toBe('Voorbeeld-Exemple');
    expect(toPes?.worker?.passportNumber).toBeUndefined();

    const [toDvz] = await delivered(dvz, id);
    expect(toDvz?.event).toBe('negative_decision');
    expect(toDvz?.decision).toBeNull();
    expect(JSON.stringify(toDvz)).not.toContain('GROUNDS-51c2');
  });

  it('a residence refusal reaches the region as its own dossier view shows it, never the post, never the grounds', async () => {
    const { id } = await workGrantedSinglePermit(platform, parties(), { abroad: true });
    await dvz.post(path(id, '/decisions'), { kind: 'residence', outcome: 'refused', grounds: GROUNDS });
    // The post was never told: no authorisation, so no visa to issue and nothing to read.
    expect(await delivered(post, id)).toEqual([]);
    const [toRegion] = await delivered(flanders, id);
    const seen = await flanders.get(path(id));
    const refusal = seen.body.decisions.find((d: { id: string }) => d.id === toRegion?.decisionId);
    expect(toRegion?.decision?.outcome).toBe(refusal.outcome);
    expect(toRegion?.worker?.passportNumber).toBe(seen.body.sections.residence.passportNumber);
    expect(JSON.stringify(toRegion)).not.toContain('GROUNDS-51c2');
  });
});
