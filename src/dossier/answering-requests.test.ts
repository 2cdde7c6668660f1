import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { answerWithDocument, filedSinglePermit } from '../../test/scenarios.js';

/** Decision 0007: only an answer that supplies a new document ends the suspension (Art. 20 §4, R-PROC-7). */
let platform: TestPlatform;
let employer: Client, flanders: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders] = await platform.loginAll(['employer', 'flanders'] as const);
});
afterAll(() => platform.close());

const path = (id: string, rest = '') => `/api/v1/dossiers/${id}${rest}`;

async function advanceDays(days: number) {
  platform.clock.advanceDays(days);
  await Promise.all([employer, flanders].map((c) => c.signInAgain()));
}

describe('an answer to a request for documents', () => {
  it('that adds nothing is refused and the clock stays suspended; a new document ends the suspension', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const before = (await employer.get(path(id))).body;
    const draftDocument = before.documents[0].id as string;
    const asked = await flanders.post(path(id, '/requests'), {
      dueDate: '2026-12-20',
      items: [{ documentType: 'diploma', description: 'Copy of the diploma' }],
    });
    expect(asked.status).toBe(201);
    const requestId = asked.body.requests[0].id as string;
    await advanceDays(4);

    const empty = await employer.post(path(id, `/requests/${requestId}/answer`), {
      documentIds: [],
      message: 'We have nothing more to add.',
    });
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({
      code: 'answer_adds_nothing',
      type: '/api/problems/answer_adds_nothing',
    });
    // A document the authority already had adds nothing either.
    const old = await employer.post(path(id, `/requests/${requestId}/answer`), {
      documentIds: [draftDocument],
    });
    expect(old.status).toBe(422);
    expect(old.body.code).toBe('answer_adds_nothing');

    const still = (await employer.get(path(id))).body;
    expect(still.state).toBe('incomplete');
    expect(still.requests[0].answeredAt ?? null).toBeNull();
    expect(still.clock).toMatchObject({ status: 'suspended', suspendedDays: 4, dueDate: '2027-02-25' }); // 2026-11-23 + 90 + 4

    await advanceDays(3);
    const answered = await answerWithDocument(employer, id, requestId, 'diploma');
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('filed');
    expect(answered.body.clock).toMatchObject({ status: 'running', suspendedDays: 7, dueDate: '2027-02-28' });
    await advanceDays(2);
    expect((await employer.get(path(id))).body.clock).toMatchObject({
      status: 'running',
      dueDate: '2027-02-28',
    });
  });

  it('is refused in the applicant’s language', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const asked = await flanders.post(path(id, '/requests'), {
      dueDate: '2026-12-20',
      items: [{ description: 'Signed contract' }],
    });
    const inDutch = await platform.login('employer', 'nl');
    const res = await inDutch.post(path(id, `/requests/${asked.body.requests[0].id}/answer`), {
      documentIds: [],
    });
    expect(res.status).toBe(422);
    expect(res.body.title).toMatch(/^Uw antwoord bevat geen nieuw document/);
  });
});
