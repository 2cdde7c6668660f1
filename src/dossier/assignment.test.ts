import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { addColleague } from '../../test/users.js';

let platform: TestPlatform;
let employer: Client, flanders: Client, colleague: Client, wallonia: Client, dvz: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, wallonia, dvz] = await platform.loginAll([
    'employer',
    'flanders',
    'wallonia',
    'dvz',
  ] as const);
  await addColleague(platform, 'flanders', 'flanders2');
  colleague = await platform.login('flanders2', 'nl');
});
afterAll(() => platform.close());

const assignment = (id: string) => `/api/v1/dossiers/${id}/assignment`;
const queue = async (client: Client, assigned: string) =>
  (await client.get(`/api/v1/dossiers?assigned=${assigned}&limit=200`)).body.items.map(
    (i: { id: string }) => i.id,
  );

describe('an examiner takes a dossier from the queue (issue: assign a dossier to oneself)', () => {
  it('shows who handles it to the colleagues, who may take it over but not hand it back for them', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    expect((await flanders.get(assignment(id))).body).toEqual({ assignee: null });
    expect(await queue(flanders, 'unassigned')).toContain(id);

    const taken = await flanders.request('PUT', assignment(id));
    expect(taken.status).toBe(200);
    expect(taken.body.assignee).toMatchObject({ name: 'Flor Flanders (demo)', isMe: true });
    expect(await queue(flanders, 'me')).toContain(id);
    expect(await queue(flanders, 'unassigned')).not.toContain(id);

    const seenByColleague = await colleague.get(`/api/v1/dossiers?limit=200`);
    expect(seenByColleague.body.items.find((i: { id: string }) => i.id === id).assignee).toEqual({
      name: 'Flor Flanders (demo)',
      isMe: false,
    });
    expect(await queue(colleague, 'me')).not.toContain(id);

    const refused = await colleague.delete(assignment(id));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('not_assigned_to_you');
    expect(refused.body.title).toContain('niet aan u toegewezen');

    expect((await colleague.request('PUT', assignment(id))).body.assignee).toMatchObject({ isMe: true });
    expect((await flanders.get(assignment(id))).body.assignee).toMatchObject({
      name: 'flanders2 (test)',
      isMe: false,
    });
    expect((await colleague.delete(assignment(id))).body).toEqual({ assignee: null });

    const audit = await platform.deps.db
      .selectFrom('audit_trail')
      .select('kind')
      .where('dossier_id', '=', id)
      .where('kind', 'in', ['dossier_assigned', 'dossier_released'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.kind)).toEqual(['dossier_assigned', 'dossier_assigned', 'dossier_released']);
  });

  it('is kept per authority: DVZ’s handler is not the region’s', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    await flanders.post(`/api/v1/dossiers/${id}/admissibility`, { outcome: 'admissible' });
    await flanders.request('PUT', assignment(id));
    expect((await dvz.get(assignment(id))).body).toEqual({ assignee: null });
    expect((await dvz.request('PUT', assignment(id))).body.assignee).toMatchObject({
      name: 'Dirk DVZ (demo)',
    });
    expect((await flanders.get(assignment(id))).body.assignee).toMatchObject({
      name: 'Flor Flanders (demo)',
    });
  });

  it('is refused to those who do not examine the dossier, and changes nothing', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    expect((await employer.request('PUT', assignment(id))).status).toBe(403);
    expect((await wallonia.request('PUT', assignment(id))).status).toBe(404);
    // DVZ does not see a single permit before it is admissible.
    expect((await dvz.request('PUT', assignment(id))).status).toBe(404);
    expect((await flanders.get(assignment(id))).body).toEqual({ assignee: null });
  });
});
