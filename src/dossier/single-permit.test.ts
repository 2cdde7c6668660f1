import { forgetExpiredReplays } from '../db/idempotency.js';
import { paymentReferenceFor } from '../rules/fees.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../platform/clock.js';
import { DEMO_PDF } from '../demo/fixtures.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { answerWithDocument, completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';

let platform: TestPlatform;
let employer: Client,
  flanders: Client,
  wallonia: Client,
  dvz: Client,
  post: Client,
  mandatary: Client,
  inspection: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, wallonia, dvz, post, mandatary, inspection] = await platform.loginAll([
    'employer',
    'flanders',
    'wallonia',
    'dvz',
    'post',
    'mandatary',
    'inspection',
  ] as const);
});
afterAll(() => platform.close());

const path = (id: string, rest = '') => `/api/v1/dossiers/${id}${rest}`;

/** Moves the legal calendar on; sessions idle out meanwhile, so everyone signs in again. */
async function advanceDays(days: number) {
  platform.clock.advanceDays(days);
  await Promise.all(
    [employer, flanders, wallonia, dvz, post, mandatary, inspection].map((c) => c.signInAgain()),
  );
}

describe('single permit (R-PROC-5): employer → region → DVZ → post', () => {
  it('goes from draft to issued visa with the right party at each step', async () => {
    const { id, reference } = await completeSinglePermitDraft(platform, employer);
    const draft = await employer.get(path(id));
    expect(draft.body.state).toBe('draft');
    // The platform issues the structured reference to pay with: the dossier's own number.
    expect(draft.body.fee).toMatchObject({
      amountCents: 35_800,
      paymentReference: paymentReferenceFor(reference),
    });
    // Drafts are the applicant's alone (access.md rule 2).
    expect((await flanders.get(path(id))).status).toBe(404);

    const filed = await employer.post(path(id, '/submit'));
    expect(filed.status).toBe(200);
    expect(filed.body.state).toBe('filed');
    expect(filed.body.region).toBe('flanders');
    expect(filed.body.clock).toMatchObject({
      status: 'running',
      startedOn: '2026-11-23',
      decisionDays: 90,
      daysLeft: 90,
    });

    // The examiner's checklist: each document the rule tables asked of this filing, all present here.
    const examined = await flanders.get(path(id));
    expect(examined.body.checklist.map((c: { documentType: string }) => c.documentType)).toEqual(
      expect.arrayContaining(['passport', 'contract', 'fee_proof']),
    );
    expect(examined.body.checklist.every((c: { present: boolean }) => c.present)).toBe(true);
    // Not the health certificate: the region's undesignated staff do not see health documents.
    expect(examined.body.checklist.map((c: { documentType: string }) => c.documentType)).not.toContain(
      'medical_certificate',
    );
    expect(filed.body.checklist).toBeNull();

    // DVZ sees the dossier only once it is admissible (Art. 12 §1 second para.).
    expect((await dvz.get(path(id))).status).toBe(404);
    const admissible = await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    expect(admissible.body.state).toBe('admissible');
    expect((await dvz.get(path(id))).status).toBe(200);

    // Chronological: DVZ cannot decide residence before the region decided on work.
    const early = await dvz.post(path(id, '/decisions'), { kind: 'residence', outcome: 'granted' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('action_not_allowed_in_state');

    const work = await flanders.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    expect(work.status).toBe(201);
    expect(work.body.state).toBe('work_granted');
    expect((await post.get(path(id))).status).toBe(404);

    const residence = await dvz.post(path(id, '/decisions'), {
      kind: 'residence',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    expect(residence.body.state).toBe('residence_granted');
    expect(residence.body.clock.status).toBe('stopped');
    expect(residence.body.decisions.map((d: { kind: string }) => d.kind)).toEqual([
      'admissibility',
      'work',
      'residence',
    ]);

    const seenByPost = await post.get(path(id));
    expect(seenByPost.status).toBe(200);
    expect(seenByPost.body.sections.identity.familyName).toBe('Voorbeeld-Exemple');
    expect(seenByPost.body.sections.employment).toBeUndefined();
    expect(seenByPost.body.withheld).toContain('employment');
    // The post's admin cell names positive decisions only: not the fee, requests or deadline.
    expect(seenByPost.body).toMatchObject({ fee: null, clock: null, requests: [] });
    expect(seenByPost.body.decisions.every((d: { negative: boolean }) => !d.negative)).toBe(true);

    const issued = await post.post(path(id, '/issued'), {
      issuedOn: '2026-12-01',
      documentNumber: 'VISA-TEST-1',
    });
    expect(issued.body.state).toBe('issued');

    const events = await employer.get(path(id, '/events'));
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'create',
        'submit',
        'declare_admissible',
        'decide_work',
        'decide_residence',
        'record_issued',
      ]),
    );
    expect(events.body.items.find((e: { action: string }) => e.action === 'decide_work').legalBasis).toMatch(
      /Art\. 18/,
    );
  });

  it('refuses a filing with every missing field and document listed, and changes nothing', async () => {
    const created = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'eu_blue_card',
    });
    const res = await employer.post(path(created.body.id, '/submit'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('dossier_incomplete');
    expect(res.body.missing).toEqual(
      expect.arrayContaining([
        { kind: 'field', section: 'identity', name: 'familyName' },
        { kind: 'field', section: 'employment', name: 'qualification' },
        { kind: 'document', name: 'passport' },
        { kind: 'document', name: 'diploma' },
      ]),
    );
    expect((await employer.get(path(created.body.id))).body.state).toBe('draft');
  });

  it('the region can declare a filing inadmissible; the employer sees only that a negative decision was taken', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const res = await flanders.post(path(id, '/admissibility'), {
      outcome: 'inadmissible',
      grounds: 'Contract not signed',
    });
    expect(res.body.state).toBe('inadmissible');
    expect(res.body.decisions[0].grounds).toBe('Contract not signed');
    const seen = await employer.get(path(id));
    expect(seen.body.decisions).toEqual([
      {
        id: expect.any(String),
        fact: 'negative_decision',
        decidedAt: expect.any(String),
        // The notice of the fact: authentic in Dutch (Flanders), a courtesy copy in English (the dossier's).
        letters: [
          { language: 'nl', courtesy: false },
          { language: 'en', courtesy: true },
        ],
      },
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('Contract not signed');
    expect(JSON.stringify((await employer.get(path(id, '/events'))).body)).not.toContain(
      'Contract not signed',
    );
  });

  it('a work refusal ends the procedure before DVZ, whose grounds stay with the region (Art. 24)', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    const refused = await flanders.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'refused',
      grounds: 'Labour market test failed',
    });
    expect(refused.body.state).toBe('work_refused');
    expect(refused.body.clock.status).toBe('stopped');
    const byDvz = await dvz.get(path(id));
    expect(byDvz.body.decisions.at(-1)).toMatchObject({ fact: 'negative_decision' });
    expect(JSON.stringify(byDvz.body)).not.toContain('Labour market test failed');
    expect((await dvz.post(path(id, '/decisions'), { kind: 'residence', outcome: 'granted' })).status).toBe(
      409,
    );
  });

  it('a residence refusal by DVZ keeps its grounds from the region', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    await flanders.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' });
    const refused = await dvz.post(path(id, '/decisions'), {
      kind: 'residence',
      outcome: 'refused',
      grounds: 'Public order risk',
    });
    expect(refused.body.state).toBe('residence_refused');
    expect(refused.body.decisions.at(-1).grounds).toBe('Public order risk');
    // The competent region reads the decision (admin: R) but never DVZ's grounds (access.md rule 3).
    const byRegion = await flanders.get(path(id));
    expect(byRegion.body.decisions.at(-1)).toMatchObject({ kind: 'residence', outcome: 'refused' });
    expect(byRegion.body.decisions.at(-1).grounds).toBeUndefined();
    expect(JSON.stringify(byRegion.body)).not.toContain('Public order risk');
  });

  it('a refusal needs grounds', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const res = await flanders.post(path(id, '/admissibility'), { outcome: 'inadmissible' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'grounds', code: 'required', message: expect.any(String) }]);
  });
});

