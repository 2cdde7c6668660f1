import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { AppDeps } from '../deps.js';
import { openPglite, openPostgres, type Database, type Queryable } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { appendAudit, headSignatureHolds, useAuditKey, type Verification } from '../audit/audit.js';
import {
  HEADS_FILE,
  publishAuditHead,
  readPublishedHeads,
  verifyWithPublishedHeads,
} from '../audit/heads.js';
import { localStorage } from '../documents/storage.js';
import { messagingFrom } from '../exchange/channels.js';
import { sourcesFrom } from '../exchange/sources/index.js';
import { systemClock } from '../platform/clock.js';
import { readJournal, type SignedJournalEntry } from '../retention/journal.js';
import { deleteEverything, existingDossiers, purgePlan, removeLeftovers } from '../retention/purge.js';
import { sweepRetention, type SweepReport } from '../retention/sweep.js';

/*
 * Backups that cannot bring a deleted dossier back (issue 12, decision 0011). A backup is a folder
 * of three parts taken one after the other — the database, the key store (the wrapped dossier
 * keys, on PostgreSQL kept out of the database part), the document files — and a manifest. A
 * restore puts them back into an empty target and, before anything is served, replays the
 * deletion journal kept outside the database (src/retention/journal.ts): every dossier deleted
 * since the backup is deleted again and its key forgotten, then the retention sweep runs.
 */

const run = promisify(execFile);

export const MANIFEST = 'manifest.json';
const FORMAT = 'single-window-backup/1';
const PARTS = {
  postgres: 'database.dump',
  pglite: 'database.tar.gz',
  keys: 'keys.jsonl',
  documents: 'documents',
} as const;

export interface BackupManifest {
  format: typeof FORMAT;
  engine: 'pglite' | 'postgres';
  takenAt: string;
  /** The head of the audit chain, published to AUDIT_HEAD_DIR when the backup began. */
  auditHead: { seq: number; hash: string } | null;
  /** Entries of the deletion journal when the backup was taken (for the operator's reading). */
  journalEntries: number;
  parts: { database: string; keys: string; documents: string };
  counts: { keys: number; documentFiles: number };
}

