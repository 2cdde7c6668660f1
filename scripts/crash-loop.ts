/**
 * The crash loop (issue 12): kill -9 at random moments during concurrent filings and uploads,
 * then prove, at the next start on the same data, that nothing acknowledged was lost or done twice.
 *
 *   npx tsx scripts/crash-loop.ts --db pglite|postgres [--cycles 200] [--clients 3] [--seed 42]
 *
 * Each cycle starts the real server, compiled as production runs it (`node dist/server.js --demo`,
 * built once at the loop's start), as a child process
 * on the data the previous cycle left, waits for /health, checks everything the previous cycle
 * saw acknowledged, runs filings and uploads from a few clients signed in as the demo employer
 * (each request with an Idempotency-Key) and sends SIGKILL to the server 50-1500 ms into that
 * load. With the server dead it opens the database itself and checks the counts, the document
 * files and the audit chain. See docs/security.md, "The crash loop".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { useAuditKey } from '../src/audit/audit.js';
import { publishAuditHead, verifyWithPublishedHeads } from '../src/audit/heads.js';
import { loadConfig, type Config } from '../src/config.js';
import { openPglite, openPostgres, type Database } from '../src/db/database.js';
import { DEMO_PDF, documentsToUpload, singlePermitSections } from '../src/demo/fixtures.js';
import { documentContent } from '../src/documents/documents.service.js';
import { ORPHAN_MIN_AGE_MS } from '../src/documents/orphans.js';
import { localStorage } from '../src/documents/storage.js';
import type { AppDeps } from '../src/deps.js';
import { DOCUMENT_CATEGORY } from '../src/rules/documents.js';
import type { DocumentType } from '../src/contract/documents.js';

// ---------------------------------------------------------------------------------------------
// Options

const { values: options } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    cycles: { type: 'string', default: '200' },
    clients: { type: 'string', default: '3' },
    seed: { type: 'string' },
    'kill-min-ms': { type: 'string', default: '50' },
    'kill-max-ms': { type: 'string', default: '1500' },
    'pg-admin-url': {
      type: 'string',
      default: process.env.CRASH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const kind = options.db;
if (kind !== 'pglite' && kind !== 'postgres') {
  console.error('usage: crash-loop --db pglite|postgres [--cycles N] [--clients K] [--seed S]');
  process.exit(2);
}
const cycles = Number(options.cycles);
const clientCount = Number(options.clients);
const killMin = Number(options['kill-min-ms']);
const killMax = Number(options['kill-max-ms']);
if (![cycles, clientCount, killMin, killMax].every((n) => Number.isInteger(n) && n >= 0) || cycles < 1) {
  console.error('crash-loop: --cycles, --clients, --kill-min-ms and --kill-max-ms take whole numbers');
  process.exit(2);
}
const seed = options.seed ? Number(options.seed) : randomBytes(4).readUInt32LE(0);

/** mulberry32: a seeded generator, so a failing run can be repeated with --seed. */
function generator(s: number) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);

// ---------------------------------------------------------------------------------------------
// What was sent and what was acknowledged

/** One state change as sent: enough to send it again with its key. */
interface Sent {
  key: string;
  method: 'POST';
  path: string;
  /** A JSON body, or an upload of DEMO_PDF as this document type. */
  body: { json: unknown } | { upload: string };
}

interface Acknowledged extends Sent {
  status: number;
  answer: unknown;
  cycle: number;
}

interface Filing {
  createKey: string;
  createBody: unknown;
  dossierId?: string;
  /** Upload key → document type; the document id once its upload was acknowledged. */
  uploads: Map<string, { type: string; documentId?: string }>;
  submitKey?: string;
  submitted: boolean;
  /** Whether its create's answer has been received (now or by a retry). */
  createAcknowledged: boolean;
}