describe('requests for documents and the deadline clock (R-PROC-7, R-FILE-5)', () => {
  it('suspends the clock while a request is open and resumes it on the answer', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const asked = await flanders.post(path(id, '/requests'), {
      dueDate: '2026-12-10',
      items: [{ documentType: 'diploma', description: 'Copy of the diploma' }],
    });
    expect(asked.status).toBe(201);
    expect(asked.body.state).toBe('incomplete');
    expect(asked.body.clock.status).toBe('suspended');
    const requestId = asked.body.requests[0].id as string;

    await advanceDays(10);
    const during = await employer.get(path(id));
    expect(during.body.clock.suspendedDays).toBe(10);
    expect(during.body.clock.dueDate).toBe('2027-03-03'); // 2026-11-23 + 90 + 10

    const upload = await employer.upload(id, 'diploma', DEMO_PDF);
    expect(upload.status).toBe(201);
    const docId = upload.body.documents.find((d: { type: string }) => d.type === 'diploma').id as string;
    const answered = await employer.post(path(id, `/requests/${requestId}/answer`), { documentIds: [docId] });
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('filed');
    expect(answered.body.clock).toMatchObject({
      status: 'running',
      suspendedDays: 10,
      dueDate: '2027-03-03',
      daysLeft: 90,
    });

    await advanceDays(5);
    expect((await employer.get(path(id))).body.clock.daysLeft).toBe(85);
    // Answering twice is refused: the request is closed.
    expect(
      (await employer.post(path(id, `/requests/${requestId}/answer`), { documentIds: [docId] })).status,
    ).toBe(409);
  });

  it('DVZ may ask for residence documents after the work decision; the dossier returns to work_granted', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    await flanders.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' });
    const asked = await dvz.post(path(id, '/requests'), {
      dueDate: '2027-06-01',
      items: [{ description: 'Proof of accommodation' }],
    });
    expect(asked.body.state).toBe('incomplete');
    const answered = await answerWithDocument(employer, id, asked.body.requests[0].id);
    expect(answered.body.state).toBe('work_granted');
  });

  it('extends the period once, with a reason, and refuses a second extension', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const first = await flanders.post(path(id, '/extension'), {
      reason: 'Complex case: several establishments',
    });
    expect(first.status).toBe(200);
    expect(first.body.clock.extension).toMatchObject({
      days: 30,
      reason: 'Complex case: several establishments',
    });
    expect(first.body.clock.dueDate).toBe(addDays(first.body.clock.startedOn, 120));
    const second = await flanders.post(path(id, '/extension'), { reason: 'Again' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('deadline_already_extended');
  });
});

