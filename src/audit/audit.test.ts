import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { auditHead, verifyAuditTrail } from './audit.js';

let platform: TestPlatform;
let employer: Client, flanders: Client, wallonia: Client;
let dossierId: string;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, wallonia] = await platform.loginAll(['employer', 'flanders', 'wallonia'] as const);
  dossierId = (await filedSinglePermit(platform, employer)).id;
  await flanders.post(`/api/v1/dossiers/${dossierId}/admissibility`, { outcome: 'admissible' });
});
afterAll(() => platform.close());

const db = () => platform.deps.db;

/** Runs a statement with the append-only triggers off, as an attacker with database access could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db()
    .transaction()
    .execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await statement.execute(tx);
    });
}

describe('audit trail (access.md rule 6, R-SEC-2)', () => {
  it('records every dossier action with who and for which organisation, and refused reads', async () => {
    expect((await wallonia.get(`/api/v1/dossiers/${dossierId}`)).status).toBe(404);
    const rows = await db().selectFrom('audit_trail').selectAll().orderBy('seq').execute();
    const actions = rows.filter((r) => r.kind === 'dossier_action' && r.dossier_id === dossierId);
    expect(actions.map((r) => (r.details as { action: string }).action)).toEqual(
      expect.arrayContaining(['create', 'add_document', 'submit', 'declare_admissible']),
    );
    const refused = rows.filter((r) => r.kind === 'authorisation_refused');
    expect(refused.at(-1)).toMatchObject({
      dossier_id: dossierId,
      actor_organisation_id: platform.directory.organisations.wallonia,
      details: { code: 'not_found', method: 'GET', route: '/api/v1/dossiers/:id' },
    });
    expect(await verifyAuditTrail(db())).toMatchObject({ ok: true });
  });

  it('the database refuses to update, delete or truncate an entry', async () => {
    await expect(sql`update audit_trail set kind = 'login' where seq = 1`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_trail where seq = 1`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_trail`.execute(db())).rejects.toThrow(/append-only/);
  });

  it('detects a rewritten entry and names it', async () => {
    const head = await auditHead(db());
    if (!head) throw new Error('empty trail');
    const target = Math.max(2, head.seq - 3);
    await tamper(sql`update audit_trail set details = '{"action":"forged"}' where seq = ${target}`);
    expect(await verifyAuditTrail(db())).toEqual({
      ok: false,
      entries: target - 1,
      brokenAt: target,
      reason: 'hash_mismatch',
    });
    await tamper(sql`delete from audit_trail where seq >= ${target}`);
  });

  it('detects a removed entry in the middle of the chain', async () => {
    await employer.get(`/api/v1/dossiers/${dossierId}/events`); // nothing audited for an allowed read
    await wallonia.get(`/api/v1/dossiers/${dossierId}`); // a refusal adds entries
    await wallonia.get(`/api/v1/dossiers/${dossierId}`);
    expect((await verifyAuditTrail(db())).ok).toBe(true);
    const head = await auditHead(db());
    if (!head) throw new Error('empty trail');
    await tamper(sql`delete from audit_trail where seq = ${head.seq - 1}`);
    expect(await verifyAuditTrail(db())).toMatchObject({
      ok: false,
      brokenAt: head.seq - 1,
      reason: 'gap_in_sequence',
    });
  });

  it('detects a rewritten link even when the forger recomputes that row own hash', async () => {
    const { hashOf, keyedHashOf } = await import('./audit.js');
    const rows = await db().selectFrom('audit_trail').selectAll().orderBy('seq').limit(3).execute();
    const victim = rows[1];
    if (!victim) throw new Error('short trail');
    // Any other kind than the real one: the forger rewrites what happened.
    const kind = victim.kind === 'login' ? 'logout' : 'login';
    const forged = { ...victim, kind };
    // Without the audit key the row's own hash cannot be recomputed: the keyed row fails at once.
    await tamper(
      sql`update audit_trail set kind = ${kind}, hash = ${hashOf(forged)} where seq = ${victim.seq}`,
    );
    expect(await verifyAuditTrail(db())).toMatchObject({
      ok: false,
      brokenAt: victim.seq,
      reason: 'hash_mismatch',
    });
    // With the key the row holds, but the next row still links to the hash it replaced.
    await tamper(
      sql`update audit_trail set hash = ${keyedHashOf(forged, platform.deps.config.auditKey)} where seq = ${victim.seq}`,
    );
    expect(await verifyAuditTrail(db())).toMatchObject({
      ok: false,
      brokenAt: victim.seq + 1,
      reason: 'broken_link',
    });
  });
});
