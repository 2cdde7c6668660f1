import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PDF, enterpriseNumberFrom, singlePermitSections } from '../demo/fixtures.js';
import { documentsToUpload } from '../demo/fixtures.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { forDossier, inbox } from '../../test/exchange.js';
import { answerWithDocument } from '../../test/scenarios.js';
import { addOrganisation } from '../../test/users.js';

/** Work permits (b) and professional cards (c) are decided by the region alone (R-PROC-5). */
let platform: TestPlatform;
let employer: Client,
  selfemployed: Client,
  wallonia: Client,
  ostbelgien: Client,
  dvz: Client,
  counter: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, selfemployed, wallonia, ostbelgien, dvz, counter] = await platform.loginAll([
    'employer',
    'selfemployed',
    'wallonia',
    'ostbelgien',
    'dvz',
    'counter',
  ] as const);
});
afterAll(() => platform.close());

const path = (id: string, rest = '') => `/api/v1/dossiers/${id}${rest}`;

async function uploadAll(
  client: Client,
  id: string,
  procedure: 'work_permit' | 'professional_card',
  postcode: string,
  abroad: boolean,
) {
  for (const type of documentsToUpload({
    procedure,
    category: procedure,
    postcode,
    abroad,
    on: '2026-11-23',
  })) {
    expect((await client.upload(id, type, DEMO_PDF)).status).toBe(201);
  }
}

async function filedWorkPermit(
  postcode: string,
  where: { abroad: boolean; visaPost?: string; municipality?: string } = { abroad: false },
) {
  const s = singlePermitSections(
    {
      serial: 700,
      givenNames: 'Test',
      familyName: 'Werkkaart',
      nationality: 'MA',
      abroad: where.abroad,
      workplacePostcode: postcode,
    },
    {
      visaPost: where.visaPost ?? '',
      municipality: where.municipality ?? platform.directory.organisations['municipality-liege'] ?? '',
      employerSerial: 1,
    },
  );
  const created = await employer.post('/api/v1/dossiers', {
    procedure: 'work_permit',
    category: 'work_permit',
    ...s,
  });
  expect(created.status).toBe(201);
  await uploadAll(employer, created.body.id, 'work_permit', postcode, where.abroad);
  const filed = await employer.post(path(created.body.id, '/submit'));
  expect(filed.body).toMatchObject({ state: 'filed' });
  return created.body.id as string;
}

describe('work permit (b)', () => {
  it('is examined and decided by the region of the workplace, then issued by it', async () => {
    const id = await filedWorkPermit('4000'); // Liège: Walloon Region
    expect((await employer.get(path(id))).body.region).toBe('wallonia');
    expect((await ostbelgien.get(path(id))).status).toBe(404);
    expect((await wallonia.post(path(id, '/admissibility'), { outcome: 'admissible' })).body.state).toBe(
      'admissible',
    );
    const granted = await wallonia.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'granted',
      validFrom: '2027-01-01',
      validUntil: '2027-12-31',
    });
    expect(granted.body.state).toBe('work_granted');
    expect(granted.body.clock.status).toBe('stopped');
    expect(granted.body.decisions.at(-1)).toMatchObject({ permitType: 'work_permit', decisionType: 'first' });
    // No residence step: DVZ follows residence but does not decide here.
    expect(
      (await dvz.post(path(id, '/decisions'), { kind: 'residence', outcome: 'granted' })).body.code,
    ).toBe('action_not_in_procedure');
    expect((await wallonia.post(path(id, '/issued'), { issuedOn: '2026-12-01' })).body.state).toBe('issued');
    expect(
      (await wallonia.post(path(id, '/decisions'), { kind: 'withdrawal', of: 'work', grounds: 'Fraud' })).body
        .state,
    ).toBe('work_withdrawn');
  });

  it('a workplace in a German-speaking municipality goes to the German-speaking Community (R-PROC-4)', async () => {
    const id = await filedWorkPermit('4700'); // Eupen
    expect((await employer.get(path(id))).body.region).toBe('ostbelgien');
    expect((await ostbelgien.post(path(id, '/admissibility'), { outcome: 'admissible' })).status).toBe(200);
    expect((await wallonia.get(path(id))).status).toBe(404);
    const refused = await ostbelgien.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'refused',
      grounds: 'Arbeitsmarkt',
    });
    expect(refused.body.state).toBe('work_refused');
  });
});

