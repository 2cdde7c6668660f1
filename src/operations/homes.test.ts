import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import type { DossierSummary } from '../contract/views.js';
import type { AuditVerification, OversightAccessLog, PlatformHealth } from '../contract/oversight.js';
import { runRecorded } from '../jobs.js';

// Issue 13, item 5: each role's home — the case officer's queue, the DPO's access log and audit
// verification, the operator's platform health — and who may call what.

let platform: TestPlatform;
let employer: Client, flanders: Client, dpo: Client, operator: Client, worker: Client, dvz: Client;
let open: { id: string; reference: string };
let refused: { id: string; reference: string };
let walloon: { id: string; reference: string };

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, dpo, operator, worker, dvz] = await platform.loginAll([
    'employer',
    'flanders',
    'dpo',
    'operator',
    'worker',
    'dvz',
  ] as const);
  open = await filedSinglePermit(platform, employer);
  refused = await filedSinglePermit(platform, employer);
  walloon = await filedSinglePermit(platform, employer, { postcode: '4000' });
  const path = `/api/v1/dossiers/${refused.id}`;
  expect((await flanders.post(`${path}/admissibility`, { outcome: 'admissible' })).status).toBe(200);
  const decided = await flanders.post(`${path}/decisions`, {
    kind: 'work',
    outcome: 'refused',
    grounds: 'The salary is below the threshold (test grounds).',
  });
  expect(decided.status).toBe(201);
  // Reads the access log must show: the region opens each dossier, Wallonia its own.
  await flanders.get(`/api/v1/dossiers/${open.id}`);
  await flanders.get(`/api/v1/dossiers/${refused.id}`);
  const wallonia = await platform.login('wallonia');
  await wallonia.get(`/api/v1/dossiers/${walloon.id}`);
});
afterAll(async () => {
  await platform.close();
});

const references = (items: DossierSummary[]) => items.map((d) => d.reference);

describe('the case officer’s queue', () => {
  it('lists open dossiers without the closed ones, the closed ones on request', async () => {
    const openOnes = await flanders.get<{ items: DossierSummary[] }>('/api/v1/dossiers?stage=open');
    expect(openOnes.status).toBe(200);
    expect(references(openOnes.body.items)).toContain(open.reference);
    expect(references(openOnes.body.items)).not.toContain(refused.reference);
    const closed = await flanders.get<{ items: DossierSummary[] }>('/api/v1/dossiers?stage=closed');
    expect(references(closed.body.items)).toEqual([refused.reference]);
  });

  it('says on each line what the caller may do now, so the queue can show the action needed', async () => {
    const list = await flanders.get<{ items: DossierSummary[] }>('/api/v1/dossiers?stage=open');
    const line = list.body.items.find((d) => d.reference === open.reference);
    expect(line?.allowedActions).toContain('declare_admissible');
    expect(line?.dueDate).not.toBeNull();
    // The employer sees the same dossier with nothing of the region's to do.
    const mine = await employer.get<{ items: DossierSummary[] }>('/api/v1/dossiers');
    const own = mine.body.items.find((d) => d.reference === open.reference);
    expect(own?.allowedActions).not.toContain('declare_admissible');
    expect(own?.allowedActions).toContain('withdraw_application');
  });

  it('does not tell DVZ a refusal’s kind through the closed filter', async () => {
    const closed = await dvz.get<{ items: DossierSummary[] }>('/api/v1/dossiers?stage=closed');
    expect(references(closed.body.items)).toContain(refused.reference);
    for (const d of closed.body.items) expect(d.state).not.toBe('work_refused');
  });
});

