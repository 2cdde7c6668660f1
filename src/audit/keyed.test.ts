import { sql, type Selectable } from 'kysely';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { ConfigError, DEMO_AUDIT_KEY, loadConfig } from '../config.js';
import type { AuditTrail } from '../db/schema.generated.js';
import { GENESIS_HASH, hashOf, keyedHashOf, verifyAuditTrail } from './audit.js';
import { HEADS_FILE, publishAuditHead, readPublishedHeads, verifyWithPublishedHeads } from './heads.js';

// Issue 12, faults 1 and 4: canonical values before hashing, a keyed chain, signed heads published
// outside the database, and no TRUNCATE on an append-only table.

let platform: TestPlatform;
let employer: Client, operator: Client, flanders: Client;
let headDir: string;
let dossierId: string;
let snapshot: Selectable<AuditTrail>[];

beforeAll(async () => {
  headDir = mkdtempSync(join(tmpdir(), 'sw-heads-'));
  platform = await startPlatform({ auditHeadDir: headDir });
  [employer, operator, flanders] = await platform.loginAll(['employer', 'operator', 'flanders'] as const);
  dossierId = (await filedSinglePermit(platform, employer)).id;
  await flanders.post(`/api/v1/dossiers/${dossierId}/admissibility`, { outcome: 'admissible' });
});
afterAll(async () => {
  await platform.close();
  rmSync(headDir, { recursive: true, force: true });
});

const db = () => platform.deps.db;
const key = () => platform.deps.config.auditKey;
const now = () => platform.clock.now();
const verify = () => verifyWithPublishedHeads(db(), key(), headDir);
const rows = () => db().selectFrom('audit_trail').selectAll().orderBy('seq').execute();

/** Runs statements with the triggers off, as a database superuser could. */
async function tamper(...statements: ReturnType<typeof sql>[]) {
  await db()
    .transaction()
    .execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      for (const statement of statements) await statement.execute(tx);
    });
}

const insertRow = (r: Selectable<AuditTrail>) =>
  sql`insert into audit_trail (seq, at, kind, actor_user_id, actor_organisation_id, dossier_id, details, prev_hash, hash, algorithm)
      values (${r.seq}, ${r.at}, ${r.kind}, ${r.actor_user_id}, ${r.actor_organisation_id}, ${r.dossier_id},
              ${JSON.stringify(r.details)}::jsonb, ${r.prev_hash}, ${r.hash}, ${r.algorithm})`;

/** Rewrites the rows from `from` on, recomputing every hash after it as a forger would. */
async function rewriteFrom(from: number, change: (r: Selectable<AuditTrail>) => Selectable<AuditTrail>) {
  const all = await rows();
  let prev = all.find((r) => r.seq === from - 1)?.hash ?? GENESIS_HASH;
  const rewritten = all
    .filter((r) => r.seq >= from)
    .map((r) => {
      const next = change({ ...r, prev_hash: prev });
      prev = next.hash;
      return next;
    });
  await tamper(sql`delete from audit_trail where seq >= ${from}`, ...rewritten.map(insertRow));
}

const plain = (r: Selectable<AuditTrail>) => ({ ...r, algorithm: 'sha256', hash: hashOf(r) });

// Every test starts from the chain as the platform wrote it, with no head published yet.
beforeEach(async () => {
  snapshot = await rows();
  rmSync(join(headDir, HEADS_FILE), { force: true });
});
afterEach(async () => {
  await tamper(sql`delete from audit_trail`, ...snapshot.map(insertRow));
});

describe('canonical values before hashing (issue 12, fault 1)', () => {
  it('an unauthenticated read of an upper-case dossier id is recorded and the chain still verifies', async () => {
    const upper = dossierId.toUpperCase();
    expect(upper).not.toBe(dossierId);
    const answer = await platform.anonymous().get(`/api/v1/dossiers/${upper}`);
    expect(answer.status).toBe(401);
    const last = (await rows()).at(-1);
    expect(last).toMatchObject({
      kind: 'authorisation_refused',
      dossier_id: dossierId,
      algorithm: 'hmac-sha256',
      details: { code: 'unauthenticated', method: 'GET' },
    });
    // Rows recorded after it verify too: the break used to stop verification for good.
    await employer.get(`/api/v1/dossiers/${upper}`);
    await publishAuditHead(db(), key(), headDir, now());
    expect(await verify()).toMatchObject({ ok: true, headsChecked: 1 });
  });

  it('hashes details as the database gives them back: undefined dropped, keys in any order', async () => {
    const { appendAudit } = await import('./audit.js');
    await appendAudit(db(), {
      at: new Date('2026-11-23T09:00:00.123Z'),
      kind: 'dossier_search',
      actorUserId: platform.directory.users.operator?.toUpperCase() ?? null,
      details: { z: 1, a: 'x', b: [2, 1], nothing: null, skipped: undefined } as never,
    });
    expect(await verifyAuditTrail(db(), { key: key() })).toMatchObject({ ok: true });
  });
});

