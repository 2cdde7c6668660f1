import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import {
  admissibleSinglePermit,
  dossierPath as path,
  forDossier,
  grantedSinglePermit,
  inbox,
  workGrantedSinglePermit,
} from '../../test/exchange.js';
import { filedSinglePermit } from '../../test/scenarios.js';

let platform: TestPlatform;
let employer: Client, flanders: Client, wallonia: Client, dvz: Client, post: Client, municipality: Client;
let pes: Client, inspection: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, wallonia, dvz, post, municipality, pes, inspection] = await platform.loginAll([
    'employer',
    'flanders',
    'wallonia',
    'dvz',
    'post',
    'municipality',
    'pes',
    'inspection',
  ] as const);
});
afterAll(() => platform.close());

const parties = () => ({ employer, flanders, dvz });
const GROUNDS = 'GROUNDS-7f3a: the salary is below the threshold for this category';

/** Every recipient's deliveries about one dossier, by username. */
async function deliveriesAbout(id: string) {
  const all = { flanders, wallonia, dvz, post, municipality, pes };
  const out: Record<string, string[]> = {};
  for (const [name, client] of Object.entries(all)) {
    const mine = forDossier(await inbox(client), id);
    if (mine.length) out[name] = mine.map((d) => d.event);
  }
  return out;
}

describe('deliveries reach exactly the right recipients (R-RCPT-1..4)', () => {
  it('a single permit granted to a worker abroad goes to the post named for the visa D, and to nobody else', async () => {
    const { id } = await grantedSinglePermit(platform, parties(), { abroad: true });
    expect(await deliveriesAbout(id)).toEqual({ post: ['visa_d_authorised'] });
    const [item] = forDossier(await inbox(post), id);
    // The post reads the decision through the gate, as its relation allows.
    const view = await post.get(path(id));
    expect(view.status).toBe(200);
    expect(view.body.decisions.map((d: { id: string }) => d.id)).toContain(item?.decisionId);
  });

  it('one granted to a worker in Belgium goes to the municipality for the temporary residence document', async () => {
    const { id } = await grantedSinglePermit(platform, parties(), { abroad: false });
    expect(await deliveriesAbout(id)).toEqual({ municipality: ['residence_document_authorised'] });
    expect((await municipality.get(path(id))).status).toBe(200);
  });

  it('a work refusal tells DVZ only that a negative decision was taken, never the grounds', async () => {
    const { id } = await admissibleSinglePermit(platform, parties());
    const refused = await flanders.post(path(id, '/decisions'), {
      kind: 'work',
      outcome: 'refused',
      grounds: GROUNDS,
    });
    expect(refused.status).toBe(201);
    expect(await deliveriesAbout(id)).toEqual({ dvz: ['negative_decision'] });
    const raw = await dvz.get('/api/v1/deliveries');
    expect(JSON.stringify(raw.body)).not.toContain('GROUNDS-7f3a');
    const seen = await dvz.get(path(id));
    expect(seen.body.decisions.at(-1)).toEqual({
      id: forDossier(raw.body.items, id)[0]?.decisionId,
      fact: 'negative_decision',
      decidedAt: expect.any(String),
      // Authentic in Dutch, the language of Flanders; the dossier's English as a courtesy copy.
      letters: [
        { language: 'nl', courtesy: false },
        { language: 'en', courtesy: true },
      ],
    });
    expect(JSON.stringify(seen.body)).not.toContain('GROUNDS-7f3a');
  });

  it('a residence refusal tells the competent region only the fact', async () => {
    const { id } = await workGrantedSinglePermit(platform, parties());
    await dvz.post(path(id, '/decisions'), { kind: 'residence', outcome: 'refused', grounds: GROUNDS });
    expect(await deliveriesAbout(id)).toEqual({ flanders: ['negative_decision'] });
    expect(JSON.stringify(await flanders.get(path(id)))).not.toContain('GROUNDS-7f3a');
  });

  it('a withdrawal of the work part reaches the employment service of the region and DVZ', async () => {
    const { id } = await grantedSinglePermit(platform, parties());
    const res = await flanders.post(path(id, '/decisions'), {
      kind: 'withdrawal',
      of: 'work',
      grounds: GROUNDS,
    });
    expect(res.status).toBe(201);
    expect(await deliveriesAbout(id)).toEqual({
      post: ['visa_d_authorised'],
      pes: ['single_permit_withdrawn'],
      dvz: ['negative_decision'],
    });
    // The employment service reads identity and contact, and the withdrawal without its grounds.
    const seen = await pes.get(path(id));
    expect(seen.status).toBe(200);
    expect(seen.body.sections.identity.familyName).toBe('Voorbeeld-Exemple');
    expect(seen.body.sections.employment).toBeUndefined();
    expect(JSON.stringify(seen.body)).not.toContain('GROUNDS-7f3a');
  });

  it('a withdrawal or end of residence by DVZ reaches the region; only a withdrawal the employment service', async () => {
    const withdrawn = await grantedSinglePermit(platform, parties(), { abroad: false });
    await dvz.post(path(withdrawn.id, '/decisions'), {
      kind: 'withdrawal',
      of: 'residence',
      grounds: GROUNDS,
    });
    expect(await deliveriesAbout(withdrawn.id)).toEqual({
      municipality: ['residence_document_authorised'],
      pes: ['single_permit_withdrawn'],
      flanders: ['negative_decision'],
    });
    const ended = await grantedSinglePermit(platform, parties(), { abroad: false });
    await dvz.post(path(ended.id, '/decisions'), { kind: 'end', of: 'residence', grounds: GROUNDS });
    expect(await deliveriesAbout(ended.id)).toEqual({
      municipality: ['residence_document_authorised'],
      flanders: ['negative_decision'],
    });
  });

  it('an inadmissible single permit is delivered to nobody: DVZ never had access to it (Art. 12 §1)', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    await flanders.post(path(id, '/admissibility'), { outcome: 'inadmissible', grounds: GROUNDS });
    expect(await deliveriesAbout(id)).toEqual({});
    expect((await dvz.get(path(id))).status).toBe(404);
  });

  it('a replayed decision (same Idempotency-Key) delivers once', async () => {
    const { id } = await workGrantedSinglePermit(platform, parties());
    const body = { kind: 'residence', outcome: 'granted', validFrom: '2027-02-01', validUntil: '2028-01-31' };
    const headers = { 'idempotency-key': `replay-${id}` };
    expect((await dvz.post(path(id, '/decisions'), body, headers)).status).toBe(201);
    expect((await dvz.post(path(id, '/decisions'), body, headers)).status).toBe(201);
    expect(await deliveriesAbout(id)).toEqual({ post: ['visa_d_authorised'] });
  });
});

