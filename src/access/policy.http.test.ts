import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PDF, documentsToUpload, enterpriseNumberFrom, singlePermitSections } from '../demo/fixtures.js';
import type { DecisionKind, DecisionOutcome } from '../contract/views.js';
import { emptyLifecycle, type DecisionRecord, type Lifecycle } from '../dossier/model/lifecycle.js';
import { RELATIONS, type DossierState, type Relation } from '../contract/states.js';
import { DATA_CATEGORIES, type DataCategory, type DocumentType } from '../contract/documents.js';
import { DOCUMENT_CATEGORY } from '../rules/documents.js';
import type { Procedure } from '../contract/procedures.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { completeSinglePermitDraft } from '../../test/scenarios.js';
import { addColleague } from '../../test/users.js';
import { DOC_RANK, LEVEL_RANK, maxBy } from '../../test/policy.oracle.js';
import { oracleDecisions, specDocument, specLevel } from '../../test/policy.oracle.js';
import type { Case, Level } from '../../test/policy.oracle.js';

/*
 * Every cell of the access.md table, through HTTP. For each relation row and each of the nine
 * categories, GET /api/v1/dossiers/{id} and GET /api/v1/dossiers/{id}/documents/{docId} must show
 * what the ORACLE (policy.oracle.ts, written from the text of access.md and shared with the
 * property test) says, on dossiers built through the API up to and past each "after X" milestone
 * (filing, admissible, authorisation, withdrawal). The expected levels never come from policy.ts.
 *
 * What a level means in an answer:
 * - R: the category's section is in `sections` (`sources` for source), its documents are listed
 *   `downloadable: true` and download with 200, and it is not in `withheld`;
 * - M: documents listed `downloadable: false`, download 404, no section, in `withheld`;
 * - F: a negative decision shows only as `{ id, fact: 'negative_decision', decidedAt, letters }`,
 *   the letters being those of the notice (the oracle gives F per decision: see the admin cells);
 * - —: no section, documents not listed and 404, in `withheld`; a dossier with nothing to show is
 *   404 (the DPO of the controller gets it with no content, to reach its access log).
 *
 * Not reachable through HTTP today (so not checked here; the property test covers them on the
 * evaluator):
 * - a subject on a draft ("and subject, if invited", rule 2): a worker claims only a filed dossier;
 * - grounds of positive decisions: the API takes grounds with negative decisions only;
 * - DVZ's "own decisions only" grounds in (b)(c): DVZ takes no decision there
 *   (`action_not_in_procedure`), so only "no grounds of others" is observable;
 * - the other region's row without the Art. 26 condition (own dossier + purpose): the gate refuses
 *   such a read (gate.test.ts), so the row is always read with both headers.
 */

let platform: TestPlatform;
const clients = {} as Record<ClientName, Client>;
const DECISIONS_ONLY: readonly Relation[] = [
  'post',
  'municipality',
  'business_counter',
  'employment_service',
];

type ClientName =
  | 'employer'
  | 'mandatary'
  | 'worker'
  | 'selfemployed'
  | 'flanders'
  | 'flandersColleague'
  | 'brussels'
  | 'dvz'
  | 'dvzColleague'
  | 'post'
  | 'municipality'
  | 'counter'
  | 'inspection'
  | 'pes'
  | 'operator'
  | 'dpo';

const path = (id: string, rest = '') => `/api/v1/dossiers/${id}${rest}`;

// ---------------------------------------------------------------------------------------------
// Dossiers, built once through the API; their history is kept as the oracle's Lifecycle.
// ---------------------------------------------------------------------------------------------

type DossierKey =
  | 'draft'
  | 'filed'
  | 'admissible'
  | 'inadmissible'
  | 'authorised'
  | 'residenceRefused'
  | 'withdrawn'
  | 'workGrantedInBelgium'
  | 'authorisedInBelgium'
  | 'brusselsOwn'
  | 'workPermit'
  | 'cardDraft'
  | 'card'
  | 'brusselsCard';

interface Built {
  id: string;
  reference: string;
  procedure: Procedure;
  lc: Lifecycle;
  documents: { id: string; type: DocumentType }[];
  /** The automated checks ran, so a reader at `source: R` gets a non-empty `sources`. */
  checked: boolean;
  /** What the worker gives to claim the dossier, and where the code goes. */
  passportNumber: string;
  birthDate: string;
  email: string;
}

