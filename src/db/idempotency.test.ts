import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { filedSinglePermit } from '../../test/scenarios.js';

let platform: TestPlatform;
let employer: Client;
let flanders: Client;
beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders] = await platform.loginAll(['employer', 'flanders']);
});
afterAll(() => platform.close());

describe('concurrent retries with one Idempotency-Key', () => {
  it('answer eight times the same 201 and record one action', async () => {
    const body = { procedure: 'single_permit', category: 'single_permit' };
    const key = { 'idempotency-key': 'concurrent-retry-0001' };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => employer.post('/api/v1/dossiers', body, key)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array<number>(8).fill(201));
    const first = JSON.stringify(answers[0]?.body);
    for (const answer of answers) expect(JSON.stringify(answer.body)).toBe(first);
    const actions = await platform.deps.db
      .selectFrom('dossier_action')
      .select(['dossier_id'])
      .where('actor_user_id', '=', platform.directory.users.employer ?? '')
      .where('idempotency_key', '=', 'concurrent-retry-0001')
      .execute();
    expect(actions).toHaveLength(1);
    expect(actions[0]?.dossier_id).toBe((answers[0]?.body as { id: string }).id);
  });

  it('answer eight times the same decision on a filed dossier, logged once', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    const key = { 'idempotency-key': `admissible-concurrent-${id}` };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        flanders.post(`/api/v1/dossiers/${id}/admissibility`, { outcome: 'admissible' }, key),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array<number>(8).fill(200));
    const first = JSON.stringify(answers[0]?.body);
    for (const answer of answers) expect(JSON.stringify(answer.body)).toBe(first);
    const logged = await platform.deps.db
      .selectFrom('dossier_action')
      .select('seq')
      .where('dossier_id', '=', id)
      .where('action', '=', 'declare_admissible')
      .execute();
    expect(logged).toHaveLength(1);
  });
});
