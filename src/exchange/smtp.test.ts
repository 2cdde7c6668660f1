import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path } from '../../test/exchange.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { dispatchDue } from './dispatcher.js';
import { SmtpError, smtpMessaging, type SmtpMessaging } from './smtp.js';

let smtp: TestSmtp;
let adapter: SmtpMessaging;
let platform: TestPlatform;
let employer: Client, flanders: Client, worker: Client;

const FROM = 'Working in Belgium <no-reply@example.be>';
const GROUNDS = 'GROUNDS-93af: de loonvoorwaarde is niet vervuld';

beforeAll(async () => {
  smtp = await startSmtp();
  adapter = smtpMessaging({ url: smtp.url, from: FROM, timeoutMs: 3000 });
  // The platform's e-mail goes through the adapter to the SMTP server, as with SMTP_URL set.
  platform = await startPlatform({}, { email: adapter });
  employer = await platform.login('employer', 'nl');
  [flanders, worker] = await platform.loginAll(['flanders', 'worker'] as const);
});
afterAll(async () => {
  await platform.close();
  adapter.close();
  await smtp.close();
});

const receivedBy = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));

/** A port on the loopback where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

describe('the SMTP adapter (SMTP_URL)', () => {
  it('a message arrives with its recipient, subject, body and language', async () => {
    await adapter.send({
      to: 'ursula@example.org',
      language: 'de',
      subject: 'Ihr Code für Working in Belgium',
      body: 'Erste Zeile.\nZweite Zeile – mit Umlauten: äöü.',
    });
    const [m] = receivedBy('ursula@example.org');
    expect(m).toMatchObject({
      envelopeTo: ['ursula@example.org'],
      to: 'ursula@example.org',
      from: expect.stringContaining('<no-reply@example.be>'),
      subject: 'Ihr Code für Working in Belgium',
      contentLanguage: 'de',
    });
    expect(m?.text.trim()).toBe('Erste Zeile.\nZweite Zeile – mit Umlauten: äöü.');
  });

  it('a refused recipient or an unreachable server is a failure that names neither', async () => {
    smtp.refuse = true;
    try {
      const refused = adapter.send({ to: 'refused@example.org', language: 'en', subject: 's', body: 'b' });
      await expect(refused).rejects.toBeInstanceOf(SmtpError);
      await expect(refused).rejects.not.toThrow(/refused@example\.org|127\.0\.0\.1/);
    } finally {
      smtp.refuse = false;
    }
    const port = await closedPort();
    const nowhere = smtpMessaging({
      url: `smtp://relay:s3cret@127.0.0.1:${port}`,
      from: FROM,
      timeoutMs: 2000,
    });
    const unreachable = nowhere.send({ to: 'x@example.org', language: 'en', subject: 's', body: 'b' });
    await expect(unreachable).rejects.toBeInstanceOf(SmtpError);
    await expect(unreachable).rejects.not.toThrow(/x@example\.org|s3cret/);
    nowhere.close();
    const wrongPassword = smtpMessaging({ url: smtp.url.replace('s3cret', 'wrong'), from: FROM });
    await expect(
      wrongPassword.send({ to: 'y@example.org', language: 'en', subject: 's', body: 'b' }),
    ).rejects.toBeInstanceOf(SmtpError);
    wrongPassword.close();
    expect(receivedBy('refused@example.org')).toEqual([]);
  });

  it('a notice the server refuses is retried by the dispatcher and goes out once it accepts', async () => {
    smtp.refuse = true;
    const draft = await filedSinglePermit(platform, employer);
    const reference = draft.reference;
    try {
      const report = await dispatchDue(platform.deps, platform.clock.now());
      // The employer's and the mandatary's e-mails wait; their e-Box copies went out.
      expect(report.notifications).toEqual({ sent: 2, failed: 2 });
    } finally {
      smtp.refuse = false;
    }
    const waiting = await platform.deps.db
      .selectFrom('notification')
      .select(['last_error', 'next_attempt_at'])
      .where('dossier_id', '=', draft.id)
      .where('sent_at', 'is', null)
      .execute();
    expect(
      waiting.map((n) => [n.last_error, n.next_attempt_at.getTime() - platform.clock.now().getTime()]),
    ).toEqual([
      ['send_failed', 30_000],
      ['send_failed', 30_000],
    ]);
    // Not before its time; then once.
    expect((await dispatchDue(platform.deps, platform.clock.now())).notifications).toEqual({
      sent: 0,
      failed: 0,
    });
    platform.clock.advanceSeconds(30);
    expect((await dispatchDue(platform.deps, platform.clock.now())).notifications).toEqual({
      sent: 2,
      failed: 0,
    });
    for (const address of ['employer@example.org', 'mandatary@example.org']) {
      expect(receivedBy(address)).toEqual([
        expect.objectContaining({ subject: `Aanvraag ${reference} ingediend`, contentLanguage: 'nl' }),
      ]);
    }
  });

  it('a decision goes out by SMTP: the whole of it to the worker’s confirmed address, the bare fact to the employer', async () => {
    await employer.signInAgain();
    await flanders.signInAgain();
    await worker.signInAgain();
    const draft = await filedSinglePermit(platform, employer);
    // The worker confirms the form's address with the code it received there (Art. 24).
    const address = draft.sections.residence.email;
    const seen = receivedBy(address).length;
    const claim = await worker.post('/api/v1/claims', {
      reference: draft.reference,
      passportNumber: draft.sections.residence.passportNumber,
      birthDate: draft.sections.identity.birthDate,
    });
    const mail = receivedBy(address).at(seen);
    const code = mail?.text.match(/\b\d{6}\b/g)?.at(-1) ?? '';
    const confirmed = await worker.post(`/api/v1/claims/${String(claim.body.claimId)}/confirm`, { code });
    expect(confirmed.status).toBe(200);
    await flanders.post(path(draft.id, '/admissibility'), { outcome: 'admissible' });
    const refused = await flanders.post(path(draft.id, '/decisions'), {
      kind: 'work',
      outcome: 'refused',
      grounds: GROUNDS,
    });
    expect(refused.status).toBe(201);
    const before = smtp.received.length;
    await dispatchDue(platform.deps, platform.clock.now());
    const sent = smtp.received.slice(before);
    const toWorker = sent.filter((m) => m.envelopeTo.includes(draft.sections.residence.email));
    const toEmployer = sent.filter((m) => m.envelopeTo.includes('employer@example.org'));
    expect(toWorker.at(-1)?.text).toContain(GROUNDS);
    expect(toEmployer.at(-1)?.text).toContain('negatieve beslissing');
    expect(toEmployer.at(-1)?.text).not.toContain('GROUNDS-93af');
  });

  it('the claim code reaches the worker’s address by SMTP, and it works', async () => {
    await employer.signInAgain();
    await worker.signInAgain();
    const draft = await filedSinglePermit(platform, employer);
    const address = draft.sections.residence.email;
    const before = receivedBy(address).length;
    const claim = await worker.post('/api/v1/claims', {
      reference: draft.reference,
      passportNumber: draft.sections.residence.passportNumber,
      birthDate: draft.sections.identity.birthDate,
    });
    expect(claim.status).toBe(202);
    const [mail] = receivedBy(address).slice(before);
    expect(mail).toMatchObject({ subject: 'Your code for Working in Belgium', contentLanguage: 'en' });
    expect(mail?.text).toContain(draft.reference);
    // The code is the last six digits: the reference ends in six as well.
    const code = mail?.text.match(/\b\d{6}\b/g)?.at(-1) ?? '';
    const confirmed = await worker.post(`/api/v1/claims/${String(claim.body.claimId)}/confirm`, { code });
    expect(confirmed.status).toBe(200);
    // Nothing was written to the in-memory recorder: the SMTP server is where messages went.
    expect(platform.messaging.sent).toEqual([]);
  });
});
