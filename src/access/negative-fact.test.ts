import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path } from '../../test/exchange.js';
import { claimDossier, filedSinglePermit } from '../../test/scenarios.js';
import { dispatchDue } from '../exchange/dispatcher.js';

/*
 * Art. 24: a party that may know only the fact of a negative decision learns nothing of its kind —
 * not from the state, a list row, the history, its inbox, its deliveries or the messages it is sent.
 */

let platform: TestPlatform;
let employer: Client, mandatary: Client, flanders: Client, dvz: Client, inspection: Client;
let operator: Client, worker: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, mandatary, flanders, dvz, inspection, operator, worker] = await platform.loginAll([
    'employer',
    'mandatary',
    'flanders',
    'dvz',
    'inspection',
    'operator',
    'worker',
  ] as const);
});
afterAll(() => platform.close());

const GROUNDS = 'GROUNDS-7f3e: salary under the threshold';
/** Words that would tell which negative decision it was, in any of the four languages or the API. */
const KIND =
  /refus|geweigerd|verweigert|abgelehnt|inadmissible|ontvankelijk|withdraw|ingetrokken|GROUNDS-7f3e/i;
const purposeful = { 'x-purpose': 'Control visit file CTRL-2026-0107' };

describe('only the fact of a negative decision (Art. 24)', () => {
  let id = '';
  let reference = '';

  beforeAll(async () => {
    const filed = await filedSinglePermit(platform, employer);
    id = filed.id;
    reference = filed.reference;
    await claimDossier(platform, worker, filed);
    await flanders.post(path(id, '/admissibility'), { outcome: 'admissible' });
    const refused = await flanders.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'refused',
      grounds: GROUNDS,
    });
    expect(refused.status).toBe(201);
    await dispatchDue(platform.deps, platform.clock.now());
  });

  it('the worker and the deciding region keep the precise state; the worker reads the grounds', async () => {
    expect((await flanders.get(path(id))).body.state).toBe('work_refused');
    const own = await worker.get(path(id));
    expect(own.body.state).toBe('work_refused');
    expect(JSON.stringify(own.body.decisions)).toContain('GROUNDS-7f3e');
  });

  it('employer, mandatary, DVZ, inspection and operator see `negative_decision` in the dossier, its list row and its history', async () => {
    for (const [who, client, headers] of [
      ['employer', employer, {}],
      ['mandatary', mandatary, {}],
      ['dvz', dvz, {}],
      ['inspection', inspection, purposeful],
      ['operator', operator, {}],
    ] as const) {
      const dossier = await client.request('GET', path(id), undefined, headers);
      expect(dossier.status, who).toBe(200);
      expect(dossier.body.state, who).toBe('negative_decision');
      expect(JSON.stringify(dossier.body), who).not.toMatch(KIND);
      const events = await client.request('GET', path(id, '/events'), undefined, headers);
      if (events.status === 200) expect(JSON.stringify(events.body), who).not.toMatch(KIND);
    }
    for (const [who, client] of [
      ['employer', employer],
      ['mandatary', mandatary],
      ['dvz', dvz],
    ] as const) {
      const list = await client.get(`/api/v1/dossiers?limit=200`);
      const row = list.body.items.find((d: { reference: string }) => d.reference === reference);
      expect(row?.state, who).toBe('negative_decision');
    }
  });

  it('a state filter cannot be used to tell the kind: the precise one finds nothing, the neutral one finds it', async () => {
    const precise = await employer.get('/api/v1/dossiers?state=work_refused&limit=200');
    expect(precise.body.items.map((d: { reference: string }) => d.reference)).not.toContain(reference);
    const neutral = await employer.get('/api/v1/dossiers?state=negative_decision&limit=200');
    expect(neutral.body.items.map((d: { reference: string }) => d.reference)).toContain(reference);
    const region = await flanders.get('/api/v1/dossiers?state=work_refused&limit=200');
    expect(region.body.items.map((d: { reference: string }) => d.reference)).toContain(reference);
  });

  it('the inboxes of the employer and mandatary and DVZ’s deliveries say only that a negative decision was taken', async () => {
    for (const [who, client] of [
      ['employer', employer],
      ['mandatary', mandatary],
    ] as const) {
      const inbox = await client.get('/api/v1/messages');
      const mine = inbox.body.items.filter((m: { dossier?: { reference?: string } }) =>
        JSON.stringify(m).includes(reference),
      );
      expect(mine.length, who).toBeGreaterThan(0);
      expect(JSON.stringify(mine), who).not.toMatch(KIND);
    }
    const deliveries = await dvz.get('/api/v1/deliveries?limit=200');
    const about = deliveries.body.items.filter((d: unknown) => JSON.stringify(d).includes(id));
    expect(about.map((d: { event: string }) => d.event)).toContain('negative_decision');
    expect(JSON.stringify(about)).not.toMatch(KIND);
  });

  it('the e-mails to employer and mandatary carry no kind; the worker’s confirmed addresses carry the grounds', () => {
    const toEmployer = platform.messaging.sent.filter(
      (m) => m.to === 'employer@example.org' && m.body.includes(reference),
    );
    expect(toEmployer.at(-1)?.body).toContain('A negative decision was taken');
    for (const m of platform.messaging.sent.filter(
      (x) => /employer@|mandatary@/.test(x.to) && x.body.includes(reference),
    ))
      expect(`${m.subject} ${m.body}`).not.toMatch(KIND);
    const toWorker = platform.messaging.sent.filter(
      (m) => m.to === 'worker@example.org' && m.body.includes(reference),
    );
    expect(toWorker.at(-1)?.body).toContain('GROUNDS-7f3e');
  });
});