describe('refusals outside the transition table or by the wrong party', () => {
  it('answers 404 to parties with no relation, 403 to a visible party that is not the actor', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    expect((await wallonia.get(path(id))).status).toBe(404);
    expect((await wallonia.post(path(id, '/admissibility'), { outcome: 'admissible' })).status).toBe(404);
    const byInspection = await inspection.post(path(id, '/admissibility'), { outcome: 'admissible' });
    expect(byInspection.status).toBe(403);
    expect(byInspection.body.code).toBe('action_forbidden');
    const byEmployer = await employer.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' });
    expect(byEmployer.status).toBe(403);
    expect((await employer.patch(path(id), { identity: { familyName: 'Changed' } })).status).toBe(409);
    expect((await employer.post(path(id, '/submit'))).status).toBe(409);
    // DVZ has no access before admissibility, so for DVZ the dossier does not exist yet.
    expect(
      (await dvz.post(path(id, '/requests'), { dueDate: '2027-01-01', items: [{ description: 'x' }] }))
        .status,
    ).toBe(404);
    expect((await flanders.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' })).status).toBe(
      409,
    );
    expect((await employer.get(path('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });

  it('lets the applicant withdraw before a decision, not after', async () => {
    const before = await filedSinglePermit(platform, employer);
    const withdrawn = await employer.post(path(before.id, '/withdrawal'), { reason: 'Candidate declined' });
    expect(withdrawn.body.state).toBe('withdrawn_by_applicant');
    expect(withdrawn.body.clock.status).toBe('stopped');
    expect((await flanders.post(path(before.id, '/admissibility'), { outcome: 'admissible' })).status).toBe(
      409,
    );

    const after = await filedSinglePermit(platform, employer);
    await flanders.post(path(after.id, '/admissibility'), { outcome: 'admissible' });
    await flanders.post(path(after.id, '/decisions'), { kind: 'work', outcome: 'granted' });
    expect((await employer.post(path(after.id, '/withdrawal'), {})).status).toBe(409);
  });

  it('a mandatary with a mandate acts for the employer, and files in the employer name', async () => {
    const { id } = await completeSinglePermitDraft(platform, employer);
    expect((await mandatary.get(path(id))).status).toBe(200);
    expect((await mandatary.post(path(id, '/submit'))).body.state).toBe('filed');

    const employerId = platform.directory.organisations.employer;
    const forEmployer = await mandatary.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'researcher',
      onBehalfOf: employerId,
    });
    expect(forEmployer.status).toBe(201);
    expect(forEmployer.body.applicant.organisationId).toBe(employerId);
    expect((await employer.get(path(forEmployer.body.id))).status).toBe(200);

    const withoutEmployer = await mandatary.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'researcher',
    });
    expect(withoutEmployer.body.errors).toEqual([
      expect.objectContaining({ field: 'onBehalfOf', code: 'required' }),
    ]);
    const noMandate = await mandatary.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'researcher',
      onBehalfOf: platform.directory.organisations.flanders,
    });
    expect(noMandate.body.errors).toEqual([
      expect.objectContaining({ field: 'onBehalfOf', code: 'no_mandate' }),
    ]);
  });

  it('an open request of DVZ after the work decision does not reopen withdrawal by the applicant', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    await flanders.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' });
    await dvz.post(path(id, '/requests'), {
      dueDate: '2027-06-01',
      items: [{ description: 'Proof of accommodation' }],
    });
    expect((await employer.post(path(id, '/withdrawal'), {})).status).toBe(409);
  });

  it('refuses a state change without the CSRF token of the session', async () => {
    const { id } = await completeSinglePermitDraft(platform, employer);
    const res = await employer.request('POST', path(id, '/submit'), {}, { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_token_invalid');
    expect((await employer.get(path(id))).body.state).toBe('draft');
  });
});

describe('after the decision (R-PROC-6)', () => {
  async function grantedPermit() {
    const draft = await filedSinglePermit(platform, employer);
    await flanders.post(path(draft.id, '/admissibility'), { outcome: 'admissible' });
    await flanders.post(path(draft.id, '/decisions'), { kind: 'work', outcome: 'granted' });
    await dvz.post(path(draft.id, '/decisions'), { kind: 'residence', outcome: 'granted' });
    return draft;
  }

  it('the region withdraws the work authorisation', async () => {
    const { id } = await grantedPermit();
    const res = await flanders.post(path(id, '/decisions'), {
      kind: 'withdrawal',
      of: 'work',
      grounds: 'Fraud established',
    });
    expect(res.body.state).toBe('work_withdrawn');
  });

  it('DVZ withdraws or ends the residence; the region may not', async () => {
    const a = await grantedPermit();
    expect(
      (await flanders.post(path(a.id, '/decisions'), { kind: 'end', of: 'residence', grounds: 'x' })).status,
    ).toBe(403);
    expect(
      (
        await dvz.post(path(a.id, '/decisions'), {
          kind: 'end',
          of: 'residence',
          grounds: 'Left the country',
        })
      ).body.state,
    ).toBe('residence_ended');
    const b = await grantedPermit();
    expect(
      (
        await dvz.post(path(b.id, '/decisions'), {
          kind: 'withdrawal',
          of: 'residence',
          grounds: 'Conditions no longer met',
        })
      ).body.state,
    ).toBe('residence_withdrawn');
  });

  it('renewal starts a new draft linked to the permit, carrying the data but not the fee', async () => {
    const { id, reference } = await grantedPermit();
    const res = await employer.post(path(id, '/renewal'));
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('draft');
    expect(res.body.follows).toEqual({ kind: 'renewal', reference });
    expect(res.body.sections.identity.familyName).toBe('Voorbeeld-Exemple');
    expect(res.body.sections.fee).toEqual({});
  });

  it('change of employer: a new dossier names the permit it follows', async () => {
    const { reference } = await grantedPermit();
    const res = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
      follows: { kind: 'change_of_employer', reference },
    });
    expect(res.status).toBe(201);
    expect(res.body.follows).toEqual({ kind: 'change_of_employer', reference });
    const unknown = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
      follows: { kind: 'change_of_employer', reference: 'SW-2026-999999' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('previous_permit_not_found');
  });
});

