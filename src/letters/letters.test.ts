import { createHash } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, grantedSinglePermit } from '../../test/exchange.js';
import { completeSinglePermitDraft } from '../../test/scenarios.js';

let platform: TestPlatform;
let employer: Client, worker: Client, flanders: Client, brussels: Client, dvz: Client, post: Client;

beforeAll(async () => {
  platform = await startPlatform();
  // The employer works in English, its workplaces in Flanders: the letters are authentic in Dutch
  // (the language of the region), with a courtesy copy in English, the dossier's language.
  employer = await platform.login('employer', 'en');
  [worker, flanders, brussels, dvz, post] = await platform.loginAll([
    'worker',
    'flanders',
    'brussels',
    'dvz',
    'post',
  ] as const);
});
afterAll(() => platform.close());

const GROUNDS = 'GROUNDS-7f3a: het brutoloon ligt onder de drempel van het gewest';
/** Letters outside WinAnsi, which a standard PDF font could not set. */
const GIVEN = 'Łukasz Őrs';
const FAMILY = 'Шевченко';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function pdfText(bytes: Uint8Array): Promise<{ text: string; info: Record<string, unknown> }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { text: pages.join(' ').replace(/\s+/g, ' '), info: info as Record<string, unknown> };
}

/** A filed single permit in Flanders whose worker has a name in Polish, Hungarian and Cyrillic letters. */
async function filedWithUnicodeName() {
  const draft = await completeSinglePermitDraft(platform, employer);
  const named = await employer.patch(path(draft.id), { identity: { givenNames: GIVEN, familyName: FAMILY } });
  expect(named.status).toBe(200);
  expect((await employer.post(path(draft.id, '/submit'))).status).toBe(200);
  return draft;
}

/** The worker links the dossier with the code sent to the e-mail address in it (Art. 24, 28). */
async function claim(draft: Awaited<ReturnType<typeof completeSinglePermitDraft>>) {
  const started = await worker.post('/api/v1/claims', {
    reference: draft.reference,
    passportNumber: draft.sections.residence.passportNumber,
    birthDate: draft.sections.identity.birthDate,
  });
  const code = (platform.messaging.sent.at(-1)?.body ?? '').match(/\b\d{6}\b/g)?.at(-1) ?? '';
  const confirmed = await worker.post(`/api/v1/claims/${started.body.claimId}/confirm`, { code });
  expect(confirmed.status).toBe(200);
}

const letterPath = (id: string, decisionId: string, language?: string) =>
  path(id, `/decisions/${decisionId}/letter${language ? `?language=${language}` : ''}`);

/** A read and the access-log rows it adds for the caller (the test clock stands still, so not by time). */
async function loggedBy<T>(client: Client, dossierId: string, read: () => Promise<T>) {
  const me = (await client.get('/api/v1/session')).body.user.id as string;
  const rows = () =>
    platform.deps.db
      .selectFrom('access_log')
      .select(['id', 'categories', 'purpose'])
      .where('dossier_id', '=', dossierId)
      .where('user_id', '=', me)
      .execute();
  const before = new Set((await rows()).map((r) => r.id));
  const result = await read();
  return { result, log: (await rows()).filter((r) => !before.has(r.id)) };
}

/** Takes a decision as `by` and answers its id; the decision must be taken. */
async function decided(by: Client, dossierId: string, decision: Record<string, unknown>): Promise<string> {
  const res = await by.post(path(dossierId, '/decisions'), decision);
  expect(res.status).toBe(201);
  return res.body.decisions.at(-1).id as string;
}