describe('the DPO’s access log', () => {
  it('finds the reads of its controller’s dossiers by reference, with who read what and why', async () => {
    const found = await dpo.get<OversightAccessLog>(`/api/v1/access-log?reference=${open.reference}`);
    expect(found.status).toBe(200);
    expect(found.body.items.length).toBeGreaterThan(0);
    expect(found.body.items.every((e) => e.dossier.reference === open.reference)).toBe(true);
    const read = found.body.items.find((e) => e.organisation.kind === 'regional_authority');
    expect(read?.user.name).toBe('Flor Flanders (demo)');
    expect(read?.categories).toContain('identity');
    // Only the log: no section of the dossier travels with it.
    expect(JSON.stringify(found.body)).not.toContain('Voorbeeld-Exemple');
  });

  it('never shows the reads of another region’s dossiers', async () => {
    const other = await dpo.get<OversightAccessLog>(`/api/v1/access-log?reference=${walloon.reference}`);
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    const all = await dpo.get<OversightAccessLog>('/api/v1/access-log?limit=200');
    expect(all.body.items.some((e) => e.dossier.reference === walloon.reference)).toBe(false);
  });

  it('searches by organisation and period, and pages newest first', async () => {
    const byOrg = await dpo.get<OversightAccessLog>('/api/v1/access-log?organisation=Economische');
    expect(byOrg.body.items.length).toBeGreaterThan(0);
    expect(byOrg.body.items.every((e) => e.organisation.kind === 'regional_authority')).toBe(true);
    const today = platform.clock.now().toISOString().slice(0, 10);
    const inPeriod = await dpo.get<OversightAccessLog>(`/api/v1/access-log?from=${today}&until=${today}`);
    expect(inPeriod.body.items.length).toBeGreaterThan(0);
    const before = await dpo.get<OversightAccessLog>('/api/v1/access-log?until=2026-01-01');
    expect(before.body.items).toEqual([]);
    const first = await dpo.get<OversightAccessLog>('/api/v1/access-log?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await dpo.get<OversightAccessLog>(
      `/api/v1/access-log?limit=1&cursor=${first.body.nextCursor ?? ''}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    expect(Date.parse(second.body.items[0]?.at ?? '')).toBeLessThanOrEqual(
      Date.parse(first.body.items[0]?.at ?? ''),
    );
  });

  it('is closed to everyone else: the case officer, the worker, the operator', async () => {
    expect((await flanders.get('/api/v1/access-log')).body.code).toBe('oversight_only');
    expect((await flanders.get('/api/v1/access-log')).status).toBe(403);
    expect((await worker.get('/api/v1/access-log')).status).toBe(403);
    expect((await operator.get('/api/v1/access-log')).status).toBe(403);
    expect((await platform.anonymous().get('/api/v1/access-log')).status).toBe(401);
  });
});

describe('the audit verification', () => {
  it('tells the DPO and the operator the trail is intact, with its head and no content', async () => {
    for (const client of [dpo, operator]) {
      const verified = await client.get<AuditVerification>('/api/v1/audit/verification');
      expect(verified.status).toBe(200);
      expect(verified.body.intact).toBe(true);
      expect(verified.body.entries).toBeGreaterThan(5);
      expect(verified.body.head?.seq).toBe(verified.body.entries);
      expect(verified.body.publishedHeads.agree).toBe(true);
      expect(Object.keys(verified.body).sort()).toEqual(
        ['brokenAt', 'entries', 'head', 'intact', 'publishedHeads', 'reason', 'verifiedAt'].sort(),
      );
    }
  });

  it('is closed to case officers and applicants', async () => {
    expect((await flanders.get('/api/v1/audit/verification')).status).toBe(403);
    expect((await dvz.get('/api/v1/audit/verification')).status).toBe(403);
    expect((await employer.get('/api/v1/audit/verification')).status).toBe(403);
  });
});

describe('the operator’s platform health', () => {
  it('counts dossiers per region and state, and shows each timer job’s last run', async () => {
    await runRecorded(
      platform.deps,
      { name: 'dispatch', periodMs: 5000, run: () => Promise.resolve() },
      () => {},
    );
    const failures: string[] = [];
    await runRecorded(
      platform.deps,
      {
        name: 'retention_sweep',
        periodMs: 86_400_000,
        run: () => Promise.reject(new RangeError('a message naming someone')),
      },
      (job, kind) => failures.push(`${job}:${kind}`),
    );
    expect(failures).toEqual(['retention_sweep:RangeError']);

    const health = await operator.get<PlatformHealth>('/api/v1/operations/health');
    expect(health.status).toBe(200);
    const count = (region: string, state: string) =>
      health.body.queues.find((q) => q.region === region && q.state === state)?.count;
    expect(count('flanders', 'filed')).toBe(1);
    expect(count('flanders', 'work_refused')).toBe(1);
    expect(count('wallonia', 'filed')).toBe(1);
    const job = (name: string) => health.body.jobs.find((j) => j.job === name);
    expect(job('dispatch')).toMatchObject({ outcome: 'succeeded', runs: 1, failures: 0, periodSeconds: 5 });
    expect(job('retention_sweep')).toMatchObject({ outcome: 'failed', errorKind: 'RangeError', failures: 1 });
    expect(job('orphan_files')?.outcome).toBe('never');
    expect(health.body.deliveries.notifications.pending).toBeGreaterThan(0);
    // Counts and names of jobs only: no reference, no name of a person, no error message.
    const text = JSON.stringify(health.body);
    for (const secret of [open.reference, 'Voorbeeld-Exemple', 'Demo Employer', 'naming someone'])
      expect(text).not.toContain(secret);
  });

  it('is the operator’s only', async () => {
    for (const client of [dpo, flanders, worker, employer])
      expect((await client.get('/api/v1/operations/health')).status).toBe(403);
  });
});
