import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPlatform, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, grantedSinglePermit } from '../../test/exchange.js';
import { publishAuditHead, readPublishedHeads, verifyWithPublishedHeads } from '../audit/heads.js';
import { openPglite, openPostgres, type Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { seedParties, type DemoDirectory } from '../demo/parties.js';
import { findDossierKey } from '../documents/dossier-keys.js';
import { openFile, unwrapDataKey } from '../documents/sealing.js';
import { addYears } from '../dossier/model/retention.js';
import { legalDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { readJournal } from '../retention/journal.js';
import { purgeDossier } from '../retention/purge.js';
import { RestoreRefused, restoreBackup, takeBackup } from './backup.js';

/*
 * Issue 12, "Backups": a backup taken before a deletion, restored after it, brings back a working
 * platform without the deleted dossier — its rows deleted again and its key forgotten, so a copy of
 * its file from the backup stays shut — and an audit chain that verifies. On the embedded database
 * and, with DATABASE_URL, on PostgreSQL (source and target each a database of their own).
 */

const serverUrl = process.env.DATABASE_URL;
const cleanUps: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const clean of cleanUps.reverse()) await clean();
});

const temp = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `sw-backup-${label}-`));
  cleanUps.push(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
};

/** A database of its own on the server (its URL), or nothing on the embedded engine. */
async function serverDatabase(label: string): Promise<string | undefined> {
  if (!serverUrl) return undefined;
  const name = `sw_backup_${label}_${newId().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanUps.push(async () => {
    const again = new pg.Client({ connectionString: serverUrl });
    await again.connect();
    await again.query(`drop database if exists ${name} with (force)`);
    await again.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const open = async (url: string | undefined, dataDir: string): Promise<Database> =>
  url ? openPostgres(url) : openPglite(dataDir);

describe(`a backup restored after a deletion (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('brings back a working platform, and not the dossier deleted since', async () => {
    // The installation: its data folder, its database, and its proofs folder (heads, journal).
    const sourceDir = temp('source');
    const proofs = temp('proofs');
    const backupDir = join(temp('set'), 'backup');
    const sourceUrl = await serverDatabase('source');
    const database = await open(sourceUrl, sourceDir);
    await migrate(database);
    const directory: DemoDirectory = await seedParties(database.db);
    const overrides = { dataDir: sourceDir, databaseUrl: sourceUrl, auditHeadDir: proofs };
    let platform: TestPlatform = await openPlatform({
      database,
      documentsDir: join(sourceDir, 'documents'),
      directory,
      overrides,
    });
    const [employer, flanders, dvz] = await platform.loginAll(['employer', 'flanders', 'dvz'] as const);
    const gone = await grantedSinglePermit(platform, { employer, flanders, dvz });
    const kept = await grantedSinglePermit(platform, { employer, flanders, dvz });
    const documentsOf = (id: string) =>
      platform.deps.db
        .selectFrom('document')
        .select(['id', 'storage_key'])
        .where('dossier_id', '=', id)
        .execute();
    const [goneDoc] = await documentsOf(gone.id);
    const [keptDoc] = await documentsOf(kept.id);
    if (!goneDoc || !keptDoc) throw new Error('the dossiers have no documents');
    const { config } = platform.deps;

    // The backup: three parts and a manifest.
    const manifest = await takeBackup(
      { database, databaseUrl: sourceUrl, documentsDir: join(sourceDir, 'documents'), config },
      backupDir,
      platform.clock.now(),
    );
    expect(manifest).toMatchObject({ engine: serverUrl ? 'postgres' : 'pglite', journalEntries: 0 });
    expect(manifest.counts.keys).toBe(2);
    expect(manifest.counts.documentFiles).toBeGreaterThan(1);
    for (const part of Object.values(manifest.parts)) expect(existsSync(join(backupDir, part))).toBe(true);
    if (serverUrl) {
      // On PostgreSQL the database part holds the key table's structure, not its rows.
      const { stdout } = await promisify(execFile)('pg_restore', [
        '--list',
        join(backupDir, manifest.parts.database),
      ]);
      expect(stdout).toMatch(/TABLE DATA public document /);
      expect(stdout).not.toMatch(/TABLE DATA public dossier_key /);
    }
    const backupFile = readFileSync(
      join(backupDir, 'documents', goneDoc.storage_key.slice(0, 2), goneDoc.storage_key),
    );

    // After the backup, one dossier reaches the end of its retention and is purged.
    const filedOn = legalDate(new Date((await flanders.get(path(gone.id))).body.filedAt as string));
    const due = new Date(`${addYears(filedOn, 10)}T08:00:00Z`);
    expect(await purgeDossier(platform.deps, gone.id, due)).toMatchObject({ dossierId: gone.id });
    expect(readJournal(proofs, config.auditKey)).toMatchObject([{ dossierId: gone.id }]);
    // The platform goes on, publishing heads beyond what the backup holds; then it is lost.
    await publishAuditHead(database.db, config.auditKey, proofs, due);
    await platform.close();

    // The restore, into a fresh data folder and database, with the installation's proofs folder.
    const targetDir = temp('target');
    const targetUrl = await serverDatabase('target');
    const target = { ...config, dataDir: targetDir, databaseUrl: targetUrl, auditHeadDir: proofs };
    const report = await restoreBackup(target, backupDir);
    expect(report.journal).toEqual({
      entries: 1,
      redeleted: [{ dossierId: gone.id, deletedAt: due.toISOString() }],
    });
    // The gone dossier's key was never loaded; the kept one's was.
    expect(report.keys).toEqual({ restored: 1, notRestored: 1 });
    expect(report.heads.setAside).toBeGreaterThan(0);
    expect(report.audit).toMatchObject({ ok: true });
    expect(report.sweep).toMatchObject({ deleted: 0, failed: 0 });

    // The restored platform works.
    const restored = await open(targetUrl, targetDir);
    platform = await openPlatform({
      database: restored,
      documentsDir: join(targetDir, 'documents'),
      directory,
      overrides: { dataDir: targetDir, databaseUrl: targetUrl, auditHeadDir: proofs },
    });
    try {
      const again = await platform.login('employer');
      const read = await again.get(path(kept.id));
      expect(read.status).toBe(200);
      expect(read.body.reference).toBe(kept.reference);
      const file = await again.download(path(kept.id, `/documents/${keptDoc.id}`));
      expect(file.status).toBe(200);
      expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // The deleted dossier is gone again: no row, no file, no key.
      expect((await again.get(path(gone.id))).status).toBe(404);
      const db = platform.deps.db;
      expect(await db.selectFrom('dossier').select('id').where('id', '=', gone.id).execute()).toEqual([]);
      expect(
        await db.selectFrom('document').select('id').where('dossier_id', '=', gone.id).execute(),
      ).toEqual([]);
      expect(
        existsSync(join(targetDir, 'documents', goneDoc.storage_key.slice(0, 2), goneDoc.storage_key)),
      ).toBe(false);
      expect(await findDossierKey(db, config.documentMasterKey, gone.id)).toBeUndefined();
      // The copy of its file in the backup opens with no key the restored platform holds.
      const keys = await db.selectFrom('dossier_key').selectAll().execute();
      expect(keys.map((k) => k.dossier_id)).toEqual([kept.id]);
      for (const row of keys)
        expect(() =>
          openFile(
            unwrapDataKey(config.documentMasterKey, row.dossier_id, row.wrapped_key),
            goneDoc.id,
            backupFile,
          ),
        ).toThrow();

      // The chain verifies against the heads the restore kept, and records the deletion again.
      expect(await verifyWithPublishedHeads(db, config.auditKey, proofs)).toMatchObject({ ok: true });
      const deletions = await db
        .selectFrom('audit_trail')
        .select('details')
        .where('kind', '=', 'dossier_deleted')
        .execute();
      expect(deletions).toHaveLength(1);
      expect(deletions[0]?.details).toMatchObject({ againAfterRestoreOf: manifest.takenAt });
      // The heads published after the backup are kept aside, not lost.
      expect(readdirSync(proofs).filter((f) => f.startsWith('heads.before-restore-'))).toHaveLength(1);
      expect(readPublishedHeads(proofs).heads.length).toBeGreaterThan(0);
    } finally {
      await platform.close();
    }

    // A target holding data is refused, unless the operator says so.
    await expect(restoreBackup(target, backupDir)).rejects.toBeInstanceOf(RestoreRefused);
    const forced = await restoreBackup(target, backupDir, { force: true });
    expect(forced.journal.redeleted.map((d) => d.dossierId)).toEqual([gone.id]);
    expect(forced.audit).toMatchObject({ ok: true });

    // A proofs folder that is not the installation's (its journal unknown) is refused.
    const elsewhere = {
      ...target,
      dataDir: temp('elsewhere'),
      databaseUrl: await serverDatabase('elsewhere'),
      auditHeadDir: temp('noproofs'),
    };
    await expect(restoreBackup(elsewhere, backupDir)).rejects.toThrow(/--without-journal/);
  });
});
