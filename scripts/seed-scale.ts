// `npm run seed:scale -- --dossiers N [--database-url URL | --data-dir DIR] [--batch B] [--seed S] [--verify]`
// Fills a database, migrated by the platform's own migrations, with N fictitious dossiers in every
// state, procedure, category and region, with what the platform writes beside them (see
// docs/performance.md for the proportions and their sources). Prints rows per second.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openPglite, openPostgres, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { seedParties } from '../src/demo/parties.js';
import { generateDossier, randomSource, type Cast, type GeneratorState } from '../bench/scale/generate.js';
import { buildCast } from '../bench/scale/cast.js';
import { databaseSink, postgresSink, RowBatch, TABLES, type TableName } from '../bench/scale/sink.js';
import { GENESIS_HASH } from '../src/audit/audit.js';
import { verifyGenerated } from '../bench/scale/verify.js';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '10000' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    batch: { type: 'string' },
    seed: { type: 'string', default: '20261202' },
    now: { type: 'string' },
    verify: { type: 'boolean', default: false },
  },
});

const total = Number(values.dossiers);
if (!Number.isInteger(total) || total < 1) throw new Error('--dossiers must be a positive whole number');
const url = values['database-url'];
const dataDir = values['data-dir'];
if (Boolean(url) === Boolean(dataDir)) throw new Error('give exactly one of --database-url or --data-dir');

/** Creates the named database when it does not exist; never touches the shared `test` database. */
async function ensureDatabase(target: string): Promise<void> {
  const name = new URL(target).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  if (name === 'test')
    throw new Error('the `test` database belongs to the test runs; use a database of its own');
  const admin = new URL(target);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const found = await client.query('select 1 from pg_database where datname = $1', [name]);
  if (found.rowCount === 0) await client.query(`create database ${name}`);
  await client.end();
}

if (url) await ensureDatabase(url);
const database: Database = url ? openPostgres(url) : await openPglite(dataDir);
const db = database.db;
const config = loadConfig(process.env, []);
try {
  const started = performance.now();
  await migrate(database);
  const existing = await sql<{ n: number }>`select count(*)::int as n from dossier`.execute(db);
  if ((existing.rows[0]?.n ?? 0) > 0)
    throw new Error('the database already holds dossiers: generate into an empty database (drop it first)');
  const directory = await seedParties(db);
  const cast: Cast = await buildCast(db, directory, total);
  const range = await sql<{ first: number }>`
    select (setval('dossier_reference_seq', nextval('dossier_reference_seq') + ${total}) - ${total})::int as first`.execute(
    db,
  );
  const head = await sql<{ seq: number; hash: string }>`
    select seq::int as seq, hash from audit_trail order by seq desc limit 1`.execute(db);
  const state: GeneratorState = {
    random: randomSource(Number(values.seed)),
    now: values.now ? new Date(values.now) : new Date(),
    cast,
    chain: {
      seq: head.rows[0]?.seq ?? 0,
      prevHash: head.rows[0]?.hash ?? GENESIS_HASH,
      key: config.auditKey,
    },
    nextReference: range.rows[0]?.first ?? 1,
    serial: 0,
  };
  const batchSize = Number(values.batch ?? (url ? 1000 : 500));
  const sink = url ? postgresSink(url) : databaseSink(database);
  const counts = new Map<TableName, number>();
  const targets = new Map<string, number>();
  let rows = 0;
  const generating = performance.now();
  let lastReport = generating;
  // Ctrl+C stops after the batches already handed over: every batch is whole, the chain unbroken.
  const stop = { requested: false };
  process.once('SIGINT', () => {
    stop.requested = true;
    console.log('stopping after the batches in flight…');
  });
  let done = 0;
  while (done < total && !stop.requested) {
    const batch = new RowBatch();
    const size = Math.min(batchSize, total - done);
    for (let i = 0; i < size; i += 1) {
      const target = generateDossier(state, batch);
      targets.set(target, (targets.get(target) ?? 0) + 1);
    }
    done += size;
    for (const table of Object.keys(TABLES) as TableName[])
      counts.set(table, (counts.get(table) ?? 0) + batch.count(table));
    rows += batch.rows;
    await sink.write(batch);
    const now = performance.now();
    if (now - lastReport > 10_000 || done === total) {
      lastReport = now;
      const seconds = (now - generating) / 1000;
      console.log(
        `${done.toLocaleString('en')} dossiers, ${rows.toLocaleString('en')} rows in ${seconds.toFixed(0)} s: ` +
          `${Math.round(rows / seconds).toLocaleString('en')} rows/s, ${Math.round(done / seconds).toLocaleString('en')} dossiers/s`,
      );
    }
  }
  await sink.drain();
  await sink.close();
  const written = (performance.now() - generating) / 1000;
  console.log('analysing the tables for the planner…');
  await database.execScript('analyze');
  const due = await sql<{ n: number }>`
    select count(*)::int as n from dossier where retention_until <= ${state.now.toISOString().slice(0, 10)}`.execute(
    db,
  );
  console.log(
    `\n${done.toLocaleString('en')} dossiers on ${url ? 'PostgreSQL' : 'PGlite'} in ${written.toFixed(1)} s ` +
      `(${Math.round(rows / written).toLocaleString('en')} rows/s; ${((performance.now() - started) / 1000).toFixed(1)} s with migrations, parties and analyze)`,
  );
  console.log('rows per table:');
  for (const [table, n] of counts)
    console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en').padStart(12)}`);
  console.log('dossiers per state:');
  for (const [target, n] of [...targets].sort((a, b) => b[1] - a[1]))
    console.log(
      `  ${target.padEnd(22)} ${n.toLocaleString('en').padStart(12)}  ${((100 * n) / done).toFixed(1)} %`,
    );
  console.log(
    `due for deletion today (retention_until passed): ${(due.rows[0]?.n ?? 0).toLocaleString('en')}`,
  );
  if (values.verify && !(await verifyGenerated(db, config.auditKey))) process.exitCode = 1;
  console.log(
    `audit chain: ${state.chain.seq.toLocaleString('en')} rows, keyed with ${process.env.AUDIT_KEY ? 'AUDIT_KEY' : 'the demo audit key'}`,
  );
} finally {
  await database.close();
}