describe('the letters of a work refusal (Art. 24)', () => {
  let id = '';
  let decisionId = '';
  let reference = '';

  beforeAll(async () => {
    const draft = await filedWithUnicodeName();
    id = draft.id;
    reference = draft.reference;
    expect((await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' })).status).toBe(200);
    const refused = await flanders.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'refused',
      grounds: GROUNDS,
    });
    expect(refused.status).toBe(201);
    decisionId = refused.body.decisions.at(-1).id;
    await claim(draft);
  });

  it('the worker downloads the full letter in Dutch, with the grounds and the appeal', async () => {
    const view = await worker.get(path(id));
    expect(view.body.decisions.at(-1).letters).toEqual([
      { language: 'nl', courtesy: false },
      { language: 'en', courtesy: true },
    ]);
    const { result: res, log } = await loggedBy(worker, id, () =>
      worker.download(letterPath(id, decisionId)),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toBe(`attachment; filename="${reference}-${decisionId.slice(0, 8)}-nl.pdf"`);
    expect(res.headers.get('cache-control')).toBe('no-store');

    const { text, info } = await pdfText(res.bytes);
    expect(text).toContain(`Beslissing over aanvraag ${reference}`);
    expect(text).toContain('De toelating tot arbeid wordt geweigerd.');
    expect(text).toContain(GROUNDS);
    expect(text).toContain('Raad van State');
    expect(text).toContain('bevoegde minister van de Vlaamse Regering');
    expect(text).toContain('binnen 30 dagen');
    expect(text).toContain('Departement Werk en Sociale Economie, dienst Economische Migratie');
    expect(text).toContain(`${GIVEN} ${FAMILY}, geboren op 15 maart 1994`);
    expect(text).toContain('Demo Employer NV (fictitious), ondernemingsnummer 0200.000.');
    expect(text).toContain('Samenwerkingsakkoord van 31 januari 2025, Art. 18 §1 4°');
    expect(text).toContain('23 november 2026');
    expect(text).not.toContain('Courtesy translation');
    expect(info).toMatchObject({ Language: 'nl-BE', Title: `Beslissing over aanvraag ${reference}` });
    expect(String(info.Title)).not.toContain(FAMILY);

    expect(log).toHaveLength(1);
    expect([...(log[0]?.categories ?? [])].sort()).toEqual(['admin', 'employment', 'grounds', 'identity']);
    expect(log[0]?.purpose).toContain('Art. 24');
  });

  it('the English courtesy copy is marked as such and says the same', async () => {
    const res = await worker.download(letterPath(id, decisionId, 'en'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`-en.pdf"`);
    const { text, info } = await pdfText(res.bytes);
    expect(text).toContain('Courtesy translation with no legal value — only the Dutch version is authentic');
    expect(text).toContain('The authorisation to work is refused.');
    expect(text).toContain(GROUNDS);
    expect(text).toContain('Council of State');
    expect(info).toMatchObject({ Language: 'en' });
    // Only the dossier's language and English exist.
    expect((await worker.download(letterPath(id, decisionId, 'de'))).status).toBe(404);
    const invalid = await worker.get(letterPath(id, decisionId, 'xx'));
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('validation_failed');
  });

  it('what is served is what was stored in the decision’s transaction', async () => {
    const served = await worker.download(letterPath(id, decisionId));
    const stored = await platform.deps.db
      .selectFrom('decision_letter')
      .select(['variant', 'language', 'courtesy', 'content', 'sha256', 'categories'])
      .where('action_id', '=', decisionId)
      .orderBy('variant')
      .orderBy('language')
      .execute();
    expect(stored.map((l) => [l.variant, l.language, l.courtesy])).toEqual([
      ['full', 'en', true],
      ['full', 'nl', false],
      ['notice', 'en', true],
      ['notice', 'nl', false],
    ]);
    const fullNl = stored.find((l) => l.variant === 'full' && l.language === 'nl');
    expect(fullNl?.sha256).toBe(sha(served.bytes));
    expect(sha(fullNl?.content ?? new Uint8Array())).toBe(fullNl?.sha256);
    expect(stored.find((l) => l.variant === 'notice')?.categories).toEqual(['admin']);
    // Letters are history: never rewritten.
    await expect(
      platform.deps.db
        .updateTable('decision_letter')
        .set({ language: 'fr' })
        .where('action_id', '=', decisionId)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('the employer gets the notice: the fact and the date, never the grounds or the worker’s data', async () => {
    const view = await employer.get(path(id));
    const decision = view.body.decisions.at(-1);
    expect(decision).toMatchObject({ fact: 'negative_decision' });
    expect(decision.letters).toEqual([
      { language: 'nl', courtesy: false },
      { language: 'en', courtesy: true },
    ]);
    const { result: res, log } = await loggedBy(employer, id, () =>
      employer.download(letterPath(id, decisionId)),
    );
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.bytes);
    expect(text).toContain(`Kennisgeving van een negatieve beslissing over aanvraag ${reference}`);
    expect(text).toContain(
      `Op 23 november 2026 werd over aanvraag ${reference} een negatieve beslissing genomen.`,
    );
    expect(text).toContain('art. 24');
    expect(text).not.toContain('GROUNDS-7f3a');
    expect(text).not.toContain('Motivering');
    expect(text).not.toContain('geweigerd');
    expect(text).not.toContain('Raad van State');
    expect(text).not.toContain(FAMILY);
    expect(text).not.toContain('1994');
    expect(log).toHaveLength(1);
    expect(log[0]?.categories).toEqual(['admin']);

    const english = await pdfText((await employer.download(letterPath(id, decisionId, 'en'))).bytes);
    expect(english.text).toContain(
      'Courtesy translation with no legal value — only the Dutch version is authentic',
    );
    expect(english.text).toContain('A negative decision was taken on application');
    expect(english.text).not.toContain('GROUNDS-7f3a');
  });

  it('the deciding region reads its own full letter; DVZ only the notice of a regional refusal', async () => {
    expect((await pdfText((await flanders.download(letterPath(id, decisionId))).bytes)).text).toContain(
      GROUNDS,
    );
    const forDvz = await pdfText((await dvz.download(letterPath(id, decisionId))).bytes);
    expect(forDvz.text).toContain('negatieve beslissing');
    expect(forDvz.text).not.toContain('GROUNDS-7f3a');
  });

  it('a party that may not see the dossier gets 404', async () => {
    // The visa post sees the dossier only once the permit is authorised; Brussels is not competent.
    const forPost = await post.download(letterPath(id, decisionId));
    expect(forPost.status).toBe(404);
    expect(forPost.bytes.toString('utf8')).toContain('not_found');
    expect((await brussels.download(letterPath(id, decisionId))).status).toBe(404);
    // An unknown decision has no letter either.
    const admissibility = (await worker.get(path(id))).body.decisions[0].id as string;
    const unknown = admissibility.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await worker.download(letterPath(id, unknown))).status).toBe(404);
  });
});

describe('the letter of a positive decision', () => {
  it('states the validity and the permit; one variant only, without grounds or appeal', async () => {
    const draft = await filedWithUnicodeName();
    await flanders.post(path(draft.id, '/admissibility'), { outcome: 'admissible' });
    const granted = await flanders.post(path(draft.id, '/decisions'), {
      kind: 'work',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    expect(granted.status).toBe(201);
    const decision = granted.body.decisions.at(-1);
    expect(decision.letters).toEqual([
      { language: 'nl', courtesy: false },
      { language: 'en', courtesy: true },
    ]);
    const res = await employer.download(letterPath(draft.id, decision.id));
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.bytes);
    expect(text).toContain('De toelating tot arbeid wordt toegekend.');
    expect(text).toContain('Geldigheid van 1 februari 2027 tot en met 31 januari 2028');
    expect(text).toContain('Soort vergunning Gecombineerde vergunning');
    expect(text).not.toContain('Motivering');
    expect(text).not.toContain('Beroep');
    const english = (await pdfText((await employer.download(letterPath(draft.id, decision.id, 'en'))).bytes))
      .text;
    expect(english).toContain('Validity from 1 February 2027 to 31 January 2028 inclusive');
    const variants = await platform.deps.db
      .selectFrom('decision_letter')
      .select('variant')
      .distinct()
      .where('action_id', '=', decision.id)
      .execute();
    expect(variants.map((v) => v.variant)).toEqual(['full']);
  });
});

describe('a withdrawal of a granted single permit', () => {
  it('is hidden from the post, and reaches the employment service as a notice without grounds', async () => {
    const draft = await grantedSinglePermit(platform, { employer, flanders, dvz });
    const decisionId = await decided(dvz, draft.id, {
      kind: 'withdrawal',
      of: 'residence',
      grounds: 'GROUNDS-wd-1: verblijfsvoorwaarden niet meer vervuld',
    });

    // The post sees the dossier and its positive decisions, not the withdrawal (Art. 21-23).
    const forPost = await post.get(path(draft.id));
    expect(forPost.status).toBe(200);
    expect(forPost.body.decisions.map((d: { id: string }) => d.id)).not.toContain(decisionId);
    expect((await post.download(letterPath(draft.id, decisionId))).status).toBe(404);

    // The employment service sees the withdrawal (Art. 10 9°) but not its grounds: the notice.
    const pes = await platform.login('pes');
    const view = (await pes.get(path(draft.id))).body.decisions.find(
      (d: { id: string }) => d.id === decisionId,
    );
    expect(view).toMatchObject({
      kind: 'withdrawal',
      letters: [
        { language: 'nl', courtesy: false },
        { language: 'en', courtesy: true },
      ],
    });
    const forPes = await pes.download(letterPath(draft.id, decisionId));
    expect(forPes.status).toBe(200);
    const { text } = await pdfText(forPes.bytes);
    expect(text).toContain('negatieve beslissing');
    expect(text).not.toContain('GROUNDS-wd-1');
  });
});

describe('a residence refusal by the Immigration Office', () => {
  it('names the Council for Alien Law Litigation; the region gets only the notice', async () => {
    const draft = await filedWithUnicodeName();
    await flanders.post(path(draft.id, '/admissibility'), { outcome: 'admissible' });
    await flanders.post(path(draft.id, '/decisions'), { kind: 'work', outcome: 'granted' });
    const decisionId = await decided(dvz, draft.id, {
      kind: 'residence',
      outcome: 'refused',
      grounds: 'GROUNDS-dvz-1: bestaansmiddelen niet aangetoond',
    });
    await claim(draft);
    const full = (await pdfText((await worker.download(letterPath(draft.id, decisionId))).bytes)).text;
    expect(full).toContain('Dienst Vreemdelingenzaken');
    expect(full).toContain('Raad voor Vreemdelingenbetwistingen');
    expect(full).toContain('GROUNDS-dvz-1');
    const english = (await pdfText((await worker.download(letterPath(draft.id, decisionId, 'en'))).bytes))
      .text;
    expect(english).toContain('Council for Alien Law Litigation');
    const forRegion = (await pdfText((await flanders.download(letterPath(draft.id, decisionId))).bytes)).text;
    expect(forRegion).toContain('negatieve beslissing');
    expect(forRegion).not.toContain('GROUNDS-dvz-1');
  });
});

describe('the language the law requires for the competent region', () => {
  async function refusedIn(language: 'nl' | 'fr' | 'de' | 'en', postcode: string, region: string) {
    const applicant = await platform.login('employer', language);
    const authority = await platform.login(region);
    const draft = await completeSinglePermitDraft(platform, applicant, { postcode });
    expect((await applicant.post(path(draft.id, '/submit'))).status).toBe(200);
    expect((await authority.post(path(draft.id, '/admissibility'), { outcome: 'admissible' })).status).toBe(
      200,
    );
    const decisionId = await decided(authority, draft.id, {
      kind: 'work',
      outcome: 'refused',
      grounds: `GROUNDS-${region}-1`,
    });
    const view = (await authority.get(path(draft.id))).body;
    const decision = view.decisions.find((d: { id: string }) => d.id === decisionId);
    return { draft, decisionId, letters: decision.letters, authority };
  }

  it('an English dossier of Flanders: authentic in Dutch, the English copy a courtesy translation', async () => {
    const { draft, decisionId, letters, authority } = await refusedIn('en', '9000', 'flanders');
    expect(letters).toEqual([
      { language: 'nl', courtesy: false },
      { language: 'en', courtesy: true },
    ]);
    const authentic = await authority.download(letterPath(draft.id, decisionId));
    expect(authentic.headers.get('content-language')).toBe('nl');
    const nl = (await pdfText(authentic.bytes)).text;
    expect(nl).toContain('De toelating tot arbeid wordt geweigerd.');
    expect(nl).not.toContain('Courtesy translation');
    const en = (await pdfText((await authority.download(letterPath(draft.id, decisionId, 'en'))).bytes)).text;
    expect(en).toContain('Courtesy translation with no legal value — only the Dutch version is authentic');
    expect(en).toContain('GROUNDS-flanders-1');
  });

  it('a French dossier of Wallonia: only French, not marked', async () => {
    const { draft, decisionId, letters, authority } = await refusedIn('fr', '5000', 'wallonia');
    expect(letters).toEqual([{ language: 'fr', courtesy: false }]);
    const fr = (await pdfText((await authority.download(letterPath(draft.id, decisionId))).bytes)).text;
    expect(fr).toContain('GROUNDS-wallonia-1');
    expect(fr).not.toContain('Traduction de courtoisie');
    expect((await authority.download(letterPath(draft.id, decisionId, 'en'))).status).toBe(404);
  });

  it('the German-speaking area: authentic in German, whatever the dossier’s language', async () => {
    const { draft, decisionId, letters, authority } = await refusedIn('fr', '4700', 'ostbelgien');
    expect(letters).toEqual([
      { language: 'de', courtesy: false },
      { language: 'fr', courtesy: true },
    ]);
    const de = await authority.download(letterPath(draft.id, decisionId));
    expect(de.headers.get('content-language')).toBe('de');
    expect((await pdfText(de.bytes)).text).toContain('Entscheidung über den Antrag');
    const fr = (await pdfText((await authority.download(letterPath(draft.id, decisionId, 'fr'))).bytes)).text;
    expect(fr).toContain(
      'Traduction de courtoisie, sans valeur juridique — seule la version en allemand fait foi',
    );
  });

  it('Brussels: the applicant’s French stands alone; English gets both national languages', async () => {
    const french = await refusedIn('fr', '1000', 'brussels');
    expect(french.letters).toEqual([{ language: 'fr', courtesy: false }]);
    const english = await refusedIn('en', '1000', 'brussels');
    expect(english.letters).toHaveLength(3);
    expect(english.letters).toEqual(
      expect.arrayContaining([
        { language: 'fr', courtesy: false },
        { language: 'nl', courtesy: false },
      ]),
    );
    expect(english.letters.at(-1)).toEqual({ language: 'en', courtesy: true });
  });
});
