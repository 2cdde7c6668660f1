import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path } from '../../test/exchange.js';
import {
  answerWithDocument,
  claimDossier,
  completeSinglePermitDraft,
  filedSinglePermit,
} from '../../test/scenarios.js';
import { dispatchDue } from './dispatcher.js';
import type { Message } from './messaging.js';

let platform: TestPlatform;
let employer: Client, flanders: Client, dvz: Client, post: Client, worker: Client;

beforeAll(async () => {
  platform = await startPlatform();
  // The employer works in Dutch: its dossiers are in Dutch, messages too, with an English copy.
  employer = await platform.login('employer', 'nl');
  [flanders, dvz, post, worker] = await platform.loginAll(['flanders', 'dvz', 'post', 'worker'] as const);
});
afterAll(() => platform.close());

const GROUNDS = 'GROUNDS-51c9: de arbeidsovereenkomst voldoet niet aan de loonvoorwaarde';

/** Sends what is due and answers the messages sent by this dispatch, by address. */
async function sendDue(): Promise<Map<string, Message[]>> {
  const before = platform.messaging.sent.length;
  await dispatchDue(platform.deps, platform.clock.now());
  const out = new Map<string, Message[]>();
  for (const m of platform.messaging.sent.slice(before)) out.set(m.to, [...(out.get(m.to) ?? []), m]);
  return out;
}

