import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { addOrganisation } from '../../test/users.js';
import type { FactRow } from './facts.js';

/*
 * Each Eurostat file of a year against a small example counted by hand (Art. 31): the facts are
 * written directly, as the transitions would have written them, so every cell below can be checked
 * against the list.
 */

let platform: TestPlatform;
let dvz: Client;
let committee: Client;
let flanders: Client;

const base = { year: 2025, month: 6, region: 'flanders', event: 'decision' } as const;
const sp = { ...base, procedure: 'single_permit', reason: 'remunerated' } as const;
const granted = (category: string, more: Partial<FactRow> = {}): FactRow => ({
  ...sp,
  category,
  decision_kind: 'residence',
  outcome: 'granted',
  application_kind: 'first',
  validity_months: 12,
  ...more,
});

const FACTS: FactRow[] = [
  // Single permits: two first permits for a year, a renewal for four months, a work refusal,
  // a residence withdrawal; the work grant before a residence decision is not a permit.
  granted('single_permit', { citizenship: 'IN' }),
  granted('single_permit', { citizenship: 'IN' }),
  granted('single_permit', { citizenship: 'MA', application_kind: 'renewal', validity_months: 4 }),
  { ...sp, category: 'single_permit', decision_kind: 'work', outcome: 'refused', citizenship: 'IN' },
  { ...sp, category: 'single_permit', decision_kind: 'work', outcome: 'granted', citizenship: 'IN' },
  {
    ...sp,
    event: 'permit_withdrawn',
    category: 'single_permit',
    decision_kind: 'residence',
    outcome: 'withdrawn',
    citizenship: 'IN',
  },
  // EU Blue Cards: a first one for a software professional who came from Germany, a change of employer.
  granted('eu_blue_card', { citizenship: 'CN', isco2: '25', previous_member_state: 'DE' }),
  granted('eu_blue_card', { citizenship: 'CN', application_kind: 'change_of_employer' }),
  // A seasonal worker in agriculture for six months.
  granted('seasonal_worker', { citizenship: 'TR', sex: 'F', nace_division: '01', validity_months: 6 }),
  // Intra-corporate transferees: a manager in IT for two years; a specialist in long-term mobility from NL.
  granted('intra_corporate_transferee', {
    citizenship: 'US',
    ict_role: 'manager',
    isco2: '12',
    nace_division: '62',
    validity_months: 24,
  }),
  granted('intra_corporate_transferee', {
    citizenship: 'US',
    ict_role: 'specialist',
    long_term_mobility: true,
    previous_member_state: 'NL',
  }),
  // Researchers: one admitted here, one in long-term mobility from France.
  granted('researcher', { citizenship: 'BR' }),
  granted('researcher', { citizenship: 'BR', long_term_mobility: true, previous_member_state: 'FR' }),
  // A trainee refused, a volunteer admitted.
  { ...sp, category: 'trainee', decision_kind: 'work', outcome: 'refused', citizenship: 'PH' },
  granted('volunteer', { citizenship: 'PH' }),
  // Another year, and a filing: neither is in the 2025 tables.
  granted('single_permit', { citizenship: 'IN', year: 2024 }),
  { ...sp, event: 'filed', category: 'single_permit', citizenship: 'IN' },
];

