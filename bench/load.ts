// `npm run bench:load`: the platform over real HTTP under autocannon at 1, 16 and 64 clients, on
// PostgreSQL and on PGlite with generated data (`npm run seed:scale`), beside a bare node:http + pg
// handler replaying the same SQL, and pgbench as the machine's ceiling. Prints a table; asserts
// nothing. Options: --database pg|pglite|both, --database-url, --data-dir, --duration (s per cell),
// --clients 1,16,64, --paths read,queue,… (see PATHS), --no-pgbench. docs/performance.md explains.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { capture, startBare, type BareRoute } from './load/bare.js';
import { cell, type CellResult } from './load/cannon.js';
import { runPgbench } from './load/pgbench.js';
import { buildApp } from '../src/app.js';
import type { AppDeps } from '../src/deps.js';
import { loadConfig } from '../src/config.js';
import { openPglite, openPostgres, type Database } from '../src/db/database.js';
import { localStorage } from '../src/documents/storage.js';
import { FakeEBox } from '../src/exchange/ebox.js';
import { routedMessaging, type Messaging } from '../src/exchange/messaging.js';
import { sourcesFrom } from '../src/exchange/sources/index.js';
import { systemClock } from '../src/platform/clock.js';
import { DEMO_PDF, documentsToUpload, singlePermitSections } from '../src/demo/fixtures.js';
import { dueDossiers } from '../src/retention/due.js';
import { purgeDossier } from '../src/retention/purge.js';
import { Client } from '../test/harness.js';
import { MAX_DOCUMENT_BYTES } from '../src/rules/documents.js';