describe('notifications for every step (Art. 20 §5), in the dossier’s language', () => {
  let id = '';
  let reference = '';
  let workerEmail = '';
  let draftSections = {} as {
    sections: { identity: { birthDate: string }; residence: { passportNumber: string } };
  };

  it('filing: the applicant’s and its mandatary’s users hear of it, in Dutch with an English courtesy copy; the worker not yet', async () => {
    const draft = await filedSinglePermit(platform, employer);
    id = draft.id;
    reference = (await employer.get(path(id))).body.reference;
    workerEmail = draft.sections.residence.email;
    draftSections = { sections: draft.sections };
    const sent = await sendDue();
    expect([...sent.keys()]).toEqual(['employer@example.org', 'mandatary@example.org']);
    const text = (to: string) =>
      sent.get(to)?.map(({ language, subject, body }) => ({ language, subject, body }));
    expect(text('mandatary@example.org')).toEqual(text('employer@example.org'));
    const [m] = sent.get('employer@example.org') ?? [];
    expect(m).toMatchObject({ language: 'nl', subject: `Aanvraag ${reference} ingediend` });
    expect(m?.body).toContain('werd op 2026-11-23 ingediend');
    expect(m?.body).toContain('English courtesy translation');
    expect(m?.body).toContain(`Your application ${reference} was filed on 2026-11-23`);
  });

  it('a request for documents names its due date', async () => {
    const res = await flanders.post(path(id, '/requests'), {
      dueDate: '2026-12-15',
      items: [{ description: 'Ondertekende arbeidsovereenkomst' }],
    });
    expect(res.status).toBe(201);
    const sent = await sendDue();
    expect([...sent.keys()]).toEqual(['employer@example.org', 'mandatary@example.org']);
    expect(sent.get('employer@example.org')?.[0]?.body).toContain('uiterlijk op 2026-12-15');
    const requestId = res.body.requests[0].id;
    expect((await answerWithDocument(employer, id, requestId)).status).toBe(200);
    expect((await sendDue()).size).toBe(0);
  });

  it('a refusal: the worker receives the whole decision with grounds and appeal at the addresses they confirmed; the employer only the fact', async () => {
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    const admissible = await sendDue();
    expect(admissible.get(workerEmail)?.[0]?.body).toContain('De aanvraag is ontvankelijk.');
    expect(admissible.get('employer@example.org')?.[0]?.body).toContain('De aanvraag is ontvankelijk.');
    // The code sent to the form's address, confirmed, shows the worker controls it (Art. 24).
    await claimDossier(platform, worker, { ...(await employer.get(path(id))).body, ...draftSections });
    await sendDue();

    const refused = await flanders.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'refused',
      grounds: GROUNDS,
    });
    expect(refused.status).toBe(201);
    const sent = await sendDue();
    expect(new Set(sent.keys())).toEqual(
      new Set([workerEmail, 'worker@example.org', 'employer@example.org', 'mandatary@example.org']),
    );
    // The worker's own account hears the same decision, in the language the worker signed in with
    // (English); the form's address, which has no user behind it, in the dossier's.
    const [toAccount] = sent.get('worker@example.org') ?? [];
    expect(toAccount?.subject).toBe(`Decision on your application ${reference}`);
    expect(toAccount?.body).toContain(`Grounds: ${GROUNDS}`);

    const [toWorker] = sent.get(workerEmail) ?? [];
    expect(toWorker?.subject).toBe(`Beslissing over uw aanvraag ${reference}`);
    expect(toWorker?.body).toContain('De toelating tot arbeid wordt geweigerd.');
    expect(toWorker?.body).toContain(`Motivering: ${GROUNDS}`);
    expect(toWorker?.body).toContain('Rechtsgrond: Art. 18 §1 4°');
    expect(toWorker?.body).toContain('Beroep:');
    expect(toWorker?.body).toContain('Grounds: GROUNDS-51c9');
    expect(toWorker?.body).toContain('De beslissingsbrief (PDF) kunt u downloaden');

    const [toEmployer] = sent.get('employer@example.org') ?? [];
    expect(toEmployer?.body).toContain('negatieve beslissing');
    expect(toEmployer?.body).toContain('De kennisgeving van deze beslissing (PDF) kunt u downloaden');
    expect(toEmployer?.body).not.toContain('GROUNDS-51c9');
    expect(toEmployer?.body).not.toContain('geweigerd');
    expect(toEmployer?.body).not.toContain('refused');
    // The mandatary acts for the employer and is told the same: the fact, never the grounds.
    const [toMandatary] = sent.get('mandatary@example.org') ?? [];
    expect(toMandatary?.body).toBe(toEmployer?.body);
    expect(toMandatary?.body).not.toContain('GROUNDS-51c9');
    // No authority is sent an e-mail: they have their inbox of deliveries.
    expect([...sent.keys()].some((k) => /flanders|dvz/.test(k))).toBe(false);
  });

  it('a positive decision tells both what was decided and its validity; the issued visa the applicant', async () => {
    const { id: other, sections } = await filedSinglePermit(platform, employer);
    await sendDue();
    await flanders.post(path(other, '/admissibility'), { outcome: 'admissible' });
    await flanders.post(path(other, '/decisions'), {
      kind: 'work',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    await dvz.post(path(other, '/decisions'), {
      kind: 'residence',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    const sent = await sendDue();
    const toWorker = sent.get(sections.residence.email) ?? [];
    expect(toWorker.map((m) => m.body.split('\n')[0])).toEqual([
      expect.stringContaining('De aanvraag is ontvankelijk.'),
      expect.stringContaining('De toelating tot arbeid wordt toegekend.'),
      expect.stringContaining('De machtiging tot verblijf (gecombineerde vergunning) wordt toegekend.'),
    ]);
    expect(toWorker[2]?.body).toContain('Geldigheid: van 2027-02-01 tot 2028-01-31');
    expect(toWorker[2]?.body).not.toContain('Beroep');
    const toEmployer = sent.get('employer@example.org') ?? [];
    expect(toEmployer).toHaveLength(3);
    expect(toEmployer[2]?.body).toContain('wordt toegekend. Geldigheid: van 2027-02-01 tot 2028-01-31.');

    await post.post(path(other, '/issued'), { issuedOn: '2026-12-01', documentNumber: 'VISA-1' });
    const issued = await sendDue();
    expect([...issued.keys()]).toEqual(['employer@example.org', 'mandatary@example.org']);
    expect(issued.get('employer@example.org')?.[0]?.body).toContain('visum lang verblijf (visum D)');
  });

  it('a failure to send never undoes the decision: the message waits and goes out on a later run', async () => {
    const { id: third, sections } = await filedSinglePermit(platform, employer);
    await sendDue();
    const original = platform.messaging.send.bind(platform.messaging);
    platform.messaging.send = () => Promise.reject(new Error('mail relay down'));
    try {
      await flanders.post(path(third, '/admissibility'), { outcome: 'inadmissible', grounds: GROUNDS });
      const report = await dispatchDue(platform.deps, platform.clock.now());
      // The e-mails wait; the employer's and the mandatary's e-Box copies went out.
      expect(report.notifications).toEqual({ sent: 2, failed: 3 });
    } finally {
      platform.messaging.send = original;
    }
    // The employer knows the fact, not the kind: inadmissible reads as a negative decision (Art. 24).
    expect((await employer.get(path(third))).body.state).toBe('negative_decision');
    expect((await flanders.get(path(third))).body.state).toBe('inadmissible');
    const pending = await platform.deps.db
      .selectFrom('notification')
      .selectAll()
      .where('dossier_id', '=', third)
      .where('sent_at', 'is', null)
      .execute();
    expect(pending.map((n) => [n.attempts, n.last_error])).toEqual([
      [1, 'send_failed'],
      [1, 'send_failed'],
      [1, 'send_failed'],
    ]);
    platform.clock.advanceSeconds(30);
    const sent = await sendDue();
    // Nobody confirmed the form's address: it hears that a decision awaits, not which.
    const [toForm] = sent.get(sections.residence.email) ?? [];
    expect(toForm?.body).toContain('Meld u aan op het platform Working in Belgium en koppel het dossier');
    expect(toForm?.body).not.toContain('onontvankelijk');
    expect(toForm?.body).not.toContain('GROUNDS-51c9');
    expect(sent.get('employer@example.org')?.[0]?.body).not.toContain('GROUNDS-51c9');
    // Once sent, the outbox keeps no copy of the address or the text.
    const done = await platform.deps.db
      .selectFrom('notification')
      .select(['address', 'subject', 'body', 'sent_at'])
      .where('dossier_id', '=', third)
      .execute();
    expect(done.every((n) => n.address === null && n.body === null && n.subject === null && n.sent_at)).toBe(
      true,
    );
  });

  it('a worker address that is also the employer’s never receives the whole decision (Art. 24)', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    const shared = await employer.patch(path(draft.id), {
      residence: { ...draft.sections.residence, email: 'EMPLOYER@example.org' },
    });
    expect(shared.status).toBe(200);
    expect((await employer.post(path(draft.id, '/submit'))).status).toBe(200);
    await flanders.post(path(draft.id, '/admissibility'), { outcome: 'admissible' });
    await sendDue();
    await flanders.post(path(draft.id, '/decisions'), { kind: 'work', outcome: 'refused', grounds: GROUNDS });
    const sent = await sendDue();
    expect(new Set(sent.keys())).toEqual(new Set(['employer@example.org', 'mandatary@example.org']));
    for (const messages of sent.values())
      for (const m of messages) {
        expect(m.body).not.toContain('GROUNDS-51c9');
        expect(m.body).not.toContain('geweigerd');
      }
    // The whole decision waits for the worker on the platform.
    const kept = await platform.deps.db
      .selectFrom('subject_message')
      .select('body')
      .where('dossier_id', '=', draft.id)
      .execute();
    expect(kept.some((m) => m.body.includes('GROUNDS-51c9'))).toBe(true);
  });
});