const dossiers = {} as Record<DossierKey, Built>;

/**
 * One document of every category, and both types of health and criminal documents (the region's
 * and DVZ's designations cover one type each), on top of what each procedure asks.
 */
const EXTRA_DOCUMENTS: readonly DocumentType[] = [
  'address_proof',
  'passport',
  'photo',
  'contract',
  'business_plan',
  'medical_certificate',
  'medical_certificate_work',
  'criminal_record',
  'criminal_record_self_employed',
  'fee_proof',
];

async function uploadRest(client: Client, id: string, required: readonly DocumentType[]) {
  for (const type of EXTRA_DOCUMENTS.filter((t) => !required.includes(t))) {
    const res = await client.upload(id, type, DEMO_PDF);
    expect(res.status, `upload ${type}`).toBe(201);
  }
}

/**
 * The documents stored for the dossier, from the database: the uploader cannot list them all (an
 * employer does not see the business plan it uploaded, `self_employed` being "—" for it).
 */
async function documentsOf(id: string): Promise<Built['documents']> {
  const rows = await platform.deps.db
    .selectFrom('document')
    .select(['id', 'type'])
    .where('dossier_id', '=', id)
    .execute();
  const docs = rows.map((r) => ({ id: r.id, type: r.type as DocumentType }));
  for (const type of EXTRA_DOCUMENTS) expect(docs.map((d) => d.type)).toContain(type);
  return docs;
}

/**
 * The single permits and the work permit are about one worker (one national number), so that
 * Brussels' own dossier about that worker is its ground for reading each of them (Art. 26).
 */
const SAME_WORKER_NISS = singlePermitSections(
  {
    serial: 777,
    givenNames: 'Test 777',
    familyName: 'Dezelfde',
    nationality: 'IN',
    abroad: true,
    workplacePostcode: '2000',
  },
  { visaPost: '', municipality: '', employerSerial: 1 },
).identity.niss;

async function singlePermit(options: { abroad: boolean; postcode: string }): Promise<Built> {
  const employer = clients.employer;
  const draft = await completeSinglePermitDraft(platform, employer, options);
  const sameWorker = await employer.patch(`/api/v1/dossiers/${draft.id}`, {
    identity: { niss: SAME_WORKER_NISS },
  });
  expect(sameWorker.status).toBe(200);
  await uploadRest(
    employer,
    draft.id,
    documentsToUpload({
      procedure: 'single_permit',
      category: 'single_permit',
      postcode: options.postcode,
      abroad: options.abroad,
      on: '2026-11-23',
    }),
  );
  return {
    id: draft.id,
    reference: draft.reference,
    procedure: 'single_permit',
    lc: emptyLifecycle(),
    documents: await documentsOf(draft.id),
    checked: false,
    passportNumber: draft.sections.residence.passportNumber,
    birthDate: draft.sections.identity.birthDate,
    email: draft.sections.residence.email,
  };
}

async function workPermit(): Promise<Built> {
  const employer = clients.employer;
  const sections = singlePermitSections(
    {
      serial: 801,
      givenNames: 'Test 801',
      familyName: 'Werkkaart',
      nationality: 'MA',
      abroad: false,
      workplacePostcode: '2000',
    },
    {
      visaPost: '',
      municipality: platform.directory.organisations.municipality ?? '',
      employerSerial: 1,
    },
  );
  const created = await employer.post('/api/v1/dossiers', {
    procedure: 'work_permit',
    category: 'work_permit',
    ...sections,
    identity: { ...sections.identity, niss: SAME_WORKER_NISS },
  });
  expect(created.status).toBe(201);
  const required = documentsToUpload({
    procedure: 'work_permit',
    category: 'work_permit',
    postcode: '2000',
    abroad: false,
    on: '2026-11-23',
  });
  for (const type of required)
    expect((await employer.upload(created.body.id, type, DEMO_PDF)).status).toBe(201);
  await uploadRest(employer, created.body.id, required);
  return {
    id: created.body.id,
    reference: created.body.reference,
    procedure: 'work_permit',
    lc: emptyLifecycle(),
    documents: await documentsOf(created.body.id),
    checked: false,
    passportNumber: sections.residence.passportNumber,
    birthDate: sections.identity.birthDate,
    email: sections.residence.email,
  };
}