describe('work permit (b): refusal paths and the request loop', () => {
  it('the region declares a filing inadmissible; the clock stops', async () => {
    const id = await filedWorkPermit('4000');
    const res = await wallonia.post(path(id, '/admissibility'), {
      outcome: 'inadmissible',
      grounds: 'Pas de contrat signé',
    });
    expect(res.body.state).toBe('inadmissible');
    expect(res.body.clock.status).toBe('stopped');
    expect((await wallonia.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' })).status).toBe(
      409,
    );
  });

  it('a request for documents suspends the clock and the answer resumes it in the same state', async () => {
    const id = await filedWorkPermit('4000');
    await wallonia.post(path(id, '/admissibility'), { outcome: 'admissible' });
    const asked = await wallonia.post(path(id, '/requests'), {
      dueDate: '2026-12-15',
      items: [{ documentType: 'diploma', description: 'Diplôme' }],
    });
    expect(asked.body).toMatchObject({ state: 'incomplete', clock: { status: 'suspended' } });
    const answered = await answerWithDocument(employer, id, asked.body.requests[0].id, 'diploma');
    expect(answered.body).toMatchObject({ state: 'admissible', clock: { status: 'running' } });
  });
});

async function filedCard(
  where: { abroad: boolean; visaPost?: string; municipality?: string } = { abroad: false },
) {
  const created = await selfemployed.post('/api/v1/dossiers', {
    procedure: 'professional_card',
    category: 'professional_card',
    identity: singlePermitSections(
      {
        serial: 701,
        givenNames: 'Test',
        familyName: 'Beroepskaart',
        nationality: 'BR',
        abroad: false,
        workplacePostcode: '1000',
      },
      { visaPost: '', municipality: '', employerSerial: 1 },
    ).identity,
    residence: {
      passportNumber: 'DEMO00701',
      passportIssuingCountry: 'BR',
      passportExpiry: '2031-01-01',
      email: 'card@example.org',
      ...where,
    },
    selfEmployed: {
      activity: 'Graphic design studio',
      naceCode: '74.10',
      enterpriseNumber: enterpriseNumberFrom(9),
      activityAddress: { street: 'Voorbeeldlaan', number: '7', postcode: '1000', municipality: 'Brussel' },
      fiscalStatus: 'Self-employed, main occupation',
      businessCounter: platform.directory.organisations.counter,
    },
  });
  expect(created.status).toBe(201);
  await uploadAll(selfemployed, created.body.id, 'professional_card', '1000', where.abroad);
  const filed = await selfemployed.post(path(created.body.id, '/submit'));
  expect(filed.body).toMatchObject({ state: 'filed', region: 'brussels' });
  return created.body.id as string;
}

describe('professional card (c)', () => {
  it('goes from filing to a granted, issued card with the region of the activity; the counter reads it', async () => {
    const brussels = await platform.login('brussels');
    const id = await filedCard();
    expect((await brussels.post(path(id, '/admissibility'), { outcome: 'admissible' })).body.state).toBe(
      'admissible',
    );
    const wrongKind = await brussels.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.code).toBe('action_not_in_procedure');
    const granted = await brussels.post(path(id, '/decisions'), {
      kind: 'professional_card',
      outcome: 'granted',
    });
    expect(granted.body.state).toBe('work_granted');
    const byCounter = await counter.get(path(id));
    expect(byCounter.status).toBe(200);
    expect(byCounter.body.decisions.map((d: { kind: string }) => d.kind)).toEqual(['professional_card']);
    expect(
      (await counter.get('/api/v1/dossiers?limit=200')).body.items.map((d: { id: string }) => d.id),
    ).toContain(id);
    // Another accredited counter did not take this application: it sees nothing of it (Art. 3).
    await addOrganisation(platform, { kind: 'business_counter', name: 'Second counter (test)' }, 'counter-2');
    const otherCounter = await platform.login('counter-2');
    expect((await otherCounter.get(path(id))).status).toBe(404);
    expect(
      (await otherCounter.get('/api/v1/dossiers?limit=200')).body.items.map((d: { id: string }) => d.id),
    ).not.toContain(id);
    expect((await brussels.post(path(id, '/issued'), { issuedOn: '2026-12-02' })).body.state).toBe('issued');
    const withdrawn = await brussels.post(path(id, '/decisions'), {
      kind: 'withdrawal',
      of: 'professional_card',
      grounds: 'Activity stopped',
    });
    expect(withdrawn.body.state).toBe('work_withdrawn');
  });

  it('can be declared inadmissible, and its request loop suspends the clock', async () => {
    const brussels = await platform.login('brussels');
    const inadmissible = await filedCard();
    expect(
      (
        await brussels.post(path(inadmissible, '/admissibility'), {
          outcome: 'inadmissible',
          grounds: 'Plan incomplet',
        })
      ).body.state,
    ).toBe('inadmissible');
    const id = await filedCard();
    const asked = await brussels.post(path(id, '/requests'), {
      dueDate: '2026-12-20',
      items: [{ documentType: 'business_plan', description: 'Updated plan' }],
    });
    expect(asked.body).toMatchObject({ state: 'incomplete', clock: { status: 'suspended' } });
    const answered = await answerWithDocument(selfemployed, id, asked.body.requests[0].id, 'business_plan');
    expect(answered.body).toMatchObject({ state: 'filed', clock: { status: 'running' } });
  });

  it('a refused card shows its grounds to the deciding region only', async () => {
    const brussels = await platform.login('brussels');
    const id = await filedCard();
    await brussels.post(path(id, '/admissibility'), { outcome: 'admissible' });
    const refused = await brussels.post(path(id, '/decisions'), {
      kind: 'professional_card',
      outcome: 'refused',
      grounds: 'No economic interest shown',
    });
    expect(refused.body.state).toBe('work_refused');
    expect(refused.body.decisions.at(-1).grounds).toBe('No economic interest shown');
    expect(JSON.stringify((await counter.get(path(id))).body)).not.toContain('No economic interest');
  });
});