const filings = new Map<string, Filing>(); // by create key
const filingOfUpload = new Map<string, Filing>();
const filingOfSubmit = new Map<string, Filing>();
/** Acknowledged in the cycle just ended: replayed and checked at the next start. */
let toReplay: Acknowledged[] = [];
/** Sent in the cycle just ended, no answer received (the kill came first): sent again at the next start. */
let unanswered: Sent[] = [];
/** Documents acknowledged since the database was last checked: their files are opened there. */
let toOpen: { dossierId: string; documentId: string }[] = [];
/** After filing, the applicant sees documents of these categories listed, not their content. */
const LISTED_ONLY_AFTER_FILING = new Set(['health', 'criminal']);

const totals = {
  cycles: 0,
  kills: 0,
  sent: 0,
  acknowledged: 0,
  acknowledgedFilings: 0,
  retriedAfterKill: 0,
  replaysChecked: 0,
  downloadsChecked: 0,
  dbChecks: 0,
  orphanChecks: 0,
  filesChecked: 0,
  filesOpened: 0,
  auditVerifications: 0,
  checksPassed: 0,
};

class CheckFailed extends Error {}
const failures: string[] = [];
function check(ok: boolean, what: string): void {
  if (ok) {
    totals.checksPassed += 1;
    return;
  }
  failures.push(what);
}

// ---------------------------------------------------------------------------------------------
// HTTP

let baseUrl = '';

class Client {
  private cookie = '';
  private csrf = '';

  async send(method: string, path: string, body?: Sent['body'], key?: string) {
    const headers: Record<string, string> = { 'accept-language': 'en' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (key) headers['idempotency-key'] = key;
    let payload: string | FormData | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      const form = new FormData();
      form.append('type', body.upload);
      form.append('file', new Blob([DEMO_PDF]), `${body.upload}.pdf`);
      payload = form;
    }
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(payload !== undefined && { body: payload }),
      signal: AbortSignal.timeout(60_000),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = res.headers.get('content-type')?.includes('json');
    const parsed: unknown = json && bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrf = String(parsed.csrfToken);
    return { status: res.status, body: parsed as any, bytes };
  }

  async signIn(): Promise<void> {
    const res = await this.send('POST', '/api/v1/session', {
      json: { username: 'employer', password: 'demo' },
    });
    if (res.status !== 200) throw new CheckFailed(`sign-in as employer answered ${res.status}`);
  }
}