/** A professional card: the self-employed person files about themselves (applicant and subject). */
async function professionalCard(serial: number, postcode: '2000' | '1000', worker = serial): Promise<Built> {
  const selfemployed = clients.selfemployed;
  // `worker`: the serial of the person, when two cards are about the same one (Art. 26).
  const identity = singlePermitSections(
    {
      serial: worker,
      givenNames: `Test ${worker}`,
      familyName: 'Beroepskaart',
      nationality: 'BR',
      abroad: false,
      workplacePostcode: postcode,
    },
    { visaPost: '', municipality: '', employerSerial: 1 },
  ).identity;
  const passportNumber = `DEMO00${serial}`;
  const created = await selfemployed.post('/api/v1/dossiers', {
    procedure: 'professional_card',
    category: 'professional_card',
    identity,
    residence: {
      passportNumber,
      passportIssuingCountry: 'BR',
      passportExpiry: '2031-01-01',
      email: `card${serial}@example.org`,
      abroad: false,
    },
    selfEmployed: {
      activity: 'Graphic design studio',
      naceCode: '74.10',
      enterpriseNumber: enterpriseNumberFrom(9),
      activityAddress: {
        street: 'Voorbeeldlaan',
        number: '7',
        postcode,
        municipality: postcode === '2000' ? 'Antwerpen' : 'Brussel',
      },
      fiscalStatus: 'Self-employed, main occupation',
      businessCounter: platform.directory.organisations.counter,
    },
  });
  expect(created.status).toBe(201);
  const required = documentsToUpload({
    procedure: 'professional_card',
    category: 'professional_card',
    postcode,
    abroad: false,
    on: '2026-11-23',
  });
  for (const type of required)
    expect((await selfemployed.upload(created.body.id, type, DEMO_PDF)).status).toBe(201);
  await uploadRest(selfemployed, created.body.id, required);
  return {
    id: created.body.id,
    reference: created.body.reference,
    procedure: 'professional_card',
    lc: emptyLifecycle(),
    documents: await documentsOf(created.body.id),
    checked: false,
    passportNumber,
    birthDate: identity.birthDate,
    email: `card${serial}@example.org`,
  };
}

/** Files the dossier, then the competent region runs the checks against the authentic sources. */
async function file(b: Built, applicant: Client, region: Client) {
  const res = await applicant.post(path(b.id, '/submit'));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.state).toBe('filed');
  b.lc = { ...b.lc, state: 'filed', filedAt: new Date(res.body.filedAt) };
  const checks = await region.post(path(b.id, '/checks'));
  expect(checks.status, JSON.stringify(checks.body)).toBe(201);
  b.checked = true;
}

let groundsSerial = 0;

/** Takes a decision through the API and records it in the oracle's history of the dossier. */
async function decide(
  b: Built,
  by: Client,
  relation: 'competent_region' | 'dvz',
  decision: { kind: DecisionKind; outcome: DecisionOutcome; of?: 'work' | 'residence' | 'professional_card' },
  state: DossierState,
) {
  const negative = decision.outcome !== 'granted' && decision.outcome !== 'admissible';
  // Unique grounds, so that where they travel can be seen in the whole answer.
  const grounds = negative ? `Grounds number ${++groundsSerial} of this test` : undefined;
  const res =
    decision.kind === 'admissibility'
      ? await by.post(path(b.id, '/admissibility'), { outcome: decision.outcome, grounds })
      : await by.post(path(b.id, '/decisions'), {
          kind: decision.kind,
          ...(decision.of ? { of: decision.of } : { outcome: decision.outcome }),
          grounds,
        });
  expect(res.status, JSON.stringify(res.body)).toBe(decision.kind === 'admissibility' ? 200 : 201);
  expect(res.body.state).toBe(state);
  const known = new Set(b.lc.decisions.map((d) => d.id));
  const added = res.body.decisions.filter((d: { id: string }) => !known.has(d.id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ kind: decision.kind, outcome: decision.outcome, negative });
  const record: DecisionRecord = {
    id: added[0].id,
    kind: decision.kind,
    of: decision.of,
    outcome: decision.outcome,
    negative,
    relation,
    organisationId: '',
    decidedAt: new Date(added[0].decidedAt),
    legalBasis: '',
    validFrom: undefined,
    validUntil: undefined,
    permitType: undefined,
    decisionType: undefined,
    grounds,
    notifiedAt: undefined,
  };
  b.lc = { ...b.lc, state, decisions: [...b.lc.decisions, record] };
}