describe('the inbox', () => {
  it('is only for organisations that receive deliveries', async () => {
    expect((await employer.get('/api/v1/deliveries')).status).toBe(403);
    expect((await inspection.get('/api/v1/deliveries')).status).toBe(403);
    expect((await platform.anonymous().get('/api/v1/deliveries')).status).toBe(401);
  });

  it('pages with an opaque cursor, newest first', async () => {
    await grantedSinglePermit(platform, parties());
    const first = await post.get('/api/v1/deliveries?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await post.get(
      `/api/v1/deliveries?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.items[0].deliveredAt <= first.body.items[0].deliveredAt).toBe(true);
    const bad = await post.get('/api/v1/deliveries?cursor=not-a-cursor');
    expect(bad.status).toBe(422);
  });

  it('acknowledges once: a repeat answers the first acknowledgement, others cannot acknowledge it', async () => {
    const { id } = await grantedSinglePermit(platform, parties());
    const [item] = forDossier(await inbox(post, 'acknowledged=false'), id);
    expect(item?.acknowledgedAt).toBeNull();
    const ack = await post.post(`/api/v1/deliveries/${item?.id}/ack`);
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedAt).toBe(platform.clock.now().toISOString());
    platform.clock.advanceSeconds(60);
    const again = await post.post(`/api/v1/deliveries/${item?.id}/ack`);
    expect(again.status).toBe(200);
    expect(again.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    expect(forDossier(await inbox(post, 'acknowledged=false'), id)).toEqual([]);
    expect(forDossier(await inbox(post, 'acknowledged=true'), id)).toHaveLength(1);
    // Someone else's delivery does not exist for the caller.
    expect((await municipality.post(`/api/v1/deliveries/${item?.id}/ack`)).status).toBe(404);
    expect((await flanders.post(`/api/v1/deliveries/${item?.id}/ack`)).status).toBe(404);
    const trail = await platform.deps.db
      .selectFrom('audit_trail')
      .select('details')
      .where('kind', '=', 'delivery_acknowledged')
      .execute();
    expect(trail.filter((t) => (t.details as { delivery?: string }).delivery === item?.id)).toHaveLength(1);
  });

  it('never loses a delivery: the database refuses to delete one or to change it after acknowledgement', async () => {
    const [item] = await inbox(post, 'acknowledged=true');
    const db = platform.deps.db;
    await expect(sql`delete from delivery where id = ${item?.id}`.execute(db)).rejects.toThrow();
    await expect(
      sql`update delivery set acknowledged_at = now() where id = ${item?.id}`.execute(db),
    ).rejects.toThrow();
    await expect(
      sql`update delivery set event = 'negative_decision' where id = ${item?.id}`.execute(db),
    ).rejects.toThrow();
  });

  it('stores ids and the kind of event only', async () => {
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_name = 'delivery' order by column_name`.execute(
      platform.deps.db,
    );
    expect(columns.rows.map((c) => c.column_name)).toEqual([
      'acknowledged_at',
      'acknowledged_by_user_id',
      'action_id',
      'created_at',
      'dossier_id',
      'event',
      'id',
      'recipient_organisation_id',
    ]);
  });
});