/** Deterministic JSON (sorted keys): jsonb does not keep the order of a replayed body's keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// The server

/** The repository: the server, tsx and the npm scripts are found from here, wherever the loop was started. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runId = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;
let dataDir = '';
let databaseUrl: string | undefined;
let serverEnv: NodeJS.ProcessEnv = {};
let config: Config;
let server: { child: ChildProcess; output: string[]; exited: Promise<number | null> } | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

async function startServer(): Promise<number> {
  const started = Date.now();
  // node itself, not npx/tsx's wrapper: SIGKILL must reach the process that holds the data.
  const child = spawn(process.execPath, ['dist/server.js', '--demo'], {
    cwd: root,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  server = { child, output, exited };
  const status = { dead: false };
  void exited.then(() => {
    status.dead = true;
  });
  for (;;) {
    if (status.dead)
      throw new CheckFailed(
        `the server did not start on the data the kill left:\n    ${output.slice(-30).join('\n    ')}`,
      );
    if (Date.now() - started > 180_000) throw new CheckFailed('the server did not answer /health in 180 s');
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function killServer(signal: NodeJS.Signals): Promise<void> {
  if (!server) return;
  const { child, exited } = server;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await exited;
  server = undefined;
}

// ---------------------------------------------------------------------------------------------
// The load: filings and uploads until the kill

let organisations: { post: string; municipality: string } | undefined;
let serial = 0;
const today = () => new Date().toISOString().slice(0, 10);

function newFiling(cycle: number, client: number): Filing {
  serial += 1;
  const abroad = serial % 2 === 0;
  const sections = singlePermitSections(
    {
      serial: 1000 + serial,
      givenNames: `Crash ${serial}`,
      familyName: 'Voorbeeld-Exemple',
      nationality: 'IN',
      abroad,
      workplacePostcode: '2000',
    },
    {
      visaPost: organisations?.post ?? '',
      municipality: organisations?.municipality ?? '',
      employerSerial: 1,
    },
  );
  const filing: Filing = {
    createKey: `crash-${runId}-c${cycle}-k${client}-f${serial}-create`,
    createBody: { procedure: 'single_permit', category: 'single_permit', ...sections },
    uploads: new Map(),
    submitted: false,
    createAcknowledged: false,
  };
  for (const type of documentsToUpload({
    procedure: 'single_permit',
    category: 'single_permit',
    postcode: '2000',
    abroad,
    on: today(),
  })) {
    const key = `crash-${runId}-f${serial}-upload-${type}`;
    filing.uploads.set(key, { type });
    filingOfUpload.set(key, filing);
  }
  filing.submitKey = `crash-${runId}-f${serial}-submit`;
  filingOfSubmit.set(filing.submitKey, filing);
  filings.set(filing.createKey, filing);
  return filing;
}

/** Notes what a 2xx answer acknowledged, on the filing it belongs to. */
function acknowledge(sent: Sent, status: number, answer: any, cycle: number): void {
  totals.acknowledged += 1;
  toReplay.push({ ...sent, status, answer, cycle });
  const created = filings.get(sent.key);
  if (created) {
    created.dossierId = String(answer.id);
    created.createAcknowledged = true;
    return;
  }
  const uploaded = filingOfUpload.get(sent.key);
  if (uploaded) {
    const upload = uploaded.uploads.get(sent.key)!;
    const known = new Set(
      [...uploaded.uploads.values()].map((u) => u.documentId).filter((id): id is string => !!id),
    );
    const documents = (answer.documents ?? []) as { id: string; type: string }[];
    // The newest document of that type the answer shows that no other acknowledged upload claims.
    const mine = documents.filter((d) => d.type === upload.type && !known.has(d.id));
    upload.documentId = mine.at(-1)?.id;
    if (upload.documentId)
      toOpen.push({ dossierId: uploaded.dossierId ?? '', documentId: upload.documentId });
    check(
      mine.length === 1,
      `the answer to upload ${sent.key} shows ${mine.length} new documents of type ${upload.type}, not 1`,
    );
    return;
  }
  const submitted = filingOfSubmit.get(sent.key);
  if (submitted) {
    submitted.submitted = true;
    totals.acknowledgedFilings += 1;
  }
}

interface LoadState {
  cycle: number;
  stopped: boolean;
  inFlight: Set<Sent>;
  unexpected: string[];
}

async function sendTracked(client: Client, state: LoadState, sent: Sent): Promise<any> {
  if (state.stopped) return undefined;
  state.inFlight.add(sent);
  totals.sent += 1;
  let res: Awaited<ReturnType<Client['send']>>;
  try {
    res = await client.send(sent.method, sent.path, sent.body, sent.key);
  } catch {
    // No answer: the server died under it. Sent again with its key at the next start.
    state.stopped = true;
    return undefined;
  }
  state.inFlight.delete(sent);
  if (res.status >= 200 && res.status < 300) {
    acknowledge(sent, res.status, res.body, state.cycle);
    return res.body;
  }
  state.unexpected.push(`${sent.path} (${sent.key}) answered ${res.status} ${JSON.stringify(res.body)}`);
  state.stopped = true;
  return undefined;
}

