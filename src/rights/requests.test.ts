import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PDF, documentsToUpload, singlePermitSections } from '../demo/fixtures.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { admissibleSinglePermit, grantedSinglePermit } from '../../test/exchange.js';
import { claimDossier } from '../../test/scenarios.js';
import { addColleague } from '../../test/users.js';
import { remindDueRightsRequests } from './requests.js';

/** Rights requests of the persons concerned (Art. 29, GDPR 15-21), through the HTTP API. */
let platform: TestPlatform;
let employer: Client, flanders: Client, dvz: Client, worker: Client, dpo: Client, dvzDpo: Client;

beforeAll(async () => {
  platform = await startPlatform();
  await addColleague(platform, 'dvz', 'dvz-dpo', ['dpo']);
  [employer, flanders, dvz, worker, dpo, dvzDpo] = await platform.loginAll([
    'employer',
    'flanders',
    'dvz',
    'worker',
    'dpo',
    'dvz-dpo',
  ] as const);
});
afterAll(() => platform.close());

const path = (id: string, rest = '') => `/api/v1/dossiers/${id}${rest}`;
const RR = '/api/v1/rights-requests';

interface Part {
  id: string;
  dossierId: string;
  part: 'work' | 'residence';
  controller: { id: string; name: string };
  dueOn: string;
  dueSoon: boolean;
  overdue: boolean;
  extended: { reasons: string } | null;
  answer: {
    outcome: string;
    reasons: string | null;
    legalBasis: string | null;
    actionId: string | null;
  } | null;
}
interface View {
  id: string;
  kind: string;
  acknowledgedAt: string;
  receivedAt: string;
  dueAt: string;
  controllers: { id: string }[];
  parts: Part[];
  messages: { subject: string; body: string; language: string }[];
}

/** A single permit made admissible and claimed by the demo worker. */
async function claimedSinglePermit() {
  const draft = await admissibleSinglePermit(platform, { employer, flanders, dvz });
  await claimDossier(platform, worker, draft);
  return draft;
}