describe('idempotency keys', () => {
  it('a repeated request with the same key has no second effect', async () => {
    const body = { procedure: 'single_permit', category: 'single_permit' };
    const key = { 'idempotency-key': 'create-once-123456' };
    const first = await employer.post('/api/v1/dossiers', body, key);
    const second = await employer.post('/api/v1/dossiers', body, key);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const other = await employer.post('/api/v1/dossiers', { ...body, category: 'researcher' }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('a repeated decision with the same key is recorded once', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const key = { 'idempotency-key': `admissible-${id}` };
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' }, key);
    const again = await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' }, key);
    expect(again.status).toBe(200);
    const events = await flanders.get(path(id, '/events'));
    expect(
      events.body.items.filter((e: { action: string }) => e.action === 'declare_admissible'),
    ).toHaveLength(1);
  });

  it('replays an answer for a week, then forgets it and refuses the spent key, changing nothing', async () => {
    const body = { procedure: 'single_permit', category: 'single_permit' };
    const key = { 'idempotency-key': 'create-weekly-7d-0001' };
    const first = await employer.post('/api/v1/dossiers', body, key);
    platform.clock.advanceDays(6);
    await employer.signInAgain();
    expect((await employer.post('/api/v1/dossiers', body, key)).body.id).toBe(first.body.id);
    platform.clock.advanceDays(2);
    await employer.signInAgain();
    expect(await forgetExpiredReplays(platform.deps.db, platform.clock.now())).toBeGreaterThan(0);
    const before = (await employer.get('/api/v1/dossiers?limit=200')).body.items.length;
    const later = await employer.post('/api/v1/dossiers', body, key);
    expect(later.status).toBe(422);
    expect(later.body.code).toBe('idempotency_key_expired');
    expect((await employer.get('/api/v1/dossiers?limit=200')).body.items.length).toBe(before);
  });
});