describe('the decision reaches the post or the municipality in every procedure (Art. 22-23)', () => {
  const orgs = () => platform.directory.organisations;
  const events = async (client: Client, id: string) =>
    forDossier(await inbox(client), id).map((d) => d.event);

  async function grantWork(id: string) {
    await wallonia.post(path(id, '/admissibility'), { outcome: 'admissible' });
    const granted = await wallonia.post(path(id, '/decisions'), { kind: 'work', outcome: 'granted' });
    expect(granted.body.state).toBe('work_granted');
  }

  it('a work permit granted to a worker abroad goes to the post, which opens it (Art. 23 first para.)', async () => {
    const [post, municipality] = await platform.loginAll(['post', 'municipality'] as const);
    const id = await filedWorkPermit('4000', { abroad: true, visaPost: orgs().post ?? '' });
    expect((await post.get(path(id))).status).toBe(404);
    await grantWork(id);
    expect(await events(post, id)).toEqual(['visa_d_authorised']);
    expect(await events(municipality, id)).toEqual([]);
    const seen = await post.get(path(id));
    expect(seen.status).toBe(200);
    expect(seen.body.sections.identity.familyName).toBe('Werkkaart');
    expect(seen.body.decisions.map((d: { kind: string }) => d.kind)).toContain('work');
    expect(seen.body.sections.employment).toBeUndefined();
  });

  it('one granted to a worker in Belgium goes to the municipality (Art. 23 second para.)', async () => {
    const [post, municipality] = await platform.loginAll(['post', 'municipality'] as const);
    const id = await filedWorkPermit('4000', { abroad: false, municipality: orgs().municipality ?? '' });
    await grantWork(id);
    expect(await events(municipality, id)).toEqual(['residence_document_authorised']);
    expect(await events(post, id)).toEqual([]);
    expect((await municipality.get(path(id))).status).toBe(200);
  });

  it('a refused work permit reaches neither', async () => {
    const post = await platform.login('post');
    const id = await filedWorkPermit('4000', { abroad: true, visaPost: orgs().post ?? '' });
    await wallonia.post(path(id, '/admissibility'), { outcome: 'admissible' });
    await wallonia.post(path(id, '/decisions'), { kind: 'work', outcome: 'refused', grounds: 'Marché' });
    expect(await events(post, id)).toEqual([]);
    expect((await post.get(path(id))).status).toBe(404);
  });

  it('a professional card granted to a person abroad goes to the post (Art. 22), never to a municipality', async () => {
    const [post, municipality, brussels] = await platform.loginAll([
      'post',
      'municipality',
      'brussels',
    ] as const);
    const abroad = await filedCard({ abroad: true, visaPost: orgs().post ?? '' });
    // In Belgium: Art. 22 names no municipality, so one named in the dossier is told nothing.
    const here = await filedCard({ abroad: false, municipality: orgs().municipality ?? '' });
    for (const id of [abroad, here]) {
      await brussels.post(path(id, '/admissibility'), { outcome: 'admissible' });
      const granted = await brussels.post(path(id, '/decisions'), {
        kind: 'professional_card',
        outcome: 'granted',
      });
      expect(granted.body.state).toBe('work_granted');
    }
    expect(await events(post, abroad)).toEqual(['visa_d_authorised']);
    const seen = await post.get(path(abroad));
    expect(seen.status).toBe(200);
    expect(seen.body.decisions.map((d: { kind: string }) => d.kind)).toContain('professional_card');
    expect(seen.body.sections.selfEmployed).toBeUndefined();
    expect(await events(municipality, here)).toEqual([]);
  });

  it('asks where the worker is before a work permit or a card is filed', async () => {
    const created = await employer.post('/api/v1/dossiers', {
      procedure: 'work_permit',
      category: 'work_permit',
    });
    const missing = (await employer.post(path(created.body.id, '/submit'))).body.missing as {
      section?: string;
      name: string;
    }[];
    expect(missing).toContainEqual({ kind: 'field', section: 'residence', name: 'abroad' });
    await employer.patch(path(created.body.id), { residence: { abroad: false } });
    const again = (await employer.post(path(created.body.id, '/submit'))).body.missing;
    expect(again).toContainEqual({ kind: 'field', section: 'residence', name: 'municipality' });
    expect(again).toContainEqual({ kind: 'document', name: 'residence_permit' });
    await employer.patch(path(created.body.id), { residence: { abroad: true } });
    const abroad = (await employer.post(path(created.body.id, '/submit'))).body.missing;
    expect(abroad).toContainEqual({ kind: 'field', section: 'residence', name: 'visaPost' });
    expect(abroad).toContainEqual({ kind: 'document', name: 'photo' });
    expect(abroad).not.toContainEqual({ kind: 'document', name: 'residence_permit' });

    const card = await selfemployed.post('/api/v1/dossiers', {
      procedure: 'professional_card',
      category: 'professional_card',
      residence: { abroad: false },
    });
    const cardMissing = (await selfemployed.post(path(card.body.id, '/submit'))).body.missing;
    expect(cardMissing).not.toContainEqual(expect.objectContaining({ section: 'residence', name: 'abroad' }));
    expect(cardMissing).not.toContainEqual(expect.objectContaining({ name: 'municipality' }));
  });

  it('files without the ONSS number once the enterprise number is known (once-only, Art. 14)', async () => {
    const s = singlePermitSections(
      {
        serial: 702,
        givenNames: 'Test',
        familyName: 'Eenmalig',
        nationality: 'MA',
        abroad: false,
        workplacePostcode: '4000',
      },
      { visaPost: '', municipality: orgs().municipality ?? '', employerSerial: 1 },
    );
    const { onssNumber, ...employment } = s.employment;
    expect(onssNumber).toBeDefined();
    expect(employment.employer.enterpriseNumber).toBeDefined();
    const created = await employer.post('/api/v1/dossiers', {
      procedure: 'work_permit',
      category: 'work_permit',
      ...s,
      employment,
    });
    expect(created.status).toBe(201);
    await uploadAll(employer, created.body.id, 'work_permit', '4000', false);
    const filed = await employer.post(path(created.body.id, '/submit'));
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.state).toBe('filed');
  });
});