/** One step of a dossier's history, taken through the API. */
type Step = (b: Built) => Promise<void>;

const fileWith =
  (applicant: ClientName, region: ClientName): Step =>
  (b) =>
    file(b, clients[applicant], clients[region]);
const admit =
  (region: ClientName = 'flanders'): Step =>
  (b) =>
    decide(
      b,
      clients[region],
      'competent_region',
      { kind: 'admissibility', outcome: 'admissible' },
      'admissible',
    );
const byRegion =
  (decision: Parameters<typeof decide>[3], state: DossierState, region: ClientName = 'flanders'): Step =>
  (b) =>
    decide(b, clients[region], 'competent_region', decision, state);
const byDvz =
  (decision: Parameters<typeof decide>[3], state: DossierState): Step =>
  (b) =>
    decide(b, clients.dvz, 'dvz', decision, state);
const grantWork = byRegion({ kind: 'work', outcome: 'granted' }, 'work_granted');
const grantResidence = byDvz({ kind: 'residence', outcome: 'granted' }, 'residence_granted');
const withdrawWork = byRegion({ kind: 'withdrawal', outcome: 'withdrawn', of: 'work' }, 'work_withdrawn');

async function build(make: () => Promise<Built>, ...steps: Step[]): Promise<Built> {
  const b = await make();
  for (const step of steps) await step(b);
  return b;
}

async function claim(b: Built) {
  const worker = clients.worker;
  const before = platform.messaging.sent.length;
  const started = await worker.post('/api/v1/claims', {
    reference: b.reference,
    passportNumber: b.passportNumber,
    birthDate: b.birthDate,
  });
  expect(started.status).toBe(202);
  // The code goes to the dossier's e-mail address; the reference has six digits of its own.
  const message = platform.messaging.sent.slice(before).find((m) => m.to === b.email);
  const code = (message?.body ?? '').replace(b.reference, '').match(/\b\d{6}\b/)?.[0] ?? '';
  const confirmed = await worker.post(`/api/v1/claims/${started.body.claimId}/confirm`, { code });
  expect(confirmed.status).toBe(200);
}

/** Proposed by one colleague of the same controller, validated by another (rule 6, Art. 16). */
async function designate(person: Client, colleague: Client, third: Client) {
  const me = (await person.get('/api/v1/session')).body.user.id;
  for (const category of ['health', 'criminal'] as const) {
    const proposed = await colleague.post('/api/v1/designations', {
      userId: me,
      category,
      validFrom: '2026-11-01',
      reason: 'Examination team (access policy test)',
    });
    expect(proposed.status).toBe(201);
    const validated = await third.post(`/api/v1/designations/${proposed.body.id}/validate`);
    expect(validated.body).toMatchObject({ status: 'valid' });
  }
}

