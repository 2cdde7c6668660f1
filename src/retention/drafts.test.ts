import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { verifyAuditTrail } from '../audit/audit.js';
import { sha256 } from '../platform/ids.js';
import { ERROR_CATALOGUE } from '../platform/errors.js';
import { sweepRetention } from './sweep.js';

/*
 * Drafts never filed go 180 days after their last change, with a notice in the applicant's inbox
 * 30 days before (lifecycle.md §1); and the clock that lets a test or a demo see it happen moves
 * only outside production.
 */

let platform: TestPlatform;
let employer: Client;
let operator: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, operator] = await platform.loginAll(['employer', 'operator'] as const);
});
afterAll(() => platform.close());

async function dayAfterCreation(days: number, createdAt: Date) {
  platform.clock.set(new Date(createdAt.getTime() + days * 86_400_000));
  return sweepRetention(platform.deps, platform.clock.now());
}

const notices = (id: string) =>
  platform.deps.db.selectFrom('inbox_message').selectAll().where('dossier_id', '=', id).execute();

describe('idle drafts (Art. 27, lifecycle.md §1)', () => {
  it('tells the applicant at 150 days, once, and deletes the draft at 180', async () => {
    const createdAt = platform.clock.now();
    const res = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
    });
    expect(res.status).toBe(201);
    const { id, reference } = res.body as { id: string; reference: string };

    expect((await dayAfterCreation(149, createdAt)).draftNotices).toBe(0);
    expect(await notices(id)).toEqual([]);

    expect((await dayAfterCreation(150, createdAt)).draftNotices).toBe(1);
    const [notice] = await notices(id);
    expect(notice).toMatchObject({ recipient_organisation_id: platform.directory.organisations.employer });
    expect(notice?.subject).toContain(reference);
    expect((await dayAfterCreation(151, createdAt)).draftNotices).toBe(0);
    await employer.signInAgain();
    const inbox = await employer.get('/api/v1/messages');
    expect(JSON.stringify(inbox.body)).toContain(reference);

    expect((await dayAfterCreation(179, createdAt)).deleted).toBe(0);
    const last = await dayAfterCreation(180, createdAt);
    expect(last.deleted).toBe(1);
    const gone = await platform.deps.db.selectFrom('dossier').select('id').where('id', '=', id).execute();
    expect(gone).toEqual([]);
    expect(await notices(id)).toEqual([]);
    const entry = await platform.deps.db
      .selectFrom('audit_trail')
      .select(['dossier_id', 'details'])
      .where('kind', '=', 'dossier_deleted')
      .executeTakeFirst();
    expect(entry).toMatchObject({
      dossier_id: null,
      details: { referenceHash: sha256(reference), rule: 'draft_180d' },
    });
    expect((await verifyAuditTrail(platform.deps.db)).ok).toBe(true);
  });

  it('keeps a draft changed after its notice, and tells again before the new date', async () => {
    const createdAt = platform.clock.now();
    await employer.signInAgain();
    const res = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
    });
    const id = res.body.id as string;
    expect((await dayAfterCreation(150, createdAt)).draftNotices).toBe(1);
    await employer.signInAgain();
    platform.clock.advanceDays(1);
    await employer.signInAgain();
    const edit = await employer.patch(`/api/v1/dossiers/${id}`, { identity: { familyName: 'Voorbeeld' } });
    expect(edit.status).toBe(200);
    // Changed on day 151: 180 days from the change now, and a new notice 30 days before them.
    expect((await dayAfterCreation(180, createdAt)).deleted).toBe(0);
    expect((await dayAfterCreation(280, createdAt)).draftNotices).toBe(0);
    expect((await dayAfterCreation(301, createdAt)).draftNotices).toBe(1);
    expect((await dayAfterCreation(330, createdAt)).deleted).toBe(0);
    expect(
      await platform.deps.db.selectFrom('dossier').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeDefined();
  });
});

describe('the platform clock', () => {
  it('cannot be moved outside demo and test configurations', async () => {
    await operator.signInAgain();
    const res = await operator.post('/api/v1/clock/advance', { days: 1 });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'clock_fixed', title: ERROR_CATALOGUE.clock_fixed.title.en });
    expect((await operator.get('/api/v1/clock')).body).toMatchObject({ movable: false });
    expect(() => loadConfig({ NODE_ENV: 'production', MOVABLE_CLOCK: 'true' }, [])).toThrow(ConfigError);
    expect(loadConfig({}, ['--demo']).movableClock).toBe(true);
    expect(loadConfig({}, []).movableClock).toBe(false);
  });

  it('moves forward for the operator where the configuration allows it', async () => {
    platform.deps.config = { ...platform.deps.config, movableClock: true };
    try {
      const before = platform.clock.now();
      await employer.signInAgain();
      expect((await employer.post('/api/v1/clock/advance', { days: 1 })).status).toBe(403);
      await operator.signInAgain();
      const res = await operator.post('/api/v1/clock/advance', { days: 10 });
      expect(res.status).toBe(200);
      expect(platform.clock.now().getTime() - before.getTime()).toBe(10 * 86_400_000);
      expect(res.body).toMatchObject({ movable: true, now: platform.clock.now().toISOString() });
    } finally {
      platform.deps.config = { ...platform.deps.config, movableClock: false };
    }
  });
});
