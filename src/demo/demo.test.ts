import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../config.js';
import { DataDirLockedError, openPglite } from '../db/database.js';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { STATES } from '../contract/states.js';
import { DEMO_ACCOUNTS } from './parties.js';
import { seedDemo } from './seed.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
  await seedDemo(platform.deps);
});
afterAll(() => platform.close());

describe('demo mode', () => {
  it('seeds fictitious dossiers in every state of the single permit, once', async () => {
    // The region sees every state as it is; the employer would see a neutral one for negative decisions.
    const region = await platform.login('flanders');
    const states = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { body: { items: { state: string }[]; nextCursor: string | null } } = await region.get(
        `/api/v1/dossiers?limit=5&region=flanders${cursor ? `&cursor=${cursor}` : ''}`,
      );
      for (const d of page.body.items) states.add(d.state);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect([...states].sort()).toEqual(STATES.filter((s) => s !== 'draft').sort());
    const drafts = await platform.login('employer');
    expect((await drafts.get('/api/v1/dossiers?state=draft')).body.items.length).toBeGreaterThan(0);
    await seedDemo(platform.deps);
    const count = await platform.deps.db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // One in every state, a draft ready to file, and an older filing whose passport ends during the stay.
    expect(count.n).toBe(16);
  });

  it('every demo account of api.md, and a regional inspection service, signs in with the password demo', async () => {
    expect(DEMO_ACCOUNTS.map((a) => a.username).sort()).toEqual(
      [
        'employer',
        'mandatary',
        'worker',
        'selfemployed',
        'flanders',
        'wallonia',
        'brussels',
        'ostbelgien',
        'dvz',
        'post',
        'municipality',
        'counter',
        'inspection',
        'inspection-wallonia',
        'pes',
        'operator',
        'dpo',
        'committee',
      ].sort(),
    );
    for (const account of DEMO_ACCOUNTS) {
      const res = await platform
        .anonymous()
        .post('/api/v1/session', { username: account.username, password: 'demo' });
      expect(res.status, account.username).toBe(200);
    }
  });

  it('never seeds into a DATABASE_URL database unless told to', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db.example/prod' }, ['--demo'])).toThrow(ConfigError);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db.example/x', DEMO_SEED_DATABASE_URL: 'true' }, ['--demo'])
        .demo,
    ).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production' }, ['--demo'])).toThrow(ConfigError);
    expect(loadConfig({}, []).demo).toBe(false);
  });
});

describe('the embedded database folder', () => {
  it('refuses a second process (or opener) on the same folder and frees it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-lock-'));
    try {
      const first = await openPglite(dir);
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirLockedError);
      await first.close();
      const again = await openPglite(dir);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