beforeAll(async () => {
  platform = await startPlatform();
  await addColleague(platform, 'flanders', 'flanders-colleague');
  await addColleague(platform, 'dvz', 'dvz-colleague');
  const names = [
    'employer',
    'mandatary',
    'worker',
    'selfemployed',
    'flanders',
    'flanders-colleague',
    'brussels',
    'dvz',
    'dvz-colleague',
    'post',
    'municipality',
    'counter',
    'inspection',
    'pes',
    'operator',
    'dpo',
  ] as const;
  const logged = await platform.loginAll(names);
  names.forEach((name, i) => {
    const key = name.replace(/-colleague$/, 'Colleague') as ClientName;
    clients[key] = logged[i] as Client;
  });
  const [flandersThird, dvzThird] = await Promise.all([
    platform.login((await addColleague(platform, 'flanders', 'flanders-third'), 'flanders-third')),
    platform.login((await addColleague(platform, 'dvz', 'dvz-third'), 'dvz-third')),
  ]);
  await designate(clients.flanders, clients.flandersColleague, flandersThird);
  await designate(clients.dvz, clients.dvzColleague, dvzThird);

  // Procedure (a), workplace in Flanders: the worker abroad (visa D at the demo post) or in
  // Belgium (residence document from the Antwerp municipality).
  const abroad = () => singlePermit({ abroad: true, postcode: '2000' });
  const inBelgium = () => singlePermit({ abroad: false, postcode: '2000' });
  const filed = fileWith('employer', 'flanders');
  // The chains are independent: built side by side.
  const plans: Record<DossierKey, () => Promise<Built>> = {
    draft: () => build(abroad),
    filed: () => build(abroad, filed),
    admissible: () => build(abroad, filed, admit()),
    inadmissible: () =>
      build(abroad, filed, byRegion({ kind: 'admissibility', outcome: 'inadmissible' }, 'inadmissible')),
    authorised: () => build(abroad, filed, admit(), grantWork, grantResidence),
    // A DVZ refusal after a regional grant: rule 3 both ways.
    residenceRefused: () =>
      build(
        abroad,
        filed,
        admit(),
        grantWork,
        byDvz({ kind: 'residence', outcome: 'refused' }, 'residence_refused'),
      ),
    // The region withdraws the work authorisation of a granted single permit: the employment
    // service's "after a withdrawal".
    withdrawn: () => build(abroad, filed, admit(), grantWork, grantResidence, withdrawWork),
    workGrantedInBelgium: () => build(inBelgium, filed, admit(), grantWork),
    authorisedInBelgium: () => build(inBelgium, filed, admit(), grantWork, grantResidence),
    // Brussels' own dossier about the same worker: its ground for reading the Flemish ones (Art. 26).
    brusselsOwn: () =>
      build(() => singlePermit({ abroad: true, postcode: '1000' }), fileWith('employer', 'brussels')),
    // Procedure (b) in Flanders, granted then withdrawn: not a single permit's withdrawal.
    workPermit: () => build(workPermit, filed, admit(), grantWork, withdrawWork),
    // Procedure (c): a draft, a Flemish card granted then withdrawn, a Brussels card refused.
    cardDraft: () => build(() => professionalCard(901, '2000')),
    card: () =>
      build(
        () => professionalCard(902, '2000'),
        fileWith('selfemployed', 'flanders'),
        admit(),
        byRegion({ kind: 'professional_card', outcome: 'granted' }, 'work_granted'),
        byRegion({ kind: 'withdrawal', outcome: 'withdrawn', of: 'professional_card' }, 'work_withdrawn'),
      ),
    brusselsCard: () =>
      build(
        // About the same person as the Flemish card: Brussels' ground for reading it (Art. 26).
        () => professionalCard(903, '1000', 902),
        fileWith('selfemployed', 'brussels'),
        admit('brussels'),
        byRegion({ kind: 'professional_card', outcome: 'refused' }, 'work_refused', 'brussels'),
      ),
  };
  const keys = Object.keys(plans) as DossierKey[];
  const built = await Promise.all(keys.map((key) => plans[key]()));
  keys.forEach((key, i) => {
    dossiers[key] = built[i] as Built;
  });

  // One claim at a time, each confirmed with the code sent to the dossier's e-mail address.
  for (const key of ['filed', 'inadmissible', 'residenceRefused', 'withdrawn', 'workPermit'] as const)
    await claim(dossiers[key]);
}, 120_000);

afterAll(async () => {
  console.log(
    `access policy over HTTP: ${CELLS.length} cells, ${readings} readings of a dossier, ${downloads} downloads`,
  );
  await platform.close();
});

// ---------------------------------------------------------------------------------------------
// The rows of access.md, each read by one person on the dossiers where the relation holds.
// ---------------------------------------------------------------------------------------------

interface Scene {
  as: ClientName;
  dossier: DossierKey;
  /** Art. 26: the reader's own dossier, sent as X-For-Dossier with an X-Purpose. */
  forDossier?: DossierKey;
}

interface Row {
  name: string;
  relations: Relation[];
  /** Whether the reading person is in the validated designation register (health, criminal). */
  designated: boolean;
  scenes: Scene[];
}

const FLEMISH_SINGLE_PERMITS: readonly DossierKey[] = [
  'draft',
  'filed',
  'admissible',
  'inadmissible',
  'authorised',
  'residenceRefused',
  'withdrawn',
  'workGrantedInBelgium',
  'authorisedInBelgium',
];
const FLEMISH: readonly DossierKey[] = [...FLEMISH_SINGLE_PERMITS, 'workPermit', 'cardDraft', 'card'];
const EMPLOYERS: readonly DossierKey[] = [...FLEMISH_SINGLE_PERMITS, 'brusselsOwn', 'workPermit'];
const CARDS: readonly DossierKey[] = ['cardDraft', 'card', 'brusselsCard'];
const ALL: readonly DossierKey[] = [...EMPLOYERS, ...CARDS];

