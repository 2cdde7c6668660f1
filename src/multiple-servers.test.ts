import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantedSinglePermit } from '../test/exchange.js';
import { openPlatform, type TestPlatform } from '../test/harness.js';
import { verifyWithPublishedHeads } from './audit/heads.js';
import { openPostgres, type Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { seedParties } from './demo/parties.js';
import { verifySignature } from './exchange/webhooks.js';
import { newId } from './platform/ids.js';
import { JOURNAL_FILE } from './retention/journal.js';
import { noticeIdleDrafts, recomputeRetention } from './retention/sweep.js';

/*
 * Two real server processes on one PostgreSQL database, as behind a load balancer: the timer jobs
 * of both run, and every delivery and every job's work is done once, even when one process is
 * killed (SIGKILL) in the middle of a job; consecutive requests of one browser may land on
 * either process. The embedded database serves one process only (its folder is locked), so this
 * runs on PostgreSQL only.
 */

const url = process.env.DATABASE_URL;
const root = join(import.meta.dirname, '..');
const SECRET = 'receiver-secret-0123456789-abcdefghij';

/** A receiver's system: counts each signed event it gets, by event id. */
class Receiver {
  events: string[] = [];
  private server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = req.headers['x-signature'];
      if (!verifySignature(SECRET, raw, typeof signature === 'string' ? signature : undefined)) {
        res.writeHead(401).end();
        return;
      }
      this.events.push(String(req.headers['x-event-id']));
      res.writeHead(204).end();
    });
  });
  url = '';
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }
  stop = () =>
    new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
}

/** An SMTP relay that keeps the Message-ID of each e-mail it accepts. */
async function startRelay() {
  const messageIds: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messageIds.push(mail.messageId ?? '');
          callback();
        })
        .catch(() => {
          callback(new Error('unreadable'));
        });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messageIds,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as AddressInfo).port;
      probe.close(() => {
        resolve(port);
      });
    });
  });

interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<void>;
  /** Resolves when the process says it paused at `point` (src/job-claims.ts). */
  pausedAt(point: string): Promise<void>;
}

/** The real server (src/server.ts), node itself running it, so a SIGKILL reaches the process that holds the claims. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const waiting: { point: string; resolve: () => void }[] = [];
  const listen = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    for (const w of waiting) if (output.includes(`paused at ${w.point}`)) w.resolve();
  };
  child.stdout.on('data', listen);
  child.stderr.on('data', listen);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output,
    exited,
    pausedAt: (point) =>
      new Promise<void>((resolve, reject) => {
        if (output.includes(`paused at ${point}`)) resolve();
        else waiting.push({ point, resolve });
        void exited.then(() => {
          reject(new Error(`the server exited:\n${output.join('\n')}`));
        });
      }),
  };
  const status = { dead: false };
  void exited.then(() => {
    status.dead = true;
  });
  for (;;) {
    if (status.dead) throw new Error(`the server did not start:\n${output.join('\n')}`);
    const res = await fetch(`${server.url}/health`).catch(() => undefined);
    if (res?.ok) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls until `condition` holds: the jobs run on their own timers (the test's limit ends a hang). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 200));
}

/** One browser: one cookie and CSRF token, whichever process answers. */
class Browser {
  cookie = '';
  csrf = '';
  async send(
    base: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        'accept-language': 'en',
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    const parsed = (
      text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}
    ) as Record<string, any>;
    if (typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed };
  }
}