const H = 'DATASET,GEO,TIME_PERIOD';
const EXPECTED: Record<string, string[]> = {
  migr_ressing: [
    `${H},DECISION,REASON,DURATION,CITIZEN,UNIT,OBS_VALUE`,
    'migr_ressing,BE,2025,FIRST,OCC,M_GE12,IN,PER,2',
    'migr_ressing,BE,2025,REJ,OCC,NAP,IN,PER,1',
    'migr_ressing,BE,2025,RENEW,OCC,M3-5,MA,PER,1',
    'migr_ressing,BE,2025,WDR,OCC,NAP,IN,PER,1',
  ],
  migr_resbc1: [
    `${H},DECISION,ISCO08,CITIZEN,UNIT,OBS_VALUE`,
    'migr_resbc1,BE,2025,CHG,UNK,CN,PER,1',
    'migr_resbc1,BE,2025,FIRST,OC25,CN,PER,1',
  ],
  migr_resbc2: [`${H},DECISION,CITIZEN,UNIT,OBS_VALUE`],
  migr_resbc3: [
    `${H},DECISION,PREV_MS,CITIZEN,UNIT,OBS_VALUE`,
    'migr_resbc3,BE,2025,CHG,UNK,CN,PER,1',
    'migr_resbc3,BE,2025,FIRST,DE,CN,PER,1',
  ],
  migr_ressw1_1: [
    `${H},DECISION,NACE_R2,SEX,CITIZEN,UNIT,OBS_VALUE`,
    'migr_ressw1_1,BE,2025,FIRST,A,F,TR,PER,1',
  ],
  migr_ressw2: [`${H},DECISION,DURATION,CITIZEN,UNIT,OBS_VALUE`, 'migr_ressw2,BE,2025,FIRST,M6-11,TR,PER,1'],
  migr_resict1_1: [
    `${H},DECISION,ICT_ROLE,CITIZEN,UNIT,OBS_VALUE`,
    'migr_resict1_1,BE,2025,FIRST,MGR,US,PER,1',
  ],
  migr_resict1_2: [
    `${H},DECISION,ISCO08,CITIZEN,UNIT,OBS_VALUE`,
    'migr_resict1_2,BE,2025,FIRST,OC12,US,PER,1',
  ],
  migr_resict1_3: [
    `${H},DECISION,DURATION,CITIZEN,UNIT,OBS_VALUE`,
    'migr_resict1_3,BE,2025,FIRST,M_GE12,US,PER,1',
  ],
  migr_resict2_1: [
    `${H},DECISION,ICT_ROLE,CITIZEN,UNIT,OBS_VALUE`,
    'migr_resict2_1,BE,2025,FIRST,SPEC,US,PER,1',
  ],
  migr_resict2_2: [
    `${H},DECISION,PREV_MS,CITIZEN,UNIT,OBS_VALUE`,
    'migr_resict2_2,BE,2025,FIRST,NL,US,PER,1',
  ],
  migr_resict3: [`${H},DECISION,NACE_R2,CITIZEN,UNIT,OBS_VALUE`, 'migr_resict3,BE,2025,FIRST,J,US,PER,1'],
  migr_ressrath: [
    `${H},DECISION,DURATION,CITIZEN,UNIT,OBS_VALUE`,
    'migr_ressrath,BE,2025,FIRST,M_GE12,BR,PER,1',
  ],
  migr_ressrltm: [`${H},DECISION,PREV_MS,CITIZEN,UNIT,OBS_VALUE`, 'migr_ressrltm,BE,2025,FIRST,FR,BR,PER,1'],
  migr_ressrntf: [
    `${H},DECISION,REASON,CITIZEN,UNIT,OBS_VALUE`,
    'migr_ressrntf,BE,2025,FIRST,VOL,PH,PER,1',
    'migr_ressrntf,BE,2025,REJ,TRAIN,PH,PER,1',
  ],
};

beforeAll(async () => {
  platform = await startPlatform();
  [dvz, flanders] = await platform.loginAll(['dvz', 'flanders']);
  await addOrganisation(platform, { kind: 'management_committee', name: 'Committee (test)' }, 'committee-eu');
  committee = await platform.login('committee-eu');
  await platform.deps.db.insertInto('statistic_fact').values(FACTS).execute();
}, 120_000);

afterAll(async () => platform.close());

describe('Eurostat tables of a year', () => {
  for (const [dataset, lines] of Object.entries(EXPECTED)) {
    it(`${dataset} holds the hand-counted cells`, async () => {
      const res = await dvz.request('GET', `/api/v1/statistics/eurostat/${dataset}?year=2025`);
      expect(res.status).toBe(200);
      expect(String(res.headers.get('content-type'))).toMatch(/^text\/csv/);
      expect((res.body as unknown as string).split('\r\n')).toEqual([...lines, '']);
    });
  }

  it('says the totals agree, for DVZ and the committee; a region may not read them', async () => {
    const index = await dvz.get('/api/v1/statistics/eurostat?year=2025');
    expect(index.status).toBe(200);
    expect(index.body.consistent).toBe(true);
    expect(index.body.datasets).toContainEqual(
      expect.objectContaining({ dataset: 'migr_ressing', total: 5 }),
    );
    expect((await committee.get('/api/v1/statistics/eurostat?year=2025')).body).toEqual(index.body);
    expect((await flanders.get('/api/v1/statistics/eurostat/migr_ressing?year=2025')).status).toBe(403);
  });

  it('refuses the files of a year whose totals disagree, and says which', async () => {
    // A researcher's decision without an outcome: no code list places it, the population counts it.
    await platform.deps.db
      .insertInto('statistic_fact')
      .values({
        ...base,
        year: 2023,
        procedure: 'single_permit',
        category: 'researcher',
        decision_kind: 'residence',
        outcome: null,
      })
      .execute();
    const index = await dvz.get('/api/v1/statistics/eurostat?year=2023');
    expect(index.body.consistent).toBe(false);
    expect(index.body.checks).toContainEqual(
      expect.objectContaining({
        name: 'migr_ressrath against its population',
        ok: false,
        totals: { migr_ressrath: 0, population: 1 },
      }),
    );
    const file = await dvz.request('GET', '/api/v1/statistics/eurostat/migr_ressing?year=2023');
    expect(file.status).toBe(409);
    expect(file.body.type).toMatch(/statistics_inconsistent/);
  });
});