const scenes = (as: ClientName, keys: readonly DossierKey[], forDossier?: DossierKey): Scene[] =>
  keys.map((dossier) => ({ as, dossier, ...(forDossier && { forDossier }) }));

const ROWS: readonly Row[] = [
  {
    name: 'applicant (employer)',
    relations: ['applicant'],
    designated: false,
    scenes: scenes('employer', EMPLOYERS),
  },
  {
    name: 'applicant (mandatary)',
    relations: ['applicant'],
    designated: false,
    scenes: scenes('mandatary', EMPLOYERS),
  },
  {
    name: 'subject (worker)',
    relations: ['subject'],
    designated: false,
    scenes: scenes('worker', ['filed', 'inadmissible', 'residenceRefused', 'withdrawn', 'workPermit']),
  },
  {
    // A self-employed person files about themselves: both relations at once (0004 §D11).
    name: 'subject (self-employed, c)',
    relations: ['applicant', 'subject'],
    designated: false,
    scenes: scenes('selfemployed', CARDS),
  },
  {
    name: 'competent region (designated)',
    relations: ['competent_region'],
    designated: true,
    scenes: scenes('flanders', FLEMISH),
  },
  {
    name: 'competent region',
    relations: ['competent_region'],
    designated: false,
    scenes: [...scenes('flandersColleague', FLEMISH), ...scenes('brussels', ['brusselsOwn', 'brusselsCard'])],
  },
  {
    name: 'other region (Art. 26)',
    relations: ['other_region'],
    designated: false,
    scenes: [
      ...scenes('brussels', [...FLEMISH_SINGLE_PERMITS, 'workPermit'], 'brusselsOwn'),
      ...scenes('brussels', ['cardDraft', 'card'], 'brusselsCard'),
    ],
  },
  {
    name: 'DVZ (a) before admissible',
    relations: ['dvz'],
    designated: true,
    scenes: scenes('dvz', ['draft', 'filed', 'inadmissible', 'brusselsOwn']),
  },
  {
    name: 'DVZ (a) after admissible (designated)',
    relations: ['dvz'],
    designated: true,
    scenes: scenes('dvz', [
      'admissible',
      'authorised',
      'residenceRefused',
      'withdrawn',
      'workGrantedInBelgium',
      'authorisedInBelgium',
    ]),
  },
  {
    name: 'DVZ (a) after admissible',
    relations: ['dvz'],
    designated: false,
    scenes: scenes('dvzColleague', [
      'admissible',
      'authorised',
      'residenceRefused',
      'withdrawn',
      'workGrantedInBelgium',
      'authorisedInBelgium',
    ]),
  },
  {
    // Designated, to show that the designation opens nothing in (b) and (c).
    name: 'DVZ (b)(c)',
    relations: ['dvz'],
    designated: true,
    scenes: scenes('dvz', ['workPermit', ...CARDS]),
  },
  {
    // The demo post is named in every dossier of a worker abroad.
    name: 'post',
    relations: ['post'],
    designated: false,
    scenes: scenes('post', [
      'draft',
      'filed',
      'admissible',
      'inadmissible',
      'authorised',
      'residenceRefused',
      'withdrawn',
      'brusselsOwn',
    ]),
  },
  {
    // The Antwerp municipality is named in the dossiers of a worker in Belgium, (a) and (b).
    name: 'municipality',
    relations: ['municipality'],
    designated: false,
    scenes: scenes('municipality', ['workGrantedInBelgium', 'authorisedInBelgium', 'workPermit']),
  },
  {
    name: 'business counter',
    relations: ['business_counter'],
    designated: false,
    scenes: scenes('counter', [...CARDS, 'authorised']),
  },
  { name: 'inspection', relations: ['inspection'], designated: false, scenes: scenes('inspection', ALL) },
  {
    // VDAB, the Flemish employment service.
    name: 'employment service',
    relations: ['employment_service'],
    designated: false,
    scenes: scenes('pes', [
      'draft',
      'filed',
      'authorised',
      'residenceRefused',
      'withdrawn',
      'workPermit',
      'card',
    ]),
  },
  { name: 'operator', relations: ['operator'], designated: false, scenes: scenes('operator', ALL) },
  {
    // The Flemish DPO; a Brussels dossier is not its controller's (gate.test.ts).
    name: 'DPO',
    relations: ['dpo'],
    designated: false,
    scenes: scenes('dpo', FLEMISH),
  },
];