// Skipped without DATABASE_URL: the embedded database (PGlite) is one process only, by design.
describe.skipIf(!url)(
  'two server processes on one PostgreSQL database (skipped on the embedded database, which serves one process)',
  () => {
    let name = '';
    let database: Database;
    let platform: TestPlatform;
    let dataDir = '';
    let relay: Awaited<ReturnType<typeof startRelay>>;
    const receiver = new Receiver();
    const servers: ServerProcess[] = [];
    let a: ServerProcess;
    let b: ServerProcess;
    let pushes: string[] = [];
    let notifications: string[] = [];
    const drafts: string[] = [];

    const rows = async <T>(text: string, values: unknown[] = []) => {
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      try {
        return (await client.query(text, values)).rows as T[];
      } finally {
        await client.end();
      }
    };
    const databaseUrl = () => {
      const target = new URL(url ?? '');
      target.pathname = `/${name}`;
      return target.toString();
    };

    beforeAll(async () => {
      name = `sw_servers_${newId().replace(/-/g, '').slice(0, 16)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      database = openPostgres(databaseUrl());
      await migrate(database);
      const directory = await seedParties(database.db);
      dataDir = mkdtempSync(join(tmpdir(), 'sw-servers-'));
      // The work is produced through the API of a third, in-process platform without timers.
      platform = await openPlatform({
        database,
        documentsDir: join(dataDir, 'documents'),
        directory,
        overrides: { auditHeadDir: join(dataDir, 'audit-heads') },
      });
      relay = await startRelay();
      await receiver.start();
    });

    afterAll(async () => {
      for (const s of servers)
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      await platform.close();
      await receiver.stop();
      await relay.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const serverEnv = (extra: Record<string, string> = {}) => ({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SECOND_FACTOR: 'demo_exempt',
      SMTP_URL: relay.url,
      SMTP_FROM: 'Working in Belgium <no-reply@example.be>',
      EBOX_ENTERPRISE: 'off',
      // Every timer ticks twice a second instead of every few seconds or once a day.
      SW_TEST_JOB_PERIOD_MS: '500',
      ...extra,
    });

    it('produces work: pushes and e-mails in the outboxes, two idle drafts due for deletion', async () => {
      const [employer, flanders, dvz, post] = await platform.loginAll([
        'employer',
        'flanders',
        'dvz',
        'post',
      ] as const);
      expect((await post.post('/api/v1/webhooks', { url: receiver.url, secret: SECRET })).status).toBe(201);
      for (let i = 0; i < 2; i++) await grantedSinglePermit(platform, { employer, flanders, dvz });

      // Two drafts left untouched 400 days ago, their applicant told 200 days ago: due now.
      const now = Date.now();
      platform.clock.set(new Date(now - 400 * 86_400_000));
      await employer.signInAgain();
      for (let i = 0; i < 2; i++) {
        const created = await employer.post('/api/v1/dossiers', {
          procedure: 'single_permit',
          category: 'single_permit',
        });
        expect(created.status).toBe(201);
        drafts.push(created.body.id as string);
      }
      platform.clock.set(new Date(now - 200 * 86_400_000));
      await recomputeRetention(platform.deps);
      expect(await noticeIdleDrafts(platform.deps, platform.clock.now())).toBe(2);

      pushes = (await rows<{ id: string }>('select id from webhook_push where delivered_at is null')).map(
        (r) => r.id,
      );
      notifications = (
        await rows<{ id: string }>(
          `select id from notification where sent_at is null and address not like 'ebox:%'`,
        )
      ).map((r) => r.id);
      expect(pushes.length).toBeGreaterThan(0);
      expect(notifications.length).toBeGreaterThan(0);
    });

    it('a process that holds claims keeps them from the other, and they are freed when it is killed', async () => {
      // A claims the whole outbox and the retention sweep, and stops there with its claims held.
      a = await startServer(serverEnv({ SW_TEST_PAUSE_AT: 'dispatch.claimed,retention_sweep.locked' }));
      servers.push(a);
      await a.pausedAt('dispatch.claimed');
      await a.pausedAt('retention_sweep.locked');
      const leased = await rows<{ n: number }>(
        `select count(*)::int as n from webhook_push where delivered_at is null and attempts = 1`,
      );
      expect(leased[0]?.n).toBe(pushes.length);

      b = await startServer(serverEnv());
      servers.push(b);
      // B's dispatcher runs (A's run is paused: every further recorded run is B's). It sends the
      // e-mails, which A paused before claiming, and none of the pushes A holds.
      const runsOf = async () =>
        (await rows<{ runs: number }>(`select runs::int as runs from job_run where job = 'dispatch'`))[0]
          ?.runs ?? 0;
      const before = await runsOf();
      await until(
        async () => (await runsOf()) >= before + 3 && relay.messageIds.length >= notifications.length,
      );
      expect(receiver.events).toEqual([]);
      // Nor does it sweep: A holds the sweep's lock, and the drafts are still there.
      expect(await rows(`select id from dossier where id = any($1)`, [drafts])).toHaveLength(2);
      const locks = await rows(
        `select 1 from pg_locks where locktype = 'advisory' and granted and classid = $1`,
        [0x10b5],
      );
      expect(locks.length).toBeGreaterThan(0);

      a.child.kill('SIGKILL');
      await a.exited;
      // The sweep's lock went with A's connection: B's next tick deletes the drafts, once each.
      await until(
        async () => (await rows(`select id from dossier where id = any($1)`, [drafts])).length === 0,
      );
      // A's items stay leased until their lease runs out; moved to its end as five minutes passing would.
      await rows(
        `update webhook_push set next_attempt_at = next_attempt_at - interval '5 minutes' where delivered_at is null`,
      );
      await until(
        async () =>
          receiver.events.length >= pushes.length &&
          relay.messageIds.length >= notifications.length &&
          (await rows(`select 1 from webhook_push where delivered_at is null`)).length === 0,
      );
      // Let B run its dispatcher twice more: nothing is sent a second time.
      const after = await runsOf();
      await until(async () => (await runsOf()) >= after + 2);

      expect([...receiver.events].sort()).toEqual(
        (
          await rows<{ delivery_id: string }>(`select delivery_id from webhook_push where id = any($1)`, [
            pushes,
          ])
        )
          .map((r) => r.delivery_id)
          .sort(),
      );
      expect([...relay.messageIds].sort()).toEqual(notifications.map((id) => `<${id}@single-window>`).sort());
      const sent = await rows<{ n: number }>(
        `select count(*)::int as n from notification where id = any($1) and sent_at is not null`,
        [notifications],
      );
      expect(sent[0]?.n).toBe(notifications.length);
    });

    it('recorded each deletion once, in one audit chain and one deletion journal, both intact', async () => {
      const deleted = await rows(`select seq from audit_trail where kind = 'dossier_deleted'`);
      expect(deleted).toHaveLength(2);
      const journal = readFileSync(join(dataDir, 'audit-heads', JOURNAL_FILE), 'utf8')
        .trim()
        .split('\n');
      expect(journal.map((line) => (JSON.parse(line) as { dossierId: string }).dossierId).sort()).toEqual(
        [...drafts].sort(),
      );
      const verified = await verifyWithPublishedHeads(
        database.db,
        platform.deps.config.auditKey,
        join(dataDir, 'audit-heads'),
      );
      expect(verified.ok).toBe(true);
    });

    it('keeps one session, one CSRF token, one throttle and one idempotent answer across processes', async () => {
      // A was killed; a second process serves beside B again.
      a = await startServer(serverEnv());
      servers.push(a);
      const browser = new Browser();
      expect(
        (await browser.send(a.url, 'POST', '/api/v1/session', { username: 'employer', password: 'demo' }))
          .status,
      ).toBe(200);
      expect((await browser.send(b.url, 'GET', '/api/v1/session')).body).toMatchObject({
        user: { username: 'employer' },
      });

      const body = { procedure: 'single_permit', category: 'single_permit' };
      const key = { 'idempotency-key': `servers-${newId()}` };
      const first = await browser.send(b.url, 'POST', '/api/v1/dossiers', body, key);
      const again = await browser.send(a.url, 'POST', '/api/v1/dossiers', body, key);
      expect(first.status).toBe(201);
      expect(again).toEqual(first);
      const forged = new Browser();
      forged.cookie = browser.cookie;
      expect((await forged.send(a.url, 'POST', '/api/v1/dossiers', body)).status).toBe(403);

      expect((await browser.send(a.url, 'DELETE', '/api/v1/session')).status).toBeLessThan(300);
      expect((await browser.send(b.url, 'GET', '/api/v1/session')).status).toBe(401);

      // Wrong passwords alternating between the processes: held back once both together reach five,
      // by a process that has itself seen fewer than five.
      const guesser = new Browser();
      const failures = new Map<string, number>();
      let held: string | undefined;
      for (let i = 0; i < 20 && !held; i++) {
        const target = i % 2 === 0 ? a.url : b.url;
        const res = await guesser.send(target, 'POST', '/api/v1/session', {
          username: 'dvz',
          password: 'wrong',
        });
        if (res.status === 429) held = target;
        else failures.set(target, (failures.get(target) ?? 0) + 1);
      }
      expect(held).toBeDefined();
      expect(failures.get(held ?? '') ?? 0).toBeLessThan(5);
    });
  },
);