async function claimedWorkPermit() {
  const sections = singlePermitSections(
    {
      serial: 900 + Math.floor(Math.random() * 90),
      givenNames: 'Test',
      familyName: 'Werkkaart',
      nationality: 'MA',
      abroad: false,
      workplacePostcode: '2000',
    },
    { visaPost: '', municipality: platform.directory.organisations.municipality ?? '', employerSerial: 1 },
  );
  const created = await employer.post('/api/v1/dossiers', {
    procedure: 'work_permit',
    category: 'work_permit',
    ...sections,
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const type of documentsToUpload({
    procedure: 'work_permit',
    category: 'work_permit',
    postcode: '2000',
    abroad: false,
    on: '2026-11-23',
  })) {
    expect((await employer.upload(id, type, DEMO_PDF)).status).toBe(201);
  }
  expect((await employer.post(path(id, '/submit'))).status).toBe(200);
  const draft = { id, reference: created.body.reference as string, sections };
  await claimDossier(platform, worker, draft);
  return draft;
}

describe('filing and routing (Art. 29 §2-4)', () => {
  it('routes a single permit to the region and DVZ, acknowledges at once with a date, due a month later', async () => {
    const draft = await claimedSinglePermit();
    const filed = await worker.post<View>(RR, {
      kind: 'access',
      dossierIds: [draft.id],
      details: 'Everything please',
    });
    expect(filed.status).toBe(201);
    const v = filed.body;
    expect(v.parts.map((p) => p.part).sort()).toEqual(['residence', 'work']);
    const flandersOrg = platform.directory.organisations.flanders;
    const dvzOrg = platform.directory.organisations.dvz;
    expect(v.controllers.map((c) => c.id).sort()).toEqual([flandersOrg, dvzOrg].sort());
    expect(v.acknowledgedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(v.dueAt).toBe('2026-12-23');
    expect(v.parts.every((p) => p.dueOn === '2026-12-23')).toBe(true);
    const [ack] = v.messages;
    expect(ack?.subject).toContain('Acknowledgement');
    expect(ack?.body).toContain('2026-11-23');
    expect(ack?.body).toContain('2026-12-23');

    // The worker lists it; the person's language is the request's.
    const mine = await worker.get<{ items: View[] }>(`${RR}?status=all`);
    expect(mine.body.items.map((i) => i.id)).toContain(v.id);
  });

  it('routes only the residence part to DVZ when the request says so', async () => {
    const draft = await claimedSinglePermit();
    const filed = await worker.post<View>(RR, {
      kind: 'objection',
      dossierIds: [draft.id],
      concerns: 'residence',
    });
    expect(filed.status).toBe(201);
    expect(filed.body.parts.map((p) => p.part)).toEqual(['residence']);
  });

  it('routes a work permit to the competent region only', async () => {
    const draft = await claimedWorkPermit();
    const filed = await worker.post<View>(RR, { kind: 'erasure', dossierIds: [draft.id], concerns: 'both' });
    expect(filed.status).toBe(201);
    expect(filed.body.parts.map((p) => [p.part, p.controller.id])).toEqual([
      ['work', platform.directory.organisations.flanders],
    ]);
  });

  it('refuses a dossier the worker did not claim as not found, and a worker files in their language', async () => {
    const other = await admissibleSinglePermit(platform, { employer, flanders, dvz });
    expect((await worker.post(RR, { kind: 'access', dossierIds: [other.id] })).status).toBe(404);
    const fr = await platform.login('worker', 'fr');
    const draft = await claimedSinglePermit();
    const filed = await fr.post<View>(RR, { kind: 'access', dossierIds: [draft.id] });
    expect(filed.body.messages[0]?.subject).toContain('Accusé de réception');
  });

  it('lets a DPO register a request received by post for a dossier of its controller, due from its receipt', async () => {
    const draft = await claimedSinglePermit();
    const registered = await dpo.post<View>(RR, {
      kind: 'access',
      dossierIds: [draft.id],
      concerns: 'work',
      channel: 'post',
      receivedOn: '2026-11-20',
      details: 'Letter received by post',
    });
    expect(registered.status).toBe(201);
    expect(registered.body.dueAt).toBe('2026-12-20');
    expect(registered.body.parts.map((p) => p.part)).toEqual(['work']);
    // The worker who claimed the dossier sees it with its acknowledgement.
    const mine = await worker.get<{ items: View[] }>(`${RR}?status=all`);
    expect(mine.body.items.find((i) => i.id === registered.body.id)?.messages).toHaveLength(1);
    // Nobody else's DPO registers for it: a worker may not register, an employer neither.
    expect((await employer.post(RR, { kind: 'access', dossierIds: [draft.id] })).status).toBe(403);
  });
});

describe('the DPO’s work list', () => {
  it('lists open requests with due dates, flags due soon and overdue, and the job reminds once', async () => {
    const draft = await claimedSinglePermit();
    const filed = await worker.post<View>(RR, { kind: 'access', dossierIds: [draft.id] });
    const list = await dpo.get<{ items: View[] }>(RR);
    expect(list.status).toBe(200);
    const item = list.body.items.find((i) => i.id === filed.body.id);
    expect(item?.parts.find((p) => p.part === 'work')).toMatchObject({
      dueOn: '2026-12-23',
      dueSoon: false,
      overdue: false,
    });

    platform.clock.advanceDays(25);
    await dpo.signInAgain();
    const soon = await dpo.get<{ items: View[] }>(RR);
    expect(soon.body.items.find((i) => i.id === filed.body.id)?.parts[0]).toMatchObject({ dueSoon: true });
    const first = await remindDueRightsRequests(platform.deps, platform.clock.now());
    expect(first.reminded).toBeGreaterThan(0);
    expect((await remindDueRightsRequests(platform.deps, platform.clock.now())).reminded).toBe(0);
    const reminded = await platform.deps.db
      .selectFrom('audit_trail')
      .select('details')
      .where('kind', '=', 'rights_request_reminded')
      .execute();
    expect(reminded.some((r) => JSON.stringify(r.details).includes(filed.body.id))).toBe(true);

    platform.clock.advanceDays(10);
    await dpo.signInAgain();
    const late = await dpo.get<{ items: View[] }>(RR);
    expect(late.body.items.find((i) => i.id === filed.body.id)?.parts[0]).toMatchObject({ overdue: true });
    platform.clock.set(new Date('2026-11-23T09:00:00Z'));
    await Promise.all([dpo, worker, flanders, dvz, employer, dvzDpo].map((c) => c.signInAgain()));
  });

  it('extends once by two months with reasons, told to the person', async () => {
    const draft = await claimedSinglePermit();
    const filed = await worker.post<View>(RR, { kind: 'portability', dossierIds: [draft.id] });
    const extended = await dpo.post<View>(`${RR}/${filed.body.id}/extension`, {
      reasons: 'Many dossiers to search',
    });
    expect(extended.status).toBe(200);
    const work = extended.body.parts.find((p) => p.part === 'work');
    expect(work).toMatchObject({ dueOn: '2027-02-23', extended: { reasons: 'Many dossiers to search' } });
    // DVZ's part keeps its own date until DVZ extends it.
    expect(extended.body.parts.find((p) => p.part === 'residence')?.dueOn).toBe('2026-12-23');
    expect(extended.body.messages.at(-1)?.body).toContain('2027-02-23');
    expect((await dpo.post(`${RR}/${filed.body.id}/extension`, { reasons: 'again' })).body).toMatchObject({
      code: 'rights_request_already_extended',
    });
    // A case officer is not the DPO.
    expect((await flanders.post(`${RR}/${filed.body.id}/extension`, { reasons: 'x' })).status).toBe(403);
  });
});

describe('answers that do something', () => {
  it('exports everything through the gate, logged with the purpose of a data subject request', async () => {
    const draft = await claimedSinglePermit();
    const exported = await worker.get<{
      dossiers: { dossier: { id: string; sections: { identity?: unknown } } }[];
    }>('/api/v1/me/export');
    expect(exported.status).toBe(200);
    const mine = exported.body.dossiers.find((d) => d.dossier.id === draft.id);
    expect(mine?.dossier.sections.identity).toBeDefined();
    const log = await worker.get<{ items: { purpose: string; organisation: { kind: string } }[] }>(
      path(draft.id, '/access-log'),
    );
    expect(log.body.items.some((i) => i.purpose === 'Data subject request (GDPR 15/20)')).toBe(true);
    const pdf = await worker.request<string>('GET', '/api/v1/me/export', undefined, {
      accept: 'application/pdf',
    });
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    // Only the person exports themselves.
    expect((await employer.get('/api/v1/me/export')).status).toBe(403);
  });

  it('applies an accepted rectification as an action in the dossier’s log and tells the recipients', async () => {
    const draft = await grantedSinglePermit(platform, { employer, flanders, dvz });
    await claimDossier(platform, worker, draft);
    const filed = await worker.post<View>(RR, {
      kind: 'rectification',
      dossierIds: [draft.id],
      concerns: 'work',
      details: 'My family name is misspelt',
      correction: { section: 'identity', changes: { familyName: 'Voorbeeld-Exemplaar' } },
    });
    expect(filed.status).toBe(201);
    // A refusal needs reasons.
    expect((await flanders.post(`${RR}/${filed.body.id}/answer`, { outcome: 'refused' })).status).toBe(422);
    const accepted = await flanders.post<View>(`${RR}/${filed.body.id}/answer`, { outcome: 'granted' });
    expect(accepted.status).toBe(200);
    const part = accepted.body.parts[0];
    expect(part?.answer).toMatchObject({ outcome: 'granted' });
    const events = await flanders.get<{ items: { id: string; action: string; legalBasis: string }[] }>(
      path(draft.id, '/events'),
    );
    const rectify = events.body.items.find((e) => e.action === 'rectify');
    expect(rectify).toMatchObject({ id: part?.answer?.actionId, legalBasis: 'GDPR 16; Art. 29' });
    const dossier = await flanders.get(path(draft.id));
    expect(dossier.body.sections.identity.familyName).toBe('Voorbeeld-Exemplaar');
    // GDPR 19: the post that received the decision is told of the rectification.
    const post = await platform.login('post');
    const deliveries = await post.get<{ items: { event: string; dossierId: string }[] }>(
      '/api/v1/deliveries',
    );
    expect(deliveries.body.items.some((d) => d.event === 'rectified' && d.dossierId === draft.id)).toBe(true);
    // The person is told.
    const mine = await worker.get<{ items: View[] }>(`${RR}?status=all`);
    expect(mine.body.items.find((i) => i.id === filed.body.id)?.messages.at(-1)?.subject).toContain(
      'granted',
    );
    // Answered once.
    expect((await flanders.post(`${RR}/${filed.body.id}/answer`, { outcome: 'granted' })).body).toMatchObject(
      {
        code: 'rights_request_not_open',
      },
    );
  });

  it('restricts the dossier: an examination action is refused until the restriction is lifted', async () => {
    const draft = await claimedSinglePermit();
    const filed = await worker.post<View>(RR, {
      kind: 'restriction',
      dossierIds: [draft.id],
      concerns: 'work',
    });
    const granted = await dpo.post<View>(`${RR}/${filed.body.id}/answer`, {
      outcome: 'granted',
      reasons: 'Processing is restricted while the accuracy is checked',
    });
    expect(granted.status).toBe(200);
    const refused = await flanders.post(path(draft.id, '/decisions'), {
      kind: 'work',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'dossier_restricted' });
    const lifted = await dpo.post(`${RR}/${filed.body.id}/lift`);
    expect(lifted.status).toBe(200);
    const decided = await flanders.post(path(draft.id, '/decisions'), {
      kind: 'work',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    expect(decided.status).toBe(201);
  });

  it('refuses erasure with its legal basis, recorded in the audit trail', async () => {
    const draft = await claimedSinglePermit();
    const filed = await worker.post<View>(RR, { kind: 'erasure', dossierIds: [draft.id] });
    // Erasure of data the law requires cannot be granted.
    expect((await dpo.post(`${RR}/${filed.body.id}/answer`, { outcome: 'granted' })).status).toBe(422);
    // A case officer does not answer erasure: the DPO does.
    expect(
      (await flanders.post(`${RR}/${filed.body.id}/answer`, { outcome: 'refused', reasons: 'x' })).status,
    ).toBe(403);
    const refused = await dpo.post<View>(`${RR}/${filed.body.id}/answer`, { outcome: 'refused' });
    expect(refused.status).toBe(200);
    const work = refused.body.parts.find((p) => p.part === 'work');
    expect(work?.answer?.legalBasis).toContain('GDPR 17(3)(b)');
    expect(refused.body.messages.at(-1)?.body).toContain('GDPR 17(3)(b)');
    // DVZ's part stays open for DVZ's DPO, who answers for the residence.
    expect(refused.body.parts.find((p) => p.part === 'residence')?.answer).toBeNull();
    const dvzAnswer = await dvzDpo.post<View>(`${RR}/${filed.body.id}/answer`, { outcome: 'refused' });
    expect(dvzAnswer.status).toBe(200);
    const audit = await platform.deps.db
      .selectFrom('audit_trail')
      .select(['details', 'dossier_id'])
      .where('kind', '=', 'rights_request_answered')
      .where('dossier_id', '=', draft.id)
      .execute();
    expect(audit).toHaveLength(2);
  });
});
