import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, refuseWork } from '../../test/exchange.js';
import { claimDossier, filedSinglePermit } from '../../test/scenarios.js';
import { dispatchDue } from './dispatcher.js';

/*
 * A message is read in its reader's language, not in the language it was written in: the inbox
 * renders it when read, from which message it is and its values. What was sent stays as sent.
 */

let platform: TestPlatform;
let dutchEmployer: Client, flanders: Client;

beforeAll(async () => {
  platform = await startPlatform();
  dutchEmployer = await platform.login('employer', 'nl');
  flanders = await platform.login('flanders');
});
afterAll(() => platform.close());

interface Item {
  id: string;
  dossierId: string;
  language: string;
  subject: string;
  body: string;
  readAt: string | null;
}

const messagesOf = async (client: Client, dossierId: string) =>
  (await client.get<{ items: Item[] }>('/api/v1/messages?limit=200')).body.items.filter(
    (m) => m.dossierId === dossierId,
  );

const GROUNDS = 'GROUNDS-lang-1: het loon ligt onder de drempel';

describe('messages in the reader’s language', () => {
  let id = '';
  let reference = '';

  beforeAll(async () => {
    // Filed in Dutch: what is sent is Dutch (with its English courtesy copy), as before.
    const draft = await filedSinglePermit(platform, dutchEmployer);
    id = draft.id;
    reference = draft.reference;
  });

  it('the same filing message reads in Dutch, English, French or German, as each reader chose', async () => {
    const [nl] = await messagesOf(dutchEmployer, id);
    expect(nl).toMatchObject({ language: 'nl', subject: `Aanvraag ${reference} ingediend` });
    const [en] = await messagesOf(await platform.login('employer', 'en'), id);
    expect(en).toMatchObject({ id: nl?.id, language: 'en', subject: `Application ${reference} filed` });
    expect(en?.body).toContain('was filed');
    expect(en?.body).not.toContain('ingediend');
    const [fr] = await messagesOf(await platform.login('employer', 'fr'), id);
    expect(fr).toMatchObject({ language: 'fr', subject: `Demande ${reference} introduite` });
    expect(fr?.body).not.toMatch(/ingediend|was filed/);
    const [de] = await messagesOf(await platform.login('employer', 'de'), id);
    expect(de).toMatchObject({ language: 'de', subject: `Antrag ${reference} eingereicht` });
  });

  it('what was sent stays as sent: the stored copy and the e-mail are in the dossier’s language', async () => {
    await dispatchDue(platform.deps, platform.clock.now());
    const stored = await platform.deps.db
      .selectFrom('inbox_message')
      .select(['language', 'subject'])
      .where('dossier_id', '=', id)
      .execute();
    // The employer's copy and its mandatary's.
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored)
      expect(row).toEqual({ language: 'nl', subject: `Aanvraag ${reference} ingediend` });
    const mailed = platform.messaging.sent.filter((m) => m.subject.includes(reference));
    expect(mailed.length).toBeGreaterThan(0);
    for (const m of mailed) expect(m.subject).toBe(`Aanvraag ${reference} ingediend`);
  });

  it('marking read answers the message in the reader’s language too', async () => {
    const english = await platform.login('employer', 'en');
    const [message] = await messagesOf(english, id);
    const read = await english.post<Item>(`/api/v1/messages/${message?.id ?? ''}/read`);
    expect(read.status).toBe(200);
    expect(read.body.subject).toBe(`Application ${reference} filed`);
  });

  it('a refusal: the worker reads the whole decision in German; the employer, in English, only the fact', async () => {
    const draft = (await dutchEmployer.get(path(id))).body;
    await refuseWork(flanders, id, GROUNDS);
    const worker = await platform.login('worker', 'de');
    await claimDossier(platform, worker, draft);
    // The admissibility and the refusal were taken in the same instant: the refusal is the one with grounds.
    const decision = (await messagesOf(worker, id)).find((m) => m.body.includes(GROUNDS));
    expect(decision?.language).toBe('de');
    expect(decision?.subject).toBe(`Entscheidung über Ihren Antrag ${reference}`);
    expect(decision?.body).toContain('Begründung');
    expect(decision?.body).toContain(GROUNDS);
    expect(decision?.body).not.toContain('Motivering');

    const employerInEnglish = await messagesOf(await platform.login('employer', 'en'), id);
    const fact = employerInEnglish.find((m) => m.subject.startsWith('Decision on'));
    expect(fact?.subject).toBe(`Decision on ${reference}`);
    expect(JSON.stringify(employerInEnglish)).not.toContain('GROUNDS-lang-1');
    // Nor is the whole decision kept with the employer's copy to render it from.
    const kept = await platform.deps.db
      .selectFrom('inbox_message')
      .select('text_vars')
      .where('dossier_id', '=', id)
      .execute();
    expect(JSON.stringify(kept)).not.toContain('GROUNDS-lang-1');
  });

  it('e-mails reach each user in the language they last signed in with; the e-Box in the dossier’s', async () => {
    // The employer's user now works in French; the Dutch session files another dossier in Dutch.
    await platform.login('employer', 'fr');
    const other = await filedSinglePermit(platform, dutchEmployer);
    await dispatchDue(platform.deps, platform.clock.now());
    const toUser = platform.messaging.sent.filter(
      (m) => m.to === 'employer@example.org' && m.subject.includes(other.reference),
    );
    expect(toUser.map((m) => m.subject)).toEqual([`Demande ${other.reference} introduite`]);
    const toEbox = platform.ebox.published.filter((m) => m.subject.includes(other.reference));
    expect(toEbox.length).toBeGreaterThan(0);
    for (const m of toEbox) expect(m.subject).toBe(`Aanvraag ${other.reference} ingediend`);
  });
});