// ---------------------------------------------------------------------------------------------
// Reading through HTTP (each answer fetched once: reads change nothing but the access log).
// ---------------------------------------------------------------------------------------------

const headersOf = (scene: Scene): Record<string, string> =>
  scene.forDossier
    ? {
        'x-for-dossier': dossiers[scene.forDossier].id,
        'x-purpose': 'Earlier application of the same worker (access policy test)',
        'x-purpose-code': 'earlier_application',
      }
    : scene.as === 'inspection'
      ? { 'x-purpose': 'Control visit (access policy test)' }
      : {};

const cache = new Map<string, Promise<{ status: number; body: any }>>();
function fetchOnce(scene: Scene, route: string) {
  const key = `${scene.as} ${route} ${scene.forDossier ?? ''}`;
  let reply = cache.get(key);
  if (!reply) {
    reply = clients[scene.as].request('GET', route, undefined, headersOf(scene));
    cache.set(key, reply);
  }
  return reply;
}

const SECTION: Partial<Record<DataCategory, string>> = {
  identity: 'identity',
  residence: 'residence',
  employment: 'employment',
  self_employed: 'selfEmployed',
  admin: 'fee',
};

/** What the cells met, so that a change to the dossiers cannot leave a kind of answer unchecked. */
const observed = new Set<string>();
let readings = 0;
let downloads = 0;

async function expectCell(row: Row, category: DataCategory, scene: Scene) {
  const dossier = dossiers[scene.dossier];
  const c: Case = {
    relations: row.relations,
    procedure: dossier.procedure,
    lc: dossier.lc,
    designated: { health: row.designated, criminal: row.designated },
    reading: 'narrow',
  };
  const levelOf = (cat: DataCategory): Level =>
    maxBy(
      LEVEL_RANK,
      row.relations.map((r) => specLevel(r, cat, c)),
    );
  const level = levelOf(category);
  const at = `${scene.as} on ${scene.dossier} (${dossier.lc.state})`;
  const reply = await fetchOnce(scene, path(dossier.id));
  const documents = dossier.documents.filter((d) => DOCUMENT_CATEGORY[d.type] === category);
  for (const doc of documents) {
    const expected = maxBy(
      DOC_RANK,
      row.relations.map((r) => specDocument(r, doc.type, c)),
    );
    const download = await fetchOnce(scene, path(dossier.id, `/documents/${doc.id}`));
    expect(download.status, `${at}: download ${doc.type}`).toBe(expected === 'download' ? 200 : 404);
    if (reply.status === 200) {
      const listed = reply.body.documents.find((d: { id: string }) => d.id === doc.id);
      if (expected === 'hidden') expect(listed, `${at}: ${doc.type} not listed`).toBeUndefined();
      else
        expect(listed, `${at}: ${doc.type} listed`).toMatchObject({ downloadable: expected === 'download' });
    }
    observed.add(`document ${expected}`);
    downloads++;
  }
  readings++;

  if (DATA_CATEGORIES.every((cat) => levelOf(cat) === '-')) {
    if (row.relations.includes('dpo')) {
      // The DPO of the controller opens the dossier to supervise (access log), with no content.
      expect(reply.status, at).toBe(200);
      expect(reply.body.sections, at).toEqual({});
      expect(reply.body.documents, at).toEqual([]);
      expect(reply.body.decisions, at).toEqual([]);
      expect(reply.body.sources, at).toBeNull();
      expect(reply.body.withheld, at).toContain(category);
      observed.add('dossier without content (DPO)');
    } else {
      expect(reply.status, `${at}: the dossier does not exist for this reader`).toBe(404);
      observed.add('dossier invisible');
    }
    return;
  }
  expect(reply.status, at).toBe(200);
  const view = reply.body;
  expect(view.withheld.includes(category), `${at}: ${category} withheld unless R`).toBe(level !== 'R');
  observed.add(`level ${level}`);

  // The admin section is the fee payment (reference, date). The cells that name decisions only
  // (post, municipality, counter, employment service) read those decisions and nothing else of
  // the file: no fee payment, amount, requests or clock (0004 §D6).
  const decisionsOnly = row.relations.every((r) => DECISIONS_ONLY.includes(r));
  const section = SECTION[category];
  if (section) {
    const shownSection = level === 'R' && !(category === 'admin' && decisionsOnly);
    expect(section in view.sections, `${at}: section ${section}`).toBe(shownSection);
  }
  if (category === 'source') {
    if (level === 'R') {
      expect(Array.isArray(view.sources), `${at}: sources`).toBe(true);
      if (dossier.checked) expect(view.sources.length, `${at}: sources`).toBeGreaterThan(0);
    } else {
      expect(view.sources, `${at}: sources`).toBeNull();
    }
  }

  const shown = oracleDecisions(c);
  if (category === 'admin') {
    // Decisions travel with the admin column: whole, as the bare fact (F) or not at all.
    for (const d of dossier.lc.decisions) {
      const v = view.decisions.find((x: { id: string }) => x.id === d.id);
      const how = shown.get(d.id)?.how;
      const what = `${at}: ${d.kind} ${d.outcome}`;
      observed.add(`decision ${how ?? 'missing'}`);
      if (how === 'hidden') expect(v, what).toBeUndefined();
      else if (how === 'fact')
        expect(v, what).toStrictEqual({
          id: d.id,
          fact: 'negative_decision',
          decidedAt: expect.any(String),
          letters: expect.any(Array),
        });
      else expect(v, what).toMatchObject({ kind: d.kind, outcome: d.outcome, authority: d.relation });
    }
    const expectedIds = dossier.lc.decisions
      .filter((d) => shown.get(d.id)?.how !== 'hidden')
      .map((d) => d.id);
    expect(view.decisions.map((d: { id: string }) => d.id).sort(), `${at}: decisions`).toEqual(
      expectedIds.sort(),
    );
  }
  if (category === 'grounds') {
    // Art. 24: grounds only where the oracle's grounds column covers the decision, nowhere else.
    const text = JSON.stringify(view);
    for (const d of dossier.lc.decisions) {
      if (d.grounds === undefined) continue;
      const expected = shown.get(d.id)?.grounds === true;
      observed.add(expected ? 'grounds shown' : 'grounds withheld');
      const v = view.decisions.find((x: { id: string }) => x.id === d.id);
      expect(v?.grounds, `${at}: grounds of ${d.kind} ${d.outcome}`).toBe(expected ? d.grounds : undefined);
      expect(text.includes(d.grounds), `${at}: grounds of ${d.kind} ${d.outcome} anywhere`).toBe(expected);
    }
  }
}

