import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { admissibleSinglePermit } from '../../test/exchange.js';
import { claimDossier } from '../../test/scenarios.js';
import { addColleague } from '../../test/users.js';

let platform: TestPlatform;
let employer: Client, flanders: Client, dvz: Client, worker: Client, otherWorker: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, dvz, worker] = await platform.loginAll([
    'employer',
    'flanders',
    'dvz',
    'worker',
  ] as const);
  await addColleague(platform, 'worker', 'worker2');
  otherWorker = await platform.login('worker2');
});
afterAll(() => platform.close());

const GROUNDS = 'GROUNDS-inbox-5c1d: the employment contract does not name a salary';

describe('the worker’s inbox of decisions (Art. 20 §5, Art. 24)', () => {
  it('holds each decision with its grounds once the dossier is claimed, and only for its claimant', async () => {
    const draft = await admissibleSinglePermit(platform, { employer, flanders, dvz });
    await flanders.post(`/api/v1/dossiers/${draft.id}/decisions`, {
      kind: 'work',
      outcome: 'refused',
      grounds: GROUNDS,
    });
    // Before the claim, nothing: the platform does not know who the worker is.
    expect((await worker.get('/api/v1/messages')).body).toEqual({ items: [], nextCursor: null, unread: 0 });

    await claimDossier(platform, worker, draft);
    expect((await worker.get('/api/v1/messages?limit=0')).body).toMatchObject({ items: [], unread: 2 });
    const inbox = await worker.get('/api/v1/messages');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(2);
    // One for admissibility, one for the refusal: only the refusal carries its grounds, in full.
    const withGrounds = inbox.body.items.filter((m: { body: string }) => m.body.includes(GROUNDS));
    expect(withGrounds).toHaveLength(1);
    const refusal = withGrounds[0];
    expect(refusal).toMatchObject({ dossierId: draft.id, reference: draft.reference, readAt: null });

    // The employer's inbox tells of the same step without the grounds.
    const employerInbox = await employer.get('/api/v1/messages?limit=200');
    const employerCopy = employerInbox.body.items.filter(
      (m: { dossierId: string }) => m.dossierId === draft.id,
    );
    expect(employerCopy.length).toBeGreaterThan(0);
    expect(JSON.stringify(employerCopy)).not.toContain('GROUNDS-inbox');

    // Someone else with a worker account neither sees nor marks it.
    expect((await otherWorker.get('/api/v1/messages')).body.items).toEqual([]);
    expect((await otherWorker.post(`/api/v1/messages/${refusal.id}/read`)).status).toBe(404);

    const marked = await worker.post(`/api/v1/messages/${refusal.id}/read`);
    expect(marked.status).toBe(200);
    expect(marked.body.readAt).not.toBeNull();
    expect((await worker.post(`/api/v1/messages/${refusal.id}/read`)).body.readAt).toBe(marked.body.readAt);
    expect((await worker.get('/api/v1/messages?limit=0')).body.unread).toBe(1);
    expect((await worker.get('/api/v1/messages?unread=true')).body.items).toHaveLength(1);
  });
});