export interface BackupSource {
  database: Database;
  /** The PostgreSQL URL when `database` is a server (pg_dump reads it). */
  databaseUrl: string | undefined;
  documentsDir: string;
  config: Pick<Config, 'auditKey' | 'auditHeadDir'>;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  return (await readdir(dir)).length === 0;
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The wrapped keys as one JSON line each: useless without DOCUMENT_MASTER_KEY, kept apart from it. */
async function exportKeys(db: Queryable, path: string): Promise<number> {
  const rows = await db.selectFrom('dossier_key').selectAll().orderBy('dossier_id').execute();
  writeDurably(
    path,
    rows
      .map((r) =>
        JSON.stringify({
          dossierId: r.dossier_id,
          algorithm: r.algorithm,
          wrapping: r.wrapping,
          masterKeyId: r.master_key_id,
          wrappedKey: Buffer.from(r.wrapped_key).toString('base64'),
          createdAt: new Date(r.created_at).toISOString(),
        }),
      )
      .map((line) => `${line}\n`)
      .join(''),
  );
  return rows.length;
}

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

/**
 * Takes a backup into `to` (absent or empty). The database first, then the keys, then the files:
 * a key or file newer than the database part names a row the restore does not have (skipped, or
 * removed as an orphan at start), and a dossier purged in between is in the journal.
 */
export async function takeBackup(source: BackupSource, to: string, now: Date): Promise<BackupManifest> {
  if (!(await isEmptyDir(to))) throw new Error(`${to} is not empty: a backup goes into a folder of its own`);
  await mkdir(to, { recursive: true, mode: 0o700 });
  const { db } = source.database;
  const { auditKey, auditHeadDir } = source.config;
  // Anchors the chain as it is now: the restore checks it was given this installation's proofs.
  const head = await publishAuditHead(db, auditKey, auditHeadDir, now);
  const engine = source.database.kind;
  let database: string;
  if (engine === 'postgres') {
    if (!source.databaseUrl) throw new Error('a PostgreSQL backup needs DATABASE_URL');
    database = PARTS.postgres;
    // The key store is not in the database part: it is backed up (and may expire) on its own.
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      '--exclude-table-data=dossier_key',
      `--file=${join(to, database)}`,
      source.databaseUrl,
    ]);
  } else {
    if (!source.database.dumpDataDir) throw new Error('this database cannot dump its data folder');
    database = PARTS.pglite;
    const tarball = await source.database.dumpDataDir();
    await writeFile(join(to, database), Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
  }
  const keys = await exportKeys(db, join(to, PARTS.keys));
  // Sealed files only: without their keys they are ciphertext. Files still being written are not copied.
  await mkdir(join(to, PARTS.documents), { recursive: true });
  if (existsSync(source.documentsDir))
    await cp(source.documentsDir, join(to, PARTS.documents), {
      recursive: true,
      filter: (path) => !path.endsWith('.part'),
    });
  const manifest: BackupManifest = {
    format: FORMAT,
    engine,
    takenAt: now.toISOString(),
    auditHead: head && { seq: head.seq, hash: head.hash },
    journalEntries: readJournal(auditHeadDir, auditKey).length,
    parts: { database, keys: PARTS.keys, documents: PARTS.documents },
    counts: { keys, documentFiles: await countFiles(join(to, PARTS.documents)) },
  };
  // Written last: a folder without a manifest is a backup that did not finish.
  writeDurably(join(to, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(from: string): BackupManifest {
  const path = join(from, MANIFEST);
  if (!existsSync(path))
    throw new Error(`${from} holds no ${MANIFEST}: not a backup, or one that did not finish`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown } & Omit<
    BackupManifest,
    'format'
  >;
  if (manifest.format !== FORMAT)
    throw new Error(`${from}: unknown backup format ${String(manifest.format)}`);
  return { ...manifest, format: FORMAT };
}

export interface RestoreOptions {
  /** Restore over a target that holds data (it is replaced). */
  force?: boolean;
  /** Restore without the deletion journal: nothing deleted since the backup is deleted again. */
  withoutJournal?: boolean;
  /** Restore without the key part: every sealed document of the restore is unreadable. */
  withoutKeys?: boolean;
  now?: Date;
}

export interface RestoreReport {
  engine: 'pglite' | 'postgres';
  takenAt: string;
  keys: { restored: number; notRestored: number };
  documentFiles: number;
  journal: { entries: number; redeleted: { dossierId: string; deletedAt: string }[] };
  sweep: SweepReport;
  heads: { kept: number; setAside: number; file: string | undefined };
  audit: Verification;
}

export class RestoreRefused extends Error {}

/** The PGlite folder is held by a running process: restoring under it would corrupt both. */
function refuseIfLocked(dataDir: string): void {
  const lock = join(dataDir, 'single-window.lock');
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return;
  }
  throw new RestoreRefused(`${dataDir} is in use by process ${pid}: stop the platform first`);
}

async function postgresTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_schema = current_schema()`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

/**
 * The heads file of AUDIT_HEAD_DIR against the restored chain: heads published after the backup
 * name rows the restore no longer has (the tail it cut). The file is set aside whole, as it was,
 * and the heads the restored chain still reaches are kept, so verification goes on from them.
 */
async function settleHeads(db: Queryable, dir: string, now: Date) {
  const { heads } = readPublishedHeads(dir);
  const last = await db
    .selectFrom('audit_trail')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const end = last?.seq ?? 0;
  const kept = heads.filter((h) => h.seq <= end);
  if (kept.length === heads.length) return { kept: kept.length, setAside: 0, file: undefined };
  const file = `heads.before-restore-${now.toISOString().replace(/[:.]/g, '-')}.jsonl`;
  renameSync(join(dir, HEADS_FILE), join(dir, file));
  writeDurably(join(dir, HEADS_FILE), kept.map((h) => `${JSON.stringify(h)}\n`).join(''));
  return { kept: kept.length, setAside: heads.length - kept.length, file };
}

interface KeyLine {
  dossierId: string;
  algorithm: string;
  wrapping: string;
  masterKeyId: string;
  wrappedKey: string;
  createdAt: string;
}

async function restoreKeys(db: Queryable, path: string | undefined, forgotten: Set<string>) {
  // The embedded engine's folder holds the key rows too: they are replaced by the key part.
  await db.deleteFrom('dossier_key').execute();
  if (!path) return { restored: 0, notRestored: 0 };
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as KeyLine);
  const dossiers = await existingDossiers(
    db,
    lines.map((k) => k.dossierId),
  );
  // Never loaded: keys of dossiers deleted since (the journal), or newer than the database part.
  const wanted = lines.filter((k) => dossiers.has(k.dossierId) && !forgotten.has(k.dossierId));
  for (let i = 0; i < wanted.length; i += 500)
    await db
      .insertInto('dossier_key')
      .values(
        wanted.slice(i, i + 500).map((k) => ({
          dossier_id: k.dossierId,
          algorithm: k.algorithm,
          wrapping: k.wrapping,
          master_key_id: k.masterKeyId,
          wrapped_key: Buffer.from(k.wrappedKey, 'base64'),
          created_at: new Date(k.createdAt),
        })),
      )
      .execute();
  return { restored: wanted.length, notRestored: lines.length - wanted.length };
}

/** Deletes again, whole, each dossier of the journal the backup brought back. */
async function replayJournal(
  deps: Pick<AppDeps, 'db' | 'storage' | 'messaging'>,
  journal: SignedJournalEntry[],
  takenAt: string,
  now: Date,
) {
  const plan = await purgePlan(deps.db);
  const redeleted: { dossierId: string; deletedAt: string }[] = [];
  for (const entry of journal) {
    const purged = await deps.db.transaction().execute(async (tx) => {
      // Nothing else runs on a target being restored: no lock is needed.
      if (!(await existingDossiers(tx, [entry.dossierId])).has(entry.dossierId)) return undefined;
      await sql`select set_config('single_window.retention_purge', 'on', true)`.execute(tx);
      const files = await deleteEverything(tx, plan, entry.dossierId, now);
      await appendAudit(tx, {
        at: now,
        kind: 'dossier_deleted',
        dossierId: null,
        details: {
          referenceHash: entry.referenceHash,
          rule: entry.rule,
          until: entry.until,
          deletedAt: entry.deletedAt,
          againAfterRestoreOf: takenAt,
        },
      });
      return files;
    });
    if (!purged) continue;
    redeleted.push({ dossierId: entry.dossierId, deletedAt: entry.deletedAt });
    await removeLeftovers(deps, purged);
  }
  return redeleted;
}

/**
 * Restores the backup in `from` into the database and data folder of `config`, then deletes again
 * what was deleted since, before anything is served. Refuses a target holding data unless forced,
 * and a proof folder (AUDIT_HEAD_DIR) that is not this installation's unless told to go without.
 */
export async function restoreBackup(
  config: Config,
  from: string,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const now = options.now ?? new Date();
  const manifest = readManifest(from);
  const engine = config.databaseUrl ? 'postgres' : 'pglite';
  if (engine !== manifest.engine)
    throw new RestoreRefused(
      `the backup is of ${manifest.engine === 'pglite' ? 'the embedded database' : 'PostgreSQL'}; the target is ${engine === 'pglite' ? 'the embedded database (no DATABASE_URL)' : 'PostgreSQL (DATABASE_URL)'}`,
    );
  const keyPart = join(from, manifest.parts.keys);
  if (!existsSync(keyPart) && !options.withoutKeys)
    throw new RestoreRefused(
      `the key part ${keyPart} is missing (expired?): --without-keys restores with every sealed document unreadable`,
    );

  // The journal and the proofs, read before anything changes: a wrong folder stops here.
  const proofs = config.auditHeadDir;
  let journal: SignedJournalEntry[] = [];
  if (!options.withoutJournal) {
    const { heads, unreadable } = readPublishedHeads(proofs);
    if (unreadable > 0 || heads.some((h) => !headSignatureHolds(h, config.auditKey)))
      throw new RestoreRefused(`${proofs}/${HEADS_FILE} holds a head not signed with AUDIT_KEY`);
    const anchored =
      manifest.auditHead === null ||
      heads.some((h) => h.seq === manifest.auditHead?.seq && h.hash === manifest.auditHead.hash);
    if (!anchored)
      throw new RestoreRefused(
        `AUDIT_HEAD_DIR (${proofs}) lacks the head the backup published: it is not the proof folder of the installation backed up, so its deletion journal cannot be trusted to be complete. Point AUDIT_HEAD_DIR at it, or --without-journal to restore without deleting again what was deleted since the backup`,
      );
    journal = readJournal(proofs, config.auditKey);
  }

  const documentsDir = join(config.dataDir, 'documents');
  if (engine === 'pglite') refuseIfLocked(config.dataDir);
  const pgData = join(config.dataDir, 'pg');
  const holdsData =
    (engine === 'postgres' && config.databaseUrl
      ? (await postgresTables(config.databaseUrl)) > 0
      : existsSync(join(pgData, 'PG_VERSION'))) || !(await isEmptyDir(documentsDir));
  if (holdsData && !options.force)
    throw new RestoreRefused('the target holds data (database or documents): --force replaces it');

  let database: Database;
  if (engine === 'postgres' && config.databaseUrl) {
    if (holdsData) await emptyPostgres(config.databaseUrl);
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${config.databaseUrl}`,
      join(from, manifest.parts.database),
    ]);
    database = openPostgres(config.databaseUrl);
  } else {
    await rm(pgData, { recursive: true, force: true });
    const tarball = new Blob([await readFile(join(from, manifest.parts.database))]);
    database = await openPglite(config.dataDir, { loadDataDir: tarball });
  }
  const outgoing = messagingFrom(config.messaging, join(config.dataDir, 'outbox'));
  try {
    await migrate(database);
    // The restore writes to the chain (the deletions it replays) with the installation's key.
    useAuditKey(config.auditKey);
    const forgotten = new Set(journal.map((e) => e.dossierId));
    const keys = await restoreKeys(database.db, options.withoutKeys ? undefined : keyPart, forgotten);

    await rm(documentsDir, { recursive: true, force: true });
    await mkdir(documentsDir, { recursive: true });
    await cp(join(from, manifest.parts.documents), documentsDir, { recursive: true });

    const heads = options.withoutJournal
      ? { kept: readPublishedHeads(proofs).heads.length, setAside: 0, file: undefined }
      : await settleHeads(database.db, proofs, now);
    const deps = {
      db: database.db,
      clock: systemClock,
      config,
      storage: localStorage(documentsDir),
      messaging: outgoing.messaging,
      sources: sourcesFrom(config.sources),
    };
    const redeleted = await replayJournal(deps, journal, manifest.takenAt, now);
    // What came due while the backup waited is deleted too, before the first request.
    const sweep = await sweepRetention(deps, now);
    await publishAuditHead(database.db, config.auditKey, proofs, now);
    const audit = await verifyWithPublishedHeads(database.db, config.auditKey, proofs);
    return {
      engine,
      takenAt: manifest.takenAt,
      keys,
      documentFiles: await countFiles(documentsDir),
      journal: { entries: journal.length, redeleted },
      sweep,
      heads,
      audit,
    };
  } finally {
    outgoing.close();
    await database.close();
  }
}
