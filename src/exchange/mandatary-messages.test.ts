import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, refuseWork } from '../../test/exchange.js';
import { completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';
import { enterpriseNumberFrom } from '../demo/fixtures.js';
import { newId } from '../platform/ids.js';
import { dispatchDue } from './dispatcher.js';
import { routedMessaging, type Message } from './messaging.js';

/*
 * Mandataries receive the messages of the dossiers under their mandate (Art. 20 §5): in their
 * inbox on the platform, by e-mail to their users and in their e-Box Enterprise; like the employer
 * they learn only the fact of a negative decision (Art. 24). The demo mandate covers all of the
 * demo employer's dossiers; a second mandatary here holds a mandate for one dossier.
 */

let platform: TestPlatform;
let employer: Client, mandatary: Client, flanders: Client, second: Client;
let secondOrganisationId = '';
const SECOND_ENTERPRISE = enterpriseNumberFrom(77);

const GROUNDS = 'GROUNDS-4d1c: het loon ligt onder de drempel';

interface Item {
  dossierId: string;
  reference: string;
  subject: string;
  body: string;
}

beforeAll(async () => {
  platform = await startPlatform();
  employer = await platform.login('employer', 'nl');
  // The mandatary works in Dutch: it reads its messages, and receives its e-mails, in Dutch.
  mandatary = await platform.login('mandatary', 'nl');
  flanders = await platform.login('flanders');
  // A second mandatary, with one user who signs in with the demo password.
  const db = platform.deps.db;
  secondOrganisationId = newId();
  await db
    .insertInto('organisation')
    .values({
      id: secondOrganisationId,
      kind: 'mandatary',
      name: 'Second Social Secretariat (test)',
      enterprise_number: SECOND_ENTERPRISE,
    })
    .execute();
  const { password_hash } = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('username', '=', 'employer')
    .executeTakeFirstOrThrow();
  const userId = newId();
  await db
    .insertInto('app_user')
    .values({
      id: userId,
      username: 'second',
      display_name: 'Second (test)',
      email: 'second@example.org',
      password_hash,
    })
    .execute();
  await db
    .insertInto('membership')
    .values({ user_id: userId, organisation_id: secondOrganisationId, roles: ['member'] })
    .execute();
  second = await platform.login('second', 'nl');
});
afterAll(() => platform.close());

async function enterpriseNumberOf(key: string): Promise<string> {
  const row = await platform.deps.db
    .selectFrom('organisation')
    .select('enterprise_number')
    .where('id', '=', platform.directory.organisations[key] ?? '')
    .executeTakeFirstOrThrow();
  return row.enterprise_number ?? '';
}

/** Sends what is due; answers the e-mails by address and the e-Box publications by enterprise. */
async function sendDue() {
  const mails = platform.messaging.sent.length;
  const boxes = platform.ebox.published.length;
  await dispatchDue(platform.deps, platform.clock.now());
  const byAddress = new Map<string, Message[]>();
  for (const m of platform.messaging.sent.slice(mails))
    byAddress.set(m.to, [...(byAddress.get(m.to) ?? []), m]);
  return { mail: byAddress, ebox: platform.ebox.published.slice(boxes) };
}

const inbox = async (client: Client) => (await client.get<{ items: Item[] }>('/api/v1/messages')).body.items;

describe('the mandatary of an employer is told what the employer is told', () => {
  let id = '';
  let reference = '';

  it('filing: the mandatary finds the message in its inbox, by e-mail and in its e-Box', async () => {
    const draft = await filedSinglePermit(platform, employer);
    id = draft.id;
    reference = draft.reference;
    const [message] = await inbox(mandatary);
    expect(message).toMatchObject({ dossierId: id, reference, subject: `Aanvraag ${reference} ingediend` });

    const sent = await sendDue();
    expect(sent.mail.get('mandatary@example.org')?.[0]?.subject).toBe(`Aanvraag ${reference} ingediend`);
    const mandataryEnterprise = await enterpriseNumberOf('mandatary');
    const employerEnterprise = await enterpriseNumberOf('employer');
    const published = sent.ebox.map((m) => [m.enterpriseNumber, m.language, m.subject]);
    expect(published.sort()).toEqual([
      [employerEnterprise, 'nl', `Aanvraag ${reference} ingediend`],
      [mandataryEnterprise, 'nl', `Aanvraag ${reference} ingediend`],
    ]);
  });

  it('a refusal: the mandatary learns the fact, never the grounds — inbox, e-mail and e-Box alike', async () => {
    await refuseWork(flanders, id, GROUNDS);
    const messages = await inbox(mandatary);
    const fact = messages.find((m) => m.body.includes('negatieve beslissing'));
    expect(fact).toBeDefined();
    expect(messages.some((m) => m.body.includes('GROUNDS-4d1c'))).toBe(false);
    const employerFact = (await inbox(employer)).find((m) => m.body.includes('negatieve beslissing'));
    expect(fact?.body).toBe(employerFact?.body);

    const sent = await sendDue();
    const mail = sent.mail.get('mandatary@example.org') ?? [];
    expect(mail.some((m) => m.body.includes('negatieve beslissing'))).toBe(true);
    expect(mail.every((m) => !m.body.includes('GROUNDS-4d1c'))).toBe(true);
    expect(sent.ebox.length).toBeGreaterThan(0);
    expect(sent.ebox.every((m) => !m.body.includes('GROUNDS-4d1c'))).toBe(true);
  });

  it('a mandate for one dossier: that mandatary hears of that dossier only', async () => {
    const mandated = await completeSinglePermitDraft(platform, employer);
    const granted = await employer.post('/api/v1/mandates', {
      mandataryOrganisationId: secondOrganisationId,
      dossierId: mandated.id,
      validFrom: '2026-11-01T00:00:00Z',
    });
    expect(granted.status).toBe(201);
    expect((await employer.post(path(mandated.id, '/submit'))).status).toBe(200);
    const other = await filedSinglePermit(platform, employer);

    expect((await inbox(second)).map((m) => m.reference)).toEqual([mandated.reference]);
    const sent = await sendDue();
    expect(sent.mail.get('second@example.org')?.map((m) => m.subject)).toEqual([
      `Aanvraag ${mandated.reference} ingediend`,
    ]);
    expect(sent.ebox.filter((m) => m.enterpriseNumber === SECOND_ENTERPRISE).map((m) => m.subject)).toEqual([
      `Aanvraag ${mandated.reference} ingediend`,
    ]);
    expect(sent.mail.get('second@example.org')?.some((m) => m.subject.includes(other.reference))).toBe(false);

    // Revoked: no more messages, and what it was sent leaves its inbox with its access.
    const mandateId = String(granted.body.id);
    expect((await employer.delete(`/api/v1/mandates/${mandateId}`)).status).toBe(204);
    await flanders.post(path(mandated.id, '/admissibility'), { outcome: 'admissible' });
    const after = await sendDue();
    expect(after.mail.has('second@example.org')).toBe(false);
    expect(after.mail.has('employer@example.org')).toBe(true);
    expect(after.ebox.some((m) => m.enterpriseNumber === SECOND_ENTERPRISE)).toBe(false);
    expect(await inbox(second)).toEqual([]);
  });

  it('an e-Box that fails is retried by the dispatcher like an e-mail', async () => {
    platform.ebox.failNext(2);
    const draft = await filedSinglePermit(platform, employer);
    const first = await dispatchDue(platform.deps, platform.clock.now());
    expect(first.notifications).toEqual({ sent: 2, failed: 2 });
    const waiting = await platform.deps.db
      .selectFrom('notification')
      .select(['recipient_role', 'last_error'])
      .where('dossier_id', '=', draft.id)
      .where('sent_at', 'is', null)
      .orderBy('recipient_role')
      .execute();
    expect(waiting).toEqual([
      { recipient_role: 'applicant', last_error: 'send_failed' },
      { recipient_role: 'mandatary', last_error: 'send_failed' },
    ]);
    platform.clock.advanceSeconds(30);
    const before = platform.ebox.published.length;
    expect((await dispatchDue(platform.deps, platform.clock.now())).notifications).toEqual({
      sent: 2,
      failed: 0,
    });
    expect(platform.ebox.published.slice(before).map((m) => m.subject)).toEqual([
      `Aanvraag ${draft.reference} ingediend`,
      `Aanvraag ${draft.reference} ingediend`,
    ]);
  });

  it('without an e-Box channel (production today) an e-Box notice is given up at once; e-mail still goes', async () => {
    const draft = await filedSinglePermit(platform, employer);
    // As production wires it: e-mail by the configured channel, no e-Box adapter.
    const production = { ...platform.deps, messaging: routedMessaging(platform.messaging, undefined) };
    const report = await dispatchDue(production, platform.clock.now());
    expect(report.notifications).toEqual({ sent: 2, failed: 2 });
    const rows = await platform.deps.db
      .selectFrom('notification')
      .select(['recipient_role', 'recipient_user_id', 'sent_at', 'gave_up_at', 'last_error'])
      .where('dossier_id', '=', draft.id)
      .execute();
    const ebox = rows.filter((r) => r.recipient_user_id === null);
    expect(ebox.map((r) => [r.recipient_role, r.last_error, r.gave_up_at !== null]).sort()).toEqual([
      ['applicant', 'no_channel', true],
      ['mandatary', 'no_channel', true],
    ]);
    expect(rows.filter((r) => r.recipient_user_id !== null).every((r) => r.sent_at !== null)).toBe(true);
    // Nothing is left to retry.
    platform.clock.advanceSeconds(3600);
    expect((await dispatchDue(platform.deps, platform.clock.now())).notifications).toEqual({
      sent: 0,
      failed: 0,
    });
  });
});