describe('a keyed chain with published heads (issue 12, fault 4)', () => {
  it('a normal run verifies against every head published along the way', async () => {
    await publishAuditHead(db(), key(), headDir, now());
    // An idle platform publishes no new line.
    await publishAuditHead(db(), key(), headDir, now());
    await platform.anonymous().get(`/api/v1/dossiers/${dossierId}`);
    await publishAuditHead(db(), key(), headDir, now());
    expect(readPublishedHeads(headDir).heads).toHaveLength(2);
    expect(await verify()).toMatchObject({ ok: true, headsChecked: 2, entries: snapshot.length + 1 });
  });

  it('rows written before the keyed chain verify by plain SHA-256, and the keyed ones after them', async () => {
    // As after migration 0017 on an installation with history: the first rows are plain.
    const cut = 3;
    await rewriteFrom(1, (r) => (r.seq < cut ? plain(r) : { ...r, hash: keyedHashOf(r, key()) }));
    expect((await rows()).map((r) => r.algorithm).slice(0, cut)).toEqual(['sha256', 'sha256', 'hmac-sha256']);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a rewrite recomputed with plain hashes after a keyed row is a downgrade', async () => {
    const target = 5;
    await rewriteFrom(target, (r) => plain(r.seq === target ? { ...r, details: { action: 'forged' } } : r));
    expect(await verify()).toEqual({
      ok: false,
      entries: target - 1,
      brokenAt: target,
      reason: 'algorithm_downgrade',
    });
  });

  it('a whole chain recomputed with plain hashes disagrees with the published head', async () => {
    await publishAuditHead(db(), key(), headDir, now());
    await rewriteFrom(1, (r) => plain(r.seq === 2 ? { ...r, kind: 'login' } : r));
    // Without a published head nothing outside the database contradicts it; with one, the head does.
    expect(await verifyAuditTrail(db(), { key: key() })).toMatchObject({ ok: true });
    expect(await verify()).toMatchObject({ ok: false, brokenAt: snapshot.length, reason: 'head_mismatch' });
  });

  it('a rewrite recomputed without the audit key fails the HMAC', async () => {
    const wrongKey = Buffer.alloc(32, 9);
    await rewriteFrom(4, (r) => ({ ...r, hash: keyedHashOf(r, wrongKey) }));
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 4, reason: 'hash_mismatch' });
  });

  it('a cut tail is detected against a published head', async () => {
    await platform.anonymous().get(`/api/v1/dossiers/${dossierId}`);
    await publishAuditHead(db(), key(), headDir, now());
    const last = snapshot.length + 1;
    await tamper(sql`delete from audit_trail where seq >= ${last - 1}`);
    // The rest of the chain holds on its own; only the published head shows what is missing.
    expect(await verifyAuditTrail(db(), { key: key() })).toMatchObject({ ok: true });
    expect(await verify()).toEqual({
      ok: false,
      entries: last - 2,
      brokenAt: last - 1,
      reason: 'tail_missing',
    });
  });

  it('a forged row appended without the key is detected, keyed or plain', async () => {
    const head = snapshot.at(-1);
    if (!head) throw new Error('empty trail');
    const forged = {
      ...head,
      seq: head.seq + 1,
      kind: 'login',
      details: {},
      prev_hash: head.hash,
    };
    await tamper(insertRow({ ...forged, hash: keyedHashOf(forged, Buffer.alloc(32, 1)) }));
    expect(await verify()).toMatchObject({ ok: false, brokenAt: forged.seq, reason: 'hash_mismatch' });
    await tamper(sql`delete from audit_trail where seq = ${forged.seq}`, insertRow(plain(forged)));
    expect(await verify()).toMatchObject({ ok: false, brokenAt: forged.seq, reason: 'algorithm_downgrade' });
  });

  it('a head written without the key, or a line that is not a head, is reported as forged', async () => {
    const published = await publishAuditHead(db(), key(), headDir, now());
    if (!published) throw new Error('nothing published');
    const file = join(headDir, HEADS_FILE);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}${JSON.stringify({ ...published, seq: published.seq + 5 })}\n`);
    expect(await verify()).toMatchObject({ ok: false, reason: 'head_forged' });
    writeFileSync(file, `${original}not a head\n`);
    expect(await verify()).toMatchObject({ ok: false, reason: 'head_forged' });
    // A last line cut short by a crash (no newline) is not a head yet, and not a forgery.
    writeFileSync(file, `${original}{"seq":`);
    expect(await verify()).toMatchObject({ ok: true, headsChecked: 1 });
  });

  it('a head signed with the demo key does not verify under another key', async () => {
    await publishAuditHead(db(), key(), headDir, now());
    expect(key().equals(DEMO_AUDIT_KEY)).toBe(true);
    expect(await verifyWithPublishedHeads(db(), Buffer.alloc(32, 3), headDir)).toMatchObject({
      ok: false,
      reason: 'head_forged',
    });
  });

  it('the operator reads the latest published head beside the current one; no one else does', async () => {
    expect((await operator.get('/api/v1/audit/head')).body).toMatchObject({ published: null });
    const published = await publishAuditHead(db(), key(), headDir, now());
    const answer = await operator.get('/api/v1/audit/head');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      published: {
        seq: published?.seq,
        hash: published?.hash,
        at: published?.at,
        publishedAt: published?.publishedAt,
        signatureValid: true,
      },
      current: { seq: published?.seq, hash: published?.hash, at: published?.at },
    });
    expect((await employer.get('/api/v1/audit/head')).status).toBe(403);
    expect((await platform.anonymous().get('/api/v1/audit/head')).status).toBe(401);
  });
});

describe('append-only tables refuse TRUNCATE (issue 12, fault 4)', () => {
  const tables = [
    'access_log',
    'dossier_action',
    'decision_letter',
    'delivery',
    'source_check',
    'audit_trail',
  ];
  it.each(tables)('truncate %s is refused', async (table) => {
    const refused = table === 'audit_trail' ? /append-only/ : new RegExp(`table ${table} is append-only`);
    await expect(sql`truncate ${sql.table(table)} cascade`.execute(db())).rejects.toThrow(refused);
    // Even in the retention purge's mode: the purge deletes rows, it never truncates.
    await expect(
      db()
        .transaction()
        .execute(async (tx) => {
          await sql`set local single_window.retention_purge = 'on'`.execute(tx);
          await sql`truncate ${sql.table(table)} cascade`.execute(tx);
        }),
    ).rejects.toThrow(refused);
  });
});

describe('the audit key in the configuration', () => {
  const production = {
    NODE_ENV: 'production',
    SOURCE_KBO: 'https://g/kbo',
    SOURCE_ONSS: 'https://g/onss',
    SOURCE_LIMOSA: 'https://g/l',
    SOURCE_INASTI: 'https://g/i',
    SMTP_URL: 'smtp://relay.example.be:587',
    SMTP_FROM: 'no-reply@example.be',
    DOCUMENT_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  } as const;

  it('production refuses to start without one, with a short one, or with the public demo key', () => {
    expect(() => loadConfig(production, [])).toThrow(/AUDIT_KEY/);
    expect(() =>
      loadConfig({ ...production, AUDIT_KEY: Buffer.alloc(16, 1).toString('base64') }, []),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, AUDIT_KEY: DEMO_AUDIT_KEY.toString('base64') }, [])).toThrow(
      /public demo key/,
    );
    const real = Buffer.alloc(48, 5);
    expect(loadConfig({ ...production, AUDIT_KEY: real.toString('base64') }, []).auditKey).toEqual(real);
  });

  it('outside production the public demo key applies, and the heads go under DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: '/srv/sw' }, []);
    expect(config.auditKey).toEqual(DEMO_AUDIT_KEY);
    expect(config.auditHeadDir).toBe(join('/srv/sw', 'audit-heads'));
  });
});
