import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, refuseWork } from '../../test/exchange.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { enterpriseNumberFrom } from '../demo/fixtures.js';
import { dispatchDue } from './dispatcher.js';

let platform: TestPlatform;
let employer: Client, selfemployed: Client, flanders: Client, worker: Client;

beforeAll(async () => {
  platform = await startPlatform();
  employer = await platform.login('employer', 'nl');
  [selfemployed, flanders, worker] = await platform.loginAll(['selfemployed', 'flanders', 'worker'] as const);
});
afterAll(() => platform.close());

const GROUNDS = 'GROUNDS-7e21: het loon is te laag';

interface Item {
  id: string;
  dossierId: string;
  reference: string;
  subject: string;
  body: string;
  readAt: string | null;
}

describe('the inbox of messages (Art. 20 §5)', () => {
  let id = '';
  let reference = '';

  it('filing leaves a message in the applicant organisation’s inbox, in the dossier’s language, linked to it', async () => {
    const draft = await filedSinglePermit(platform, employer);
    id = draft.id;
    reference = (await employer.get(path(id))).body.reference;
    const res = await employer.get<{ items: Item[]; nextCursor: string | null; unread: number }>(
      '/api/v1/messages',
    );
    expect(res.status).toBe(200);
    expect(res.body.unread).toBe(1);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      dossierId: id,
      reference,
      subject: `Aanvraag ${reference} ingediend`,
      readAt: null,
    });
  });

  it('the message stays after the e-mail copy is sent and erased', async () => {
    await dispatchDue(platform.deps, platform.clock.now());
    const outbox = await platform.deps.db
      .selectFrom('notification')
      .select(['body'])
      .where('dossier_id', '=', id)
      .execute();
    expect(outbox.every((n) => n.body === null)).toBe(true);
    const res = await employer.get<{ items: Item[] }>('/api/v1/messages');
    expect(res.body.items[0]?.body).toContain('werd op 2026-11-23 ingediend');
  });

  it('a negative decision: the employer’s inbox holds the fact, never the grounds; newest first', async () => {
    await refuseWork(flanders, id, GROUNDS);
    const res = await employer.get<{ items: Item[]; unread: number }>('/api/v1/messages');
    expect(res.body.items).toHaveLength(3);
    expect(res.body.unread).toBe(3);
    expect(JSON.stringify(res.body)).not.toContain('GROUNDS-7e21');
    expect(res.body.items[0]?.subject).toContain(reference);
  });

  it('pages with a cursor and filters unread', async () => {
    const first = await employer.get<{ items: Item[]; nextCursor: string | null }>(
      '/api/v1/messages?limit=2',
    );
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await employer.get<{ items: Item[]; nextCursor: string | null }>(
      `/api/v1/messages?limit=2&cursor=${first.body.nextCursor ?? ''}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(3);
    expect((await employer.get('/api/v1/messages?cursor=nonsense')).status).toBe(422);
  });

  it('marking read is done once and lowers the unread count', async () => {
    const list = await employer.get<{ items: Item[] }>('/api/v1/messages');
    const messageId = list.body.items[0]?.id ?? '';
    const read = await employer.post<Item>(`/api/v1/messages/${messageId}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    platform.clock.advanceSeconds(60);
    const again = await employer.post<Item>(`/api/v1/messages/${messageId}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    const after = await employer.get<{ unread: number; items: Item[] }>('/api/v1/messages?unread=true');
    expect(after.body.unread).toBe(2);
    expect(after.body.items.map((i) => i.id)).not.toContain(messageId);
  });

  it('is read through the gate: each dossier a page names is logged as a read of its decisions', async () => {
    const reads = () =>
      platform.deps.db
        .selectFrom('access_log')
        .select(['categories', 'purpose'])
        .where('dossier_id', '=', id)
        .where('organisation_id', '=', platform.directory.organisations.employer ?? '')
        .execute();
    const before = (await reads()).length;
    expect((await employer.get('/api/v1/messages')).status).toBe(200);
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({
      categories: ['admin'],
      purpose: 'Follow-up of own application (Art. 19-20)',
    });
    // Counting the unread reads no message and logs nothing.
    expect((await employer.get('/api/v1/messages?limit=0')).status).toBe(200);
    expect(await reads()).toHaveLength(before + 1);
  });

  it('another organisation neither lists nor marks the employer’s messages', async () => {
    const list = await employer.get<{ items: Item[] }>('/api/v1/messages');
    const messageId = list.body.items[1]?.id ?? '';
    const other = await selfemployed.get<{ items: Item[] }>('/api/v1/messages');
    expect(other.status).toBe(200);
    expect(other.body.items.map((i) => i.dossierId)).not.toContain(id);
    expect((await selfemployed.post(`/api/v1/messages/${messageId}/read`)).status).toBe(404);
    expect((await flanders.get('/api/v1/messages')).status).toBe(403);
    // A worker has an inbox of their own claimed dossiers (subject-inbox.test.ts).
    const workerInbox = await worker.get<{ items: Item[] }>('/api/v1/messages');
    expect(workerInbox.body.items.map((i) => i.dossierId)).not.toContain(id);
    expect((await worker.post(`/api/v1/messages/${messageId}/read`)).status).toBe(404);
  });
});

describe('enterprise data from the Crossroads Bank for Enterprises (Art. 20 §2 3°)', () => {
  const number = enterpriseNumberFrom(42);

  it('answers the name and seat of a valid number, in any usual notation', async () => {
    const res = await employer.get(
      `/api/v1/enterprises/BE${number.slice(0, 4)}.${number.slice(4, 7)}.${number.slice(7)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      enterpriseNumber: number,
      name: expect.stringContaining('(fictitious)'),
      status: 'active',
      seat: { street: expect.any(String), postcode: expect.any(String), municipality: expect.any(String) },
    });
  });

  it('refuses a number whose check digits are wrong with a catalogued 422', async () => {
    const wrong = `${number.slice(0, 8)}${String((Number(number.slice(8)) % 97) + 1).padStart(2, '0')}`;
    const res = await employer.get(`/api/v1/enterprises/${wrong}`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      type: expect.stringContaining('validation_failed'),
      errors: [{ field: 'params.number', code: 'invalid_enterprise_number' }],
    });
  });

  it('answers 404 for a number the register does not hold, 503 when it does not answer', async () => {
    // The fake's serial digits 890 mean "not found", 891 "the source fails".
    const withSerial = (serial: string) => {
      const base = `0${serial.padStart(7, '0')}`;
      return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
    };
    expect((await employer.get(`/api/v1/enterprises/${withSerial('1234890')}`)).status).toBe(404);
    expect((await employer.get(`/api/v1/enterprises/${withSerial('1234891')}`)).status).toBe(503);
  });

  it('is for applicants signed in only', async () => {
    expect((await flanders.get(`/api/v1/enterprises/${number}`)).status).toBe(403);
    expect((await worker.get(`/api/v1/enterprises/${number}`)).status).toBe(403);
  });
});