async function fileUntilKilled(client: Client, state: LoadState, index: number): Promise<void> {
  while (!state.stopped) {
    const filing = newFiling(state.cycle, index);
    const created = await sendTracked(client, state, {
      key: filing.createKey,
      method: 'POST',
      path: '/api/v1/dossiers',
      body: { json: filing.createBody },
    });
    if (!created) return;
    const id = String(created.id);
    // The documents of one filing go up concurrently: they queue on the dossier's lock.
    const answers = await Promise.all(
      [...filing.uploads].map(([key, upload]) =>
        sendTracked(client, state, {
          key,
          method: 'POST',
          path: `/api/v1/dossiers/${id}/documents`,
          body: { upload: upload.type },
        }),
      ),
    );
    if (answers.some((a) => !a)) return;
    const submitted = await sendTracked(client, state, {
      key: filing.submitKey!,
      method: 'POST',
      path: `/api/v1/dossiers/${id}/submit`,
      body: { json: {} },
    });
    if (!submitted) return;
  }
}

// ---------------------------------------------------------------------------------------------
// The checks at each start, over HTTP

async function checkAfterRestart(cycle: number, checker: Client): Promise<void> {
  // 1. What the kill cut short is sent again with its key: done once, whether it had committed or not.
  for (const sent of unanswered) {
    const res = await checker.send(sent.method, sent.path, sent.body, sent.key);
    totals.retriedAfterKill += 1;
    check(
      res.status >= 200 && res.status < 300,
      `cycle ${cycle}: retry of ${sent.path} (${sent.key}) after the kill answered ${res.status} ${JSON.stringify(res.body)}`,
    );
    if (res.status < 300) acknowledge(sent, res.status, res.body, cycle - 1);
  }
  unanswered = [];
  // 2. Every acknowledged request, sent again with its key, replays the same answer.
  const touched = new Set<Filing>();
  for (const ack of toReplay) {
    const res = await checker.send(ack.method, ack.path, ack.body, ack.key);
    totals.replaysChecked += 1;
    check(
      res.status === ack.status && canonical(res.body) === canonical(ack.answer),
      `cycle ${cycle}: replay of ${ack.path} (${ack.key}, acknowledged in cycle ${ack.cycle}) answered ${res.status}, not the ${ack.status} acknowledged` +
        (res.status === ack.status ? ' (another body)' : ''),
    );
    const filing = filings.get(ack.key) ?? filingOfUpload.get(ack.key) ?? filingOfSubmit.get(ack.key);
    if (filing) touched.add(filing);
  }
  toReplay = [];
  // 3. Every filing touched: there, filed if its submit was acknowledged, every acknowledged document downloadable.
  for (const filing of touched) {
    if (!filing.dossierId) continue;
    const view = await checker.send('GET', `/api/v1/dossiers/${filing.dossierId}`);
    check(
      view.status === 200,
      `cycle ${cycle}: acknowledged dossier ${filing.dossierId} answers ${view.status}`,
    );
    if (view.status !== 200) continue;
    if (filing.submitted)
      check(
        view.body.state === 'filed',
        `cycle ${cycle}: acknowledged filing ${filing.dossierId} is ${String(view.body.state)}, not filed`,
      );
    const present = new Set(((view.body.documents ?? []) as { id: string }[]).map((d) => d.id));
    for (const upload of filing.uploads.values()) {
      if (!upload.documentId) continue;
      check(
        present.has(upload.documentId),
        `cycle ${cycle}: acknowledged document ${upload.documentId} (${upload.type}) missing from dossier ${filing.dossierId}`,
      );
      // Health and criminal-record documents are the worker's: after filing the employer sees
      // them listed only (docs/access-policy.md); their files are opened in the database check.
      const listedOnly =
        filing.submitted && LISTED_ONLY_AFTER_FILING.has(DOCUMENT_CATEGORY[upload.type as DocumentType]);
      if (listedOnly) continue;
      const file = await checker.send(
        'GET',
        `/api/v1/dossiers/${filing.dossierId}/documents/${upload.documentId}`,
      );
      totals.downloadsChecked += 1;
      check(
        file.status === 200 && file.bytes.equals(DEMO_PDF),
        `cycle ${cycle}: acknowledged document ${upload.documentId} (${upload.type}) downloads as ${file.status}${file.status === 200 ? ' with other bytes' : ` ${file.bytes.toString('utf8').slice(0, 200)}`}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The checks with the server dead, on the database and the folders directly

const documentsDir = () => join(dataDir, 'documents');

/** Every file in document storage: its key and path. */
async function storedFiles(): Promise<{ key: string; path: string }[]> {
  const root = documentsDir();
  if (!existsSync(root)) return [];
  const files: { key: string; path: string }[] = [];
  for (const folder of await readdir(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const entry of await readdir(join(root, folder.name), { withFileTypes: true }))
      if (entry.isFile()) files.push({ key: entry.name, path: join(root, folder.name, entry.name) });
  }
  return files;
}

async function openDatabase(): Promise<Database> {
  return databaseUrl ? openPostgres(databaseUrl) : openPglite(dataDir);
}

/** The dossiers the demo seeded: there before the load, never touched by it. */
let seeded: Set<string> | undefined;

async function checkDatabase(
  cycle: number,
  afterStart: { key: string; path: string }[],
  exact: boolean,
): Promise<void> {
  const database = await openDatabase();
  try {
    const { db } = database;
    totals.dbChecks += 1;
    // One dossier per create key, the acknowledged one; none the load does not know of.
    const creates = await db
      .selectFrom('dossier_action')
      .select(['dossier_id', 'idempotency_key'])
      .where('action', '=', 'create')
      .execute();
    const dossierRows = await db.selectFrom('dossier').select(['id', 'state']).execute();
    const stateOf = new Map(dossierRows.map((d) => [d.id, d.state]));
    const ours = creates.filter((c) => filings.has(c.idempotency_key));
    const foreign = new Set(creates.filter((c) => !filings.has(c.idempotency_key)).map((c) => c.dossier_id));
    if (!seeded) seeded = foreign;
    check(
      foreign.size === seeded.size && [...foreign].every((id) => seeded!.has(id)),
      `cycle ${cycle}: ${foreign.size - seeded.size} dossiers were created under keys the load never sent`,
    );
    check(
      dossierRows.length === creates.length,
      `cycle ${cycle}: ${dossierRows.length} dossiers but ${creates.length} create actions`,
    );
    const byKey = new Map<string, string[]>();
    for (const c of ours)
      byKey.set(c.idempotency_key, [...(byKey.get(c.idempotency_key) ?? []), c.dossier_id]);
    for (const [key, ids] of byKey)
      check(ids.length === 1, `cycle ${cycle}: create ${key} made ${ids.length} dossiers`);
    for (const filing of filings.values()) {
      if (!filing.createAcknowledged) continue;
      const ids = byKey.get(filing.createKey) ?? [];
      check(
        ids.length === 1 && ids[0] === filing.dossierId && stateOf.has(filing.dossierId ?? ''),
        `cycle ${cycle}: acknowledged dossier ${filing.dossierId} (create ${filing.createKey}) is not in the database as created`,
      );
      if (filing.submitted)
        check(
          stateOf.get(filing.dossierId!) === 'filed',
          `cycle ${cycle}: acknowledged filing ${filing.dossierId} is ${String(stateOf.get(filing.dossierId!))} in the database, not filed`,
        );
    }
    if (exact) {
      const open = [...filings.values()].filter((f) => !f.createAcknowledged && byKey.has(f.createKey));
      check(
        open.length === 0,
        `cycle ${cycle}: ${open.length} dossiers exist whose create was never acknowledged, even when retried`,
      );
    }
    // Each key acted once: no action twice under one key, one submit per filing.
    const oursIds = [...byKey.values()].flat();
    if (oursIds.length > 0) {
      const actions = await db
        .selectFrom('dossier_action')
        .select(['dossier_id', 'action', 'idempotency_key'])
        .where('dossier_id', 'in', oursIds)
        .execute();
      const perKey = new Map<string, number>();
      const submits = new Map<string, number>();
      const adds = new Map<string, number>();
      for (const a of actions) {
        perKey.set(a.idempotency_key, (perKey.get(a.idempotency_key) ?? 0) + 1);
        if (a.action === 'submit') submits.set(a.dossier_id, (submits.get(a.dossier_id) ?? 0) + 1);
        if (a.action === 'add_document') adds.set(a.dossier_id, (adds.get(a.dossier_id) ?? 0) + 1);
      }
      for (const [key, n] of perKey) check(n === 1, `cycle ${cycle}: ${n} actions under the one key ${key}`);
      for (const [id, n] of submits) check(n === 1, `cycle ${cycle}: dossier ${id} was submitted ${n} times`);
      for (const filing of filings.values())
        if (filing.submitted && filing.dossierId)
          check(
            submits.get(filing.dossierId) === 1,
            `cycle ${cycle}: acknowledged filing ${filing.dossierId} has ${submits.get(filing.dossierId) ?? 0} submit actions`,
          );
      // Documents: a row per add_document action; each acknowledged one there, with its file.
      const documents = await db
        .selectFrom('document')
        .select(['id', 'dossier_id', 'storage_key', 'removed_at'])
        .where('dossier_id', 'in', oursIds)
        .execute();
      const rows = new Map<string, number>();
      for (const d of documents) rows.set(d.dossier_id, (rows.get(d.dossier_id) ?? 0) + 1);
      for (const id of oursIds)
        check(
          (rows.get(id) ?? 0) === (adds.get(id) ?? 0),
          `cycle ${cycle}: dossier ${id} has ${rows.get(id) ?? 0} document rows for ${adds.get(id) ?? 0} add_document actions`,
        );
      const docById = new Map(documents.map((d) => [d.id, d]));
      for (const filing of filings.values())
        for (const upload of filing.uploads.values()) {
          if (!upload.documentId) continue;
          const row = docById.get(upload.documentId);
          check(
            !!row && row.removed_at === null && row.dossier_id === filing.dossierId,
            `cycle ${cycle}: acknowledged document ${upload.documentId} is not in the database`,
          );
          if (row) {
            totals.filesChecked += 1;
            check(
              existsSync(join(documentsDir(), row.storage_key.slice(0, 2), row.storage_key)),
              `cycle ${cycle}: the file of acknowledged document ${upload.documentId} is gone from storage`,
            );
          }
        }
    }
    // The files of the documents acknowledged since the last check (all of them at the end) open,
    // with their dossier's key and seal, to the bytes uploaded.
    const opening = exact
      ? [...filings.values()].flatMap((f) =>
          [...f.uploads.values()]
            .filter((u) => u.documentId && f.dossierId)
            .map((u) => ({ dossierId: f.dossierId!, documentId: u.documentId! })),
        )
      : toOpen;
    toOpen = [];
    const storage = localStorage(documentsDir());
    const deps = { config, storage } as unknown as AppDeps;
    for (const { dossierId, documentId } of opening) {
      const row = await db
        .selectFrom('document')
        .select(['id', 'storage_key'])
        .where('id', '=', documentId)
        .executeTakeFirst();
      if (!row) continue; // reported above
      const content = await db
        .transaction()
        .execute((tx) => documentContent(deps, tx, dossierId, { id: row.id, storageKey: row.storage_key }))
        .catch((error: unknown) => error);
      totals.filesOpened += 1;
      check(
        Buffer.isBuffer(content) && content.equals(DEMO_PDF),
        `cycle ${cycle}: the file of acknowledged document ${documentId} does not open to the bytes uploaded: ${Buffer.isBuffer(content) ? 'other bytes' : String(content)}`,
      );
    }
    // No orphan after the start's clean-up: every file there at /health is named by a row.
    totals.orphanChecks += 1;
    if (afterStart.length > 0) {
      const named = new Set(
        (
          await db
            .selectFrom('document')
            .select('storage_key')
            .where(
              'storage_key',
              'in',
              afterStart.map((f) => f.key),
            )
            .execute()
        ).map((r) => r.storage_key),
      );
      const orphans = afterStart.filter((f) => !named.has(f.key));
      check(
        orphans.length === 0,
        `cycle ${cycle}: ${orphans.length} orphan files left after the start's clean-up: ${orphans
          .slice(0, 5)
          .map((f) => f.key)
          .join(', ')}`,
      );
    }
    // The audit chain verifies, against every head published so far; then its head is published
    // (as `npm run audit:head -- --publish` would), so a later cycle that lost a committed entry shows.
    const verification = await verifyWithPublishedHeads(db, config.auditKey, config.auditHeadDir);
    totals.auditVerifications += 1;
    check(verification.ok, `cycle ${cycle}: the audit chain is broken: ${JSON.stringify(verification)}`);
    if (verification.ok) await publishAuditHead(db, config.auditKey, config.auditHeadDir, new Date());
  } finally {
    await database.close();
  }
}

/**
 * Makes every stored file older than the clean-up's threshold, as if the next start came 15
 * minutes later, so the start's clean-up judges the files the kill left (production unchanged).
 */
async function ageFiles(): Promise<void> {
  const old = new Date(Date.now() - ORPHAN_MIN_AGE_MS - 60_000);
  for (const file of await storedFiles()) await utimes(file.path, old, old).catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// The run

async function prepare(): Promise<void> {
  dataDir = await mkdtemp(join(tmpdir(), `crash-${kind}-`));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  serverEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete serverEnv.DATABASE_URL;
  delete serverEnv.NODE_ENV;
  if (kind === 'postgres') {
    const name = `crash_${runId}`;
    const admin = new pg.Client({ connectionString: options['pg-admin-url'] });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(options['pg-admin-url']);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    serverEnv.DATABASE_URL = databaseUrl;
    serverEnv.DEMO_SEED_DATABASE_URL = 'true';
  }
  config = loadConfig(serverEnv, ['--demo']);
  useAuditKey(config.auditKey);
}

async function cleanUp(keep: boolean): Promise<void> {
  await killServer('SIGKILL').catch(() => undefined);
  if (keep) {
    console.log(`crash-loop: data kept in ${dataDir}${databaseUrl ? ` and database ${databaseUrl}` : ''}`);
    return;
  }
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: options['pg-admin-url'] });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS crash_${runId} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return runCommand('npm', ['run', '--silent', ...args]);
}

function runCommand(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: serverEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => {
      resolve({ code, output });
    });
  });
}

const timings = { start: [] as number[], cycle: [] as number[] };
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function bail(cycle: number): void {
  if (failures.length === 0) return;
  throw new CheckFailed(`cycle ${cycle} failed`);
}

/** The server as production runs it: compiled once, so each restart costs what an operator's would. */
async function buildServer(): Promise<void> {
  const built = await runCommand('npx', ['tsx', 'scripts/build-server.ts']);
  if (built.code !== 0) throw new CheckFailed(`the server did not compile:\n${built.output}`);
}

async function main(): Promise<void> {
  await prepare();
  await buildServer();
  const began = Date.now();
  console.log(
    `crash-loop: ${kind}, ${cycles} cycles, ${clientCount} clients, kill ${killMin}-${killMax} ms into the load, seed ${seed}`,
  );
  const checker = new Client();
  const clients = Array.from({ length: clientCount }, () => new Client());
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const cycleBegan = Date.now();
    timings.start.push(await startServer());
    // What the start's clean-up left: judged against the rows once the server is down again.
    const afterStart = await storedFiles();
    if (!organisations) {
      // Signed in once: the sessions are rows of the database and outlive every kill.
      await Promise.all([checker, ...clients].map((c) => c.signIn()));
      const post = await checker.send('GET', '/api/v1/organisations?kind=post');
      const municipality = await checker.send('GET', '/api/v1/organisations?kind=municipality');
      organisations = {
        post: String(post.body.items[0].id),
        municipality: String(municipality.body.items[0].id),
      };
    }
    await checkAfterRestart(cycle, checker);
    bail(cycle);
    // The load, and the kill at a random moment into it.
    const state: LoadState = { cycle, stopped: false, inFlight: new Set(), unexpected: [] };
    const killAfter = killMin + Math.floor(random() * (killMax - killMin + 1));
    const load = Promise.all(clients.map((c, i) => fileUntilKilled(c, state, i)));
    await new Promise((r) => setTimeout(r, killAfter));
    await killServer('SIGKILL');
    state.stopped = true;
    totals.kills += 1;
    await load;
    unanswered = [...state.inFlight];
    for (const u of state.unexpected) failures.push(`cycle ${cycle}: under load, ${u}`);
    await checkDatabase(cycle, afterStart, false);
    bail(cycle);
    await ageFiles();
    totals.cycles = cycle;
    timings.cycle.push(Date.now() - cycleBegan);
    if (options.verbose || cycle % 10 === 0 || cycle === cycles)
      console.log(
        `  cycle ${cycle}/${cycles}: killed ${killAfter} ms into the load, ${totals.acknowledged} acknowledged so far, ` +
          `${unanswered.length} in flight; mean cycle ${Math.round(mean(timings.cycle))} ms (start ${Math.round(mean(timings.start))} ms)`,
      );
  }
  // A last start: the last kill's requests retried and checked, then a clean stop (which publishes
  // the head), the database checked exactly, and the command operators run.
  await startServer();
  const afterStart = await storedFiles();
  await checkAfterRestart(cycles + 1, checker);
  await killServer('SIGTERM');
  await checkDatabase(cycles + 1, afterStart, true);
  bail(cycles + 1);
  const cli = await runCli(['audit:verify']);
  check(
    cli.code === 0 && cli.output.includes('audit trail intact'),
    `npm run audit:verify failed (${cli.code}): ${cli.output.trim()}`,
  );
  bail(cycles + 1);
  const seconds = (Date.now() - began) / 1000;
  console.log(`  ${cli.output.trim().split('\n').join('\n  ')}`);
  console.log(
    `crash-loop ${kind}: PASSED in ${seconds.toFixed(0)} s — ${totals.cycles} cycles, ${totals.kills} kills (SIGKILL), ` +
      `${totals.sent} requests sent, ${totals.acknowledged} acknowledged (${totals.acknowledgedFilings} whole filings), ` +
      `${totals.retriedAfterKill} retried after a kill; ${totals.replaysChecked} replays, ${totals.downloadsChecked} downloads, ` +
      `${totals.filesChecked} file presence checks, ${totals.filesOpened} files opened, ${totals.dbChecks} database counts, ${totals.orphanChecks} orphan checks, ` +
      `${totals.auditVerifications} audit verifications; ${totals.checksPassed} checks passed. ` +
      `Mean cycle ${Math.round(mean(timings.cycle))} ms, mean start ${Math.round(mean(timings.start))} ms.`,
  );
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  if (!(error instanceof CheckFailed))
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  else if (failures.length === 0) failures.push(error.message);
  console.error(
    `crash-loop ${kind}: FAILED (seed ${seed}) after ${totals.cycles} whole cycles, ${totals.kills} kills:`,
  );
  for (const f of failures.slice(0, 30)) console.error(`  - ${f}`);
  if (failures.length > 30) console.error(`  … and ${failures.length - 30} more`);
  if (server) console.error(`  server output:\n    ${server.output.slice(-30).join('\n    ')}`);
} finally {
  await cleanUp(failed || options.keep);
}
process.exit(failed ? 1 : 0);