const PATHS = [
  'read',
  'queue',
  'applicant',
  'filing',
  'decision',
  'search',
  'statistics',
  'retention',
  'upload20',
] as const;
type PathName = (typeof PATHS)[number];

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'both' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/scale' },
    'data-dir': { type: 'string', default: 'data-scale' },
    duration: { type: 'string', default: '20' },
    clients: { type: 'string', default: '1,16,64' },
    paths: { type: 'string', default: PATHS.join(',') },
    'purge-sample': { type: 'string', default: '200' },
    'no-pgbench': { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const clientCounts = values.clients.split(',').map(Number);
const chosen = new Set(values.paths.split(',') as PathName[]);
const purgeSample = Number(values['purge-sample']);

interface Row {
  database: string;
  path: string;
  clients: number | string;
  platform?: CellResult;
  bare?: CellResult;
  note?: string;
}
const table: Row[] = [];

const discard: Messaging = { send: () => Promise.resolve() };

function multipart(type: string, content: Buffer, boundary: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="type"\r\n\r\n${type}\r\n`),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${type}.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/** Headers a signed-in browser sends: the session cookie and, on a change, the CSRF token. */
function headersOf(client: Client): Record<string, string> {
  const c = client as unknown as { cookie: string; csrf: string };
  return { cookie: c.cookie, 'x-csrf-token': c.csrf, 'accept-language': 'en' };
}

async function benchDatabase(kind: 'pg' | 'pglite'): Promise<void> {
  const url = values['database-url'];
  const database: Database = kind === 'pg' ? openPostgres(url) : await openPglite(values['data-dir']);
  const label = kind === 'pg' ? 'PostgreSQL' : 'PGlite';
  const documentsDir = mkdtempSync(join(tmpdir(), 'sw-load-docs-'));
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }, []),
    secondFactor: 'demo_exempt' as const,
    auditHeadDir: documentsDir,
  };
  const deps: AppDeps = {
    db: database.db,
    clock: systemClock,
    config,
    storage: localStorage(documentsDir),
    messaging: routedMessaging(discard, new FakeEBox()),
    sources: sourcesFrom(config.sources),
  };
  const app = await buildApp(deps);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const barePool = kind === 'pg' ? new pg.Pool({ connectionString: url, max: 10 }) : undefined;
  const bareRoutes = new Map<string, BareRoute>();
  const bare = barePool ? await startBare(barePool, bareRoutes) : undefined;
  const db = database.db;
  try {
    const login = async (username: string) => {
      const client = new Client(base, 'en');
      await client.signIn(username);
      return client;
    };
    const [flanders, employer, inspection] = [
      await login('flanders'),
      await login('employer'),
      await login('inspection'),
    ];
    const flemish = (
      await sql<{ id: string }>`select id from dossier where region = 'flanders' and state not in ('draft')
        order by created_at desc limit 2000`.execute(db)
    ).rows.map((r) => r.id);
    const persons = (
      await sql<{
        family: string;
        birth: string;
      }>`select identity->>'familyName' as family, identity->>'birthDate' as birth
        from dossier where region = 'flanders' and state <> 'draft' limit 1`.execute(db)
    ).rows;
    const cannon = async (
      path: PathName,
      clients: number,
      platform: Parameters<typeof cell>[0],
      bareOptions?: Parameters<typeof cell>[0],
      note?: string,
    ) => {
      const row: Row = { database: label, path, clients, platform: await cell(platform) };
      if (bareOptions) row.bare = await cell(bareOptions);
      if (note) row.note = note;
      table.push(row);
      printRow(row);
    };
    /** Captures the SQL of one request through the platform, for the bare handler to replay. */
    const learn = async (
      name: string,
      run: () => Promise<unknown>,
      route: Omit<BareRoute, 'statements'> = {},
    ) => {
      if (!barePool) return false;
      const statements = await capture(run);
      if (!bareRoutes.has(name)) {
        const writes = statements.filter((st) => /^(insert|update|delete)/i.test(st.text)).length;
        console.log(`  (bare ${name}: replays ${statements.length} statements, ${writes} of them writes)`);
      }
      bareRoutes.set(name, { ...route, statements });
      return true;
    };

    let readIndex = 0;
    const nextRead = () => flemish[readIndex++ % flemish.length] ?? '';
    for (const clients of clientCounts) {
      if (chosen.has('read')) {
        const captured = flemish[0] ?? '';
        const hasBare = await learn('read', () => flanders.get(`/api/v1/dossiers/${captured}`), {
          capturedId: captured,
        });
        await cannon(
          'read',
          clients,
          {
            url: base,
            connections: clients,
            duration,
            headers: headersOf(flanders),
            requests: [
              { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/dossiers/${nextRead()}` }) },
            ],
          },
          hasBare && bare
            ? {
                url: bare.url,
                connections: clients,
                duration,
                requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/read/${nextRead()}` }) }],
              }
            : undefined,
        );
      }
      for (const [path, who, target] of [
        ['queue', flanders, '/api/v1/dossiers?stage=open&limit=50'],
        ['applicant', employer, '/api/v1/dossiers?limit=50'],
      ] as const) {
        if (!chosen.has(path)) continue;
        const hasBare = await learn(path, () => who.get(target));
        await cannon(
          path,
          clients,
          { url: `${base}${target}`, connections: clients, duration, headers: headersOf(who) },
          hasBare && bare ? { url: `${bare.url}/${path}`, connections: clients, duration } : undefined,
        );
      }
      if (chosen.has('search') && persons[0]) {
        const body = JSON.stringify({
          purpose: 'Control of an employer (load measurement)',
          criteria: { by: 'name', familyName: persons[0].family, birthDate: persons[0].birth },
        });
        const hasBare = await learn('search', () =>
          inspection.post('/api/v1/dossiers/search', JSON.parse(body)),
        );
        await cannon(
          'search',
          clients,
          {
            url: `${base}/api/v1/dossiers/search`,
            connections: clients,
            duration,
            method: 'POST',
            body,
            headers: { ...headersOf(inspection), 'content-type': 'application/json' },
          },
          hasBare && bare
            ? { url: `${bare.url}/search`, connections: clients, duration, method: 'POST', body }
            : undefined,
          'one person searched by name and birth date, as inspection',
        );
      }
      if (chosen.has('statistics')) {
        const target = '/api/v1/statistics/dashboard';
        const probe = await flanders.get(target);
        if (probe.status === 404) {
          table.push({
            database: label,
            path: 'statistics',
            clients,
            note: 'skipped: no statistics API in this build',
          });
        } else {
          const hasBare = await learn('statistics', () => flanders.get(target));
          await cannon(
            'statistics',
            clients,
            { url: `${base}${target}`, connections: clients, duration, headers: headersOf(flanders) },
            hasBare && bare ? { url: `${bare.url}/statistics`, connections: clients, duration } : undefined,
            `dashboard of the last year, as a region (probe answered ${probe.status})`,
          );
        }
      }
      if (chosen.has('decision')) await benchDecisions(clients);
      if (chosen.has('filing')) await benchFiling(clients);
      if (chosen.has('upload20')) await benchBigUpload(clients);
    }
    if (chosen.has('retention')) await benchRetention();

    async function benchDecisions(clients: number) {
      const ids = (
        await sql<{ id: string }>`select id from dossier where region = 'flanders' and state = 'admissible'
          and procedure = 'single_permit' order by random() limit ${Math.max(20, clients * 20)}`.execute(db)
      ).rows.map((r) => r.id);
      if (ids.length < 4) {
        table.push({
          database: label,
          path: 'decision',
          clients,
          note: 'skipped: too few admissible Flemish single permits left',
        });
        return;
      }
      const half = Math.floor(ids.length / 2);
      const mine = ids.slice(1, half);
      const theirs = ids.slice(half);
      const decisionBody = (i: number) =>
        JSON.stringify(
          i % 2 === 0
            ? { kind: 'work', outcome: 'refused', grounds: 'Fictitious grounds for a measurement.' }
            : { kind: 'work', outcome: 'granted', validFrom: '2027-02-01', validUntil: '2028-01-31' },
        );
      const first = ids[0] ?? '';
      const hasBare = await learn(
        'decision',
        () => flanders.post(`/api/v1/dossiers/${first}/decisions`, JSON.parse(decisionBody(0))),
        { capturedId: first },
      );
      let a = 0;
      let b = 0;
      await cannon(
        'decision',
        clients,
        {
          url: base,
          connections: clients,
          duration,
          amount: mine.length,
          headers: { ...headersOf(flanders), 'content-type': 'application/json' },
          requests: [
            {
              method: 'POST',
              setupRequest: (r) => {
                const i = a++;
                return {
                  ...r,
                  path: `/api/v1/dossiers/${mine[i % mine.length]}/decisions`,
                  body: decisionBody(i),
                };
              },
            },
          ],
        },
        hasBare && bare
          ? {
              url: bare.url,
              connections: clients,
              duration,
              amount: theirs.length,
              requests: [
                {
                  method: 'POST',
                  setupRequest: (r) => ({ ...r, path: `/decision/${theirs[b++ % theirs.length]}` }),
                },
              ],
            }
          : undefined,
        `${mine.length} decisions on work (half refused: four letters, half granted: two)`,
      );
    }

    async function benchFiling(clients: number) {
      const sections = singlePermitSections(
        {
          serial: 7,
          givenNames: 'Demo Load',
          familyName: 'Voorbeeld-Exemple',
          nationality: 'IN',
          abroad: true,
          workplacePostcode: '2000',
        },
        {
          visaPost: (await orgId('Embassy of Belgium, demo post')) ?? '',
          municipality: '',
          employerSerial: 1,
        },
      );
      const create = JSON.stringify({ procedure: 'single_permit', category: 'single_permit', ...sections });
      const types = documentsToUpload({
        procedure: 'single_permit',
        category: 'single_permit',
        postcode: '2000',
        abroad: true,
        on: new Date().toISOString().slice(0, 10),
      });
      const boundary = 'scaleboundary7MA4YWxkTrZu0gW';
      const uploads = types.map((t) => multipart(t, DEMO_PDF, boundary));
      const steps = (
        prefix: (id: string) => string,
        createPath: string,
        submitPath: (id: string) => string,
        json: Record<string, string>,
      ) => [
        {
          method: 'POST' as const,
          path: createPath,
          body: create,
          headers: json,
          onResponse: (_s: number, body: string, ctx: Record<string, unknown>) => {
            ctx.id = (JSON.parse(body) as { id?: string }).id;
          },
        },
        ...uploads.map((u) => ({
          method: 'POST' as const,
          headers: { ...json, 'content-type': `multipart/form-data; boundary=${boundary}` },
          setupRequest: (r: Record<string, unknown>, ctx: Record<string, unknown>) => ({
            ...r,
            path: prefix(String(ctx.id)),
            body: u,
          }),
        })),
        {
          method: 'POST' as const,
          headers: json,
          setupRequest: (r: Record<string, unknown>, ctx: Record<string, unknown>) => ({
            ...r,
            path: submitPath(String(ctx.id)),
            body: '{}',
          }),
        },
      ];
      // The bare handler learns one filing: its create, one upload and its submit.
      let hasBare = false;
      if (barePool) {
        let id = '';
        hasBare = await learn('filing-create', async () => {
          id = (await employer.post('/api/v1/dossiers', JSON.parse(create))).body.id;
        });
        const firstCreated = id;
        bareRoutes.set('filing-create', {
          ...bareRoutes.get('filing-create')!,
          answer: (map) => ({ id: map.get(firstCreated) }),
        });
        await learn('filing-upload', () => employer.upload(id, types[0] ?? 'passport', DEMO_PDF), {
          capturedId: id,
        });
        for (const t of types.slice(1)) await employer.upload(id, t, DEMO_PDF);
        await learn('filing-submit', () => employer.post(`/api/v1/dossiers/${id}/submit`), {
          capturedId: id,
        });
      }
      const json = { ...headersOf(employer), 'content-type': 'application/json' };
      await cannon(
        'filing',
        clients,
        {
          url: base,
          connections: clients,
          duration,
          requests: steps(
            (id) => `/api/v1/dossiers/${id}/documents`,
            '/api/v1/dossiers',
            (id) => `/api/v1/dossiers/${id}/submit`,
            json,
          ) as never,
        },
        hasBare && bare
          ? {
              url: bare.url,
              connections: clients,
              duration,
              requests: steps(
                (id) => `/filing-upload/${id}`,
                '/filing-create',
                (id) => `/filing-submit/${id}`,
                { 'content-type': 'application/json' },
              ) as never,
            }
          : undefined,
        `per request; a filing is ${2 + uploads.length} requests (create, ${uploads.length} uploads, submit): filings/s = req/s ÷ ${2 + uploads.length}`,
      );
    }

    async function benchBigUpload(clients: number) {
      if (clients > 16) return;
      const draft = await employer.post('/api/v1/dossiers', {
        procedure: 'single_permit',
        category: 'single_permit',
      });
      const boundary = 'scaleboundary20MB';
      const big = multipart(
        'passport',
        Buffer.concat([DEMO_PDF, Buffer.alloc(20 * 1024 * 1024 - DEMO_PDF.length, 32)]),
        boundary,
      );
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      const before = process.memoryUsage().rss;
      try {
        const probe = await employer.request(
          'POST',
          `/api/v1/dossiers/${draft.body.id}/documents`,
          (() => {
            const form = new FormData();
            form.append('type', 'passport');
            form.append('file', new Blob([big.subarray(0, 20 * 1024 * 1024)]), 'passport.pdf');
            return form;
          })(),
        );
        await cannon(
          'upload20',
          clients,
          {
            url: `${base}/api/v1/dossiers/${draft.body.id}/documents`,
            connections: clients,
            duration: Math.min(duration, 10),
            method: 'POST',
            body: big,
            headers: { ...headersOf(employer), 'content-type': `multipart/form-data; boundary=${boundary}` },
          },
          undefined,
          `20 MB file (documents are limited to ${mib(MAX_DOCUMENT_BYTES)}; the platform answered ${probe.status}); process RSS ${mib(before)} before, peak ${mib(peak)} (server and load generator share the process)`,
        );
      } finally {
        clearInterval(sampler);
      }
    }

    async function benchRetention() {
      const now = new Date();
      const t0 = performance.now();
      const due = await dueDossiers(db, now, { recomputed: true });
      const selection = performance.now() - t0;
      const sample = due.slice(0, purgeSample);
      const t1 = performance.now();
      let purged = 0;
      for (const d of sample) if (await purgeDossier(deps, d.dossierId, now)) purged += 1;
      const purgeMs = performance.now() - t1;
      const perDossier = purgeMs / Math.max(1, purged);
      table.push({
        database: label,
        path: 'retention',
        clients: 'fn',
        note:
          `selection of ${due.length.toLocaleString('en')} due dossiers ${(selection / 1000).toFixed(2)} s; ` +
          `${purged} purged in ${(purgeMs / 1000).toFixed(1)} s (${perDossier.toFixed(0)} ms each): ` +
          `100,000 would take about ${((100_000 * perDossier) / 1000 / 60).toFixed(0)} min (sweepRetention deletes one dossier per transaction)`,
      });
      printRow(table.at(-1)!);
    }

    async function orgId(name: string) {
      return (await sql<{ id: string }>`select id from organisation where name = ${name}`.execute(db)).rows[0]
        ?.id;
    }
  } finally {
    await app.close();
    bare?.server.close();
    await barePool?.end();
    await database.close();
    rmSync(documentsDir, { recursive: true, force: true });
  }
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toFixed(digits));

function printRow(row: Row) {
  const p = row.platform;
  const b = row.bare;
  const ratio = p && b && b.perSecond > 0 ? `${((100 * p.perSecond) / b.perSecond).toFixed(0)} %` : '';
  console.log(
    [
      row.database.padEnd(10),
      row.path.padEnd(10),
      String(row.clients).padStart(3),
      fmt(p?.perSecond, 1).padStart(8),
      fmt(p?.p50).padStart(6),
      fmt(p?.p95).padStart(6),
      fmt(p?.p99).padStart(6),
      String(p?.failures ?? '').padStart(5),
      fmt(b?.perSecond, 1).padStart(8),
      fmt(b?.p95).padStart(6),
      String(b?.failures ?? '').padStart(5),
      ratio.padStart(6),
      row.note ?? '',
    ].join(' '),
  );
}

console.log(
  `${'database'.padEnd(10)} ${'path'.padEnd(10)} cli    req/s    p50    p95    p99  fail   bare/s  bp95 bfail  ratio  (ms; ratio = platform ÷ bare)`,
);
const which = values.database;
if (which === 'pg' || which === 'both') await benchDatabase('pg');
if (which === 'pglite' || which === 'both') {
  try {
    await benchDatabase('pglite');
  } catch (error) {
    console.log(
      `PGlite skipped: ${(error as Error).message} (generate with npm run seed:scale -- --data-dir ${values['data-dir']})`,
    );
  }
}
if (!values['no-pgbench']) await runPgbench(values['database-url'], clientCounts, Math.min(duration, 20));