const CELLS = ROWS.flatMap((row) =>
  DATA_CATEGORIES.map((category) => ({ name: `${row.name} × ${category}`, row, category })),
);

describe('every cell of the access table holds through HTTP (expected levels from the oracle)', () => {
  it('the dossiers reached the states the rows need', () => {
    expect(Object.fromEntries(Object.entries(dossiers).map(([k, b]) => [k, b.lc.state]))).toEqual({
      draft: 'draft',
      filed: 'filed',
      admissible: 'admissible',
      inadmissible: 'inadmissible',
      authorised: 'residence_granted',
      residenceRefused: 'residence_refused',
      withdrawn: 'work_withdrawn',
      workGrantedInBelgium: 'work_granted',
      authorisedInBelgium: 'residence_granted',
      brusselsOwn: 'filed',
      workPermit: 'work_withdrawn',
      cardDraft: 'draft',
      card: 'work_withdrawn',
      brusselsCard: 'work_refused',
    });
  });

  it.each(CELLS)('$name', async ({ row, category }) => {
    // Ask everything at once, then check scene by scene (the answers are cached).
    await Promise.all(
      row.scenes.flatMap((scene) => {
        const { id, documents } = dossiers[scene.dossier];
        return [
          fetchOnce(scene, path(id)),
          ...documents
            .filter((d) => DOCUMENT_CATEGORY[d.type] === category)
            .map((d) => fetchOnce(scene, path(id, `/documents/${d.id}`))),
        ];
      }),
    );
    for (const scene of row.scenes) await expectCell(row, category, scene);
  });

  it('met every kind of answer, for every relation of access.md', () => {
    expect([...observed].sort()).toEqual([
      'decision fact',
      'decision full',
      'decision hidden',
      'document download',
      'document hidden',
      'document listed',
      'dossier invisible',
      'dossier without content (DPO)',
      'grounds shown',
      'grounds withheld',
      'level -',
      'level M',
      'level R',
    ]);
    expect(new Set(ROWS.flatMap((r) => r.relations))).toEqual(new Set(RELATIONS));
  });
});
