import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, grantedSinglePermit } from '../../test/exchange.js';
import { verifyAuditTrail } from '../audit/audit.js';
import { findDossierKey } from '../documents/dossier-keys.js';
import { openFile, unwrapDataKey } from '../documents/sealing.js';
import { localStorage } from '../documents/storage.js';
import { dispatchDue } from '../exchange/dispatcher.js';
import { folderMessaging, routedMessaging } from '../exchange/messaging.js';
import { addYears } from '../dossier/model/retention.js';
import { legalDate } from '../platform/clock.js';
import { sha256 } from '../platform/ids.js';
import { pushDeletionEvents } from './deletion-events.js';
import { sweepRetention } from './sweep.js';
import { verifySignature } from '../exchange/webhooks.js';

/*
 * Deletion is complete and provable (lifecycle.md §1, issue 11 "Done when"): after the sweep no
 * table, file, e-mail kept on disk or webhook replay holds anything of the dossier, a copy of a
 * document file taken before cannot be decrypted, the trail still verifies and records the
 * deletion by the reference's hash, and the dry run listed exactly what was deleted.
 */

const SECRET = 'receiver-secret-0123456789-abcdefghij';

let platform: TestPlatform;
let employer: Client;
let flanders: Client;
let dvz: Client;
let post: Client;
let operator: Client;
let dpo: Client;
let documents: string;
let outbox: string;
let receiver: Server;
let receiverUrl: string;
const received: { raw: string; signature: string | undefined }[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  documents = mkdtempSync(join(tmpdir(), 'sw-retention-docs-'));
  outbox = mkdtempSync(join(tmpdir(), 'sw-retention-outbox-'));
  platform.deps.storage = localStorage(documents);
  // E-mails kept on disk, as in demo mode.
  platform.deps.messaging = routedMessaging(folderMessaging(outbox), platform.ebox);
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const signature = req.headers['x-signature'];
      received.push({
        raw: Buffer.concat(chunks).toString('utf8'),
        signature: typeof signature === 'string' ? signature : undefined,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  [employer, flanders, dvz, post, operator, dpo] = await platform.loginAll([
    'employer',
    'flanders',
    'dvz',
    'post',
    'operator',
    'dpo',
  ] as const);
});
afterAll(async () => {
  await new Promise<void>((resolve) =>
    receiver.close(() => {
      resolve();
    }),
  );
  await platform.close();
  rmSync(documents, { recursive: true, force: true });
  rmSync(outbox, { recursive: true, force: true });
});

/** Every row of every table that names the dossier's id or reference anywhere in it. */
async function rowsNaming(id: string, reference: string) {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(platform.deps.db);
  const found: string[] = [];
  for (const { table_name: table } of tables) {
    // The trail is append-only and chained: it keeps dossier ids (never content) and one
    // anonymous entry of the deletion; checked on its own below.
    if (table === 'audit_trail') continue;
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table)} t
       where t::text like ${`%${id}%`} or t::text like ${`%${reference}%`}`.execute(platform.deps.db);
    if ((rows[0]?.n ?? 0) > 0) found.push(`${table}: ${rows[0]?.n}`);
  }
  return found;
}

/** Tables with a column named like dossier_id, and how many rows name the dossier in it. */
async function columnsNaming(id: string) {
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
       and c.column_name like '%dossier_id%'`.execute(platform.deps.db);
  const found: Record<string, number> = {};
  // The trail keeps the ids of what it recorded (never content): append-only, and chained.
  for (const c of columns.filter((c) => c.table_name !== 'audit_trail')) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} = ${id}`.execute(
      platform.deps.db,
    );
    if ((rows[0]?.n ?? 0) > 0) found[`${c.table_name}.${c.column_name}`] = rows[0]?.n ?? 0;
  }
  return found;
}

describe('a deleted dossier leaves nothing behind', () => {
  it('deletes every row, file, e-mail and key; tells the receivers; keeps an anonymous audit entry', async () => {
    const postOrg = await post.post('/api/v1/webhooks', { url: receiverUrl, secret: SECRET });
    expect(postOrg.status).toBe(201);
    const parties = { employer, flanders, dvz };
    const { id, reference } = await grantedSinglePermit(platform, parties);
    const kept = await grantedSinglePermit(platform, parties);
    // Reads, pushes and e-mails, as a dossier's life leaves them.
    await dispatchDue(platform.deps, platform.clock.now());
    expect(received.length).toBeGreaterThan(0);
    const withBefore = await columnsNaming(id);
    for (const table of [
      'dossier_action',
      'document',
      'access_log',
      'delivery',
      'notification',
      'inbox_message',
    ])
      expect(Object.keys(withBefore).some((k) => k.startsWith(`${table}.`))).toBe(true);

    const documentsOf = await platform.deps.db
      .selectFrom('document')
      .select(['id', 'storage_key'])
      .where('dossier_id', '=', id)
      .execute();
    expect(documentsOf.length).toBeGreaterThan(0);
    const fileOf = (key: string) => join(documents, key.slice(0, 2), key);
    const first = documentsOf[0] ?? { id: '', storage_key: '' };
    // What a backup holds: the sealed file, and the wrapped key row (a copy of the database).
    const backupFile = readFileSync(fileOf(first.storage_key));
    const backupKeyRow = await platform.deps.db
      .selectFrom('dossier_key')
      .selectAll()
      .where('dossier_id', '=', id)
      .executeTakeFirstOrThrow();
    const notificationIds = (
      await platform.deps.db.selectFrom('notification').select('id').where('dossier_id', '=', id).execute()
    ).map((n) => n.id);
    const emlOf = (ids: string[]) =>
      readdirSync(outbox).filter((n) => ids.some((i) => n.endsWith(`-${i}.eml`)));
    expect(emlOf(notificationIds).length).toBeGreaterThan(0);

    const filedOn = legalDate(new Date((await flanders.get(path(id))).body.filedAt as string));
    const until = addYears(filedOn, 10);
    platform.clock.set(new Date(`${until}T08:00:00Z`));
    await operator.signInAgain();
    await dpo.signInAgain();

    // The dry run, for the operator and for a DPO, lists what the run then deletes.
    const dry = await operator.get('/api/v1/retention/due');
    expect(dry.status).toBe(200);
    expect((await dpo.get('/api/v1/retention/due')).body).toEqual(dry.body);
    await employer.signInAgain();
    expect((await employer.get('/api/v1/retention/due')).status).toBe(403);
    const listed = (dry.body.items as { reference: string; rule: string; until: string }[]).map(
      (i) => i.reference,
    );
    expect(listed.sort()).toEqual([reference, kept.reference].sort());
    expect(JSON.stringify(dry.body)).not.toMatch(/Voorbeeld|Test \d/);

    const report = await sweepRetention(platform.deps, platform.clock.now());
    expect(report).toMatchObject({ deleted: 2, failed: 0, files: { failed: 0 } });
    expect((await operator.get('/api/v1/retention/due')).body.items).toEqual([]);

    // No table names it: not by a dossier_id column, nor anywhere in any row's text.
    const after = await columnsNaming(id);
    // The only column left naming it is the deletion event owed to the receiver (no foreign key).
    expect(after).toEqual({ 'deletion_push.deleted_dossier_id': 1 });
    expect(await rowsNaming(id, reference)).toEqual(['deletion_push: 1']);

    // No file in storage, no e-mail of it in the folder outbox, nothing owed.
    for (const d of documentsOf) expect(existsSync(fileOf(d.storage_key))).toBe(false);
    expect(emlOf(notificationIds)).toEqual([]);
    expect(await platform.deps.db.selectFrom('retention_leftover').selectAll().execute()).toEqual([]);

    // The backup copy of a file stays shut: the key is gone, and no key left opens it.
    expect(
      await findDossierKey(platform.deps.db, platform.deps.config.documentMasterKey, id),
    ).toBeUndefined();
    for (const row of await platform.deps.db.selectFrom('dossier_key').selectAll().execute()) {
      expect(() =>
        openFile(
          unwrapDataKey(platform.deps.config.documentMasterKey, row.dossier_id, row.wrapped_key),
          first.id,
          backupFile,
        ),
      ).toThrow();
    }
    // Only a copy of the key row from before (a database backup) would open it: that is what
    // a backup holds until it expires, and why backups must expire (docs/retention.md).
    const fromBackup = openFile(
      unwrapDataKey(platform.deps.config.documentMasterKey, id, backupKeyRow.wrapped_key),
      first.id,
      backupFile,
    );
    expect(fromBackup.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The trail still verifies and records the deletion by the reference's hash only.
    expect((await verifyAuditTrail(platform.deps.db)).ok).toBe(true);
    const entries = await platform.deps.db
      .selectFrom('audit_trail')
      .selectAll()
      .where('kind', '=', 'dossier_deleted')
      .execute();
    expect(entries).toHaveLength(2);
    const entry = entries.find(
      (e) => (e.details as { referenceHash: string }).referenceHash === sha256(reference),
    );
    expect(entry).toMatchObject({ dossier_id: null, details: { rule: 'granted_10y', until } });
    expect(JSON.stringify(entries)).not.toContain(reference);

    // The receiver that got its deliveries is told, signed like every push.
    received.length = 0;
    expect(await pushDeletionEvents(platform.deps, platform.clock.now())).toEqual({
      delivered: 2,
      failed: 0,
    });
    const events = received.map((r) => ({ ...r, body: JSON.parse(r.raw) as Record<string, unknown> }));
    const mine = events.find((e) => e.body.dossierId === id);
    expect(mine?.body).toMatchObject({ type: 'dossier_deleted', event: 'dossier_deleted' });
    expect(verifySignature(SECRET, mine?.raw ?? '', mine?.signature)).toBe(true);
    expect(mine?.raw).not.toContain(reference);
    // Sent once: a second run has nothing to send.
    expect(await pushDeletionEvents(platform.deps, platform.clock.now())).toEqual({
      delivered: 0,
      failed: 0,
    });
  });

  it('retries the removal of files a run could not remove after its commit', async () => {
    await platform.deps.db
      .insertInto('retention_leftover')
      .values({ kind: 'document_file', key: 'aa-missing', recorded_at: platform.clock.now() })
      .execute();
    const failing = platform.deps.storage;
    platform.deps.storage = { ...failing, remove: () => Promise.reject(new Error('storage down')) };
    expect((await sweepRetention(platform.deps, platform.clock.now())).files).toEqual({
      removed: 0,
      failed: 1,
    });
    platform.deps.storage = failing;
    expect((await sweepRetention(platform.deps, platform.clock.now())).files).toEqual({
      removed: 1,
      failed: 0,
    });
    expect(await platform.deps.db.selectFrom('retention_leftover').selectAll().execute()).toEqual([]);
  });
});