describe('procedure (c) enters into force on a date (Art. 36, R-PROC-2)', () => {
  const card = { procedure: 'professional_card', category: 'professional_card' };
  const cardDate = (body: { procedureDates: { procedure: string; inForceFrom: string | null }[] }) =>
    body.procedureDates.find((d) => d.procedure === 'professional_card')?.inForceFrom;

  it('with no date set (production default) refuses it and says the date is still to be set', async () => {
    const off = await startPlatform({ professionalCardFrom: undefined });
    try {
      const client = await off.login('selfemployed', 'fr');
      const res = await client.post('/api/v1/dossiers', card);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'procedure_not_in_force', inForceFrom: null });
      expect(res.body.title).toContain('carte professionnelle');
      expect(res.body.detail).toContain('accord de coopération d’exécution');
      expect((await client.get('/api/v1/dossiers')).body.items).toEqual([]);
      const installation = (await off.anonymous().get('/api/v1/rules/platform')).body;
      expect(installation.procedures).toEqual(['single_permit', 'work_permit']);
      expect(cardDate(installation)).toBeNull();
    } finally {
      await off.close();
    }
  });

  it('refuses it the day before the configured date, naming the date, and accepts it from that day', async () => {
    const dated = await startPlatform({ professionalCardFrom: '2026-12-01' });
    try {
      const client = await dated.login('selfemployed', 'fr');
      const before = await client.post('/api/v1/dossiers', card);
      expect(before.status).toBe(422);
      expect(before.body).toMatchObject({ code: 'procedure_not_in_force', inForceFrom: '2026-12-01' });
      expect(before.body.detail).toBe(
        'Cette procédure peut être introduite via la plateforme à partir du 2026-12-01.',
      );
      const listed = (await dated.anonymous().get('/api/v1/rules/platform')).body;
      expect(listed.procedures).not.toContain('professional_card');
      expect(cardDate(listed)).toBe('2026-12-01');

      // Still 30 November in UTC, already 1 December in Brussels: the legal calendar decides.
      dated.clock.set(new Date('2026-11-30T23:30:00Z'));
      await client.signInAgain();
      const from = await client.post('/api/v1/dossiers', card);
      expect(from.status, JSON.stringify(from.body)).toBe(201);
      expect(from.body.procedure).toBe('professional_card');
      expect((await dated.anonymous().get('/api/v1/rules/platform')).body.procedures).toContain(
        'professional_card',
      );
    } finally {
      await dated.close();
    }
  });
});
