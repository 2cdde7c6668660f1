import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { type AppDeps } from '../src/deps.js';
import { DEMO_PROFESSIONAL_CARD_FROM, loadConfig, type Config } from '../src/config.js';
import { openPglite, openPostgres, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { seedParties, type DemoDirectory } from '../src/demo/parties.js';
import { localStorage } from '../src/documents/storage.js';
import { FakeEBox } from '../src/exchange/ebox.js';
import { RecordingMessaging, routedMessaging, type Messaging } from '../src/exchange/messaging.js';
import { sourcesFrom } from '../src/exchange/sources/index.js';
import { FixedClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';

/**
 * A fresh platform per test file, reached over real HTTP. With DATABASE_URL set the suite runs
 * on that PostgreSQL server, each file in a database of its own that is dropped afterwards.
 */
export interface TestPlatform {
  url: string;
  clock: FixedClock;
  deps: AppDeps;
  /** The e-mails sent; e-Box messages go to `ebox`. */
  messaging: RecordingMessaging;
  ebox: FakeEBox;
  directory: DemoDirectory;
  login(username: string, language?: string): Promise<Client>;
  loginAll<const N extends readonly string[]>(usernames: N): Promise<{ [K in keyof N]: Client }>;
  anonymous(language?: string): Client;
  close(): Promise<void>;
}

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite(undefined);
    return { database, drop: () => Promise.resolve() };
  }
  const name = `sw_test_${newId().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  return {
    database,
    drop: async () => {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** What a test may change in the configuration; (c) is in force from a past date unless it sets `professionalCardFrom`. */
export type ConfigOverrides = Partial<Config>;

export async function startPlatform(
  overrides: ConfigOverrides = {},
  options: { email?: Messaging } = {},
): Promise<TestPlatform> {
  const { database, drop } = await freshDatabase();
  await migrate(database);
  const directory = await seedParties(database.db);
  const documentsDir = mkdtempSync(join(tmpdir(), 'sw-docs-'));
  // The published heads and the deletion journal of a test go to a folder of its own, never to
  // the demo folder (./data) the default configuration names.
  const headDir = overrides.auditHeadDir ?? mkdtempSync(join(tmpdir(), 'sw-heads-'));
  return platformOn(
    {
      database,
      documentsDir,
      directory,
      overrides: { auditHeadDir: headDir, ...overrides },
      email: options.email,
    },
    async () => {
      await drop();
      rmSync(documentsDir, { recursive: true, force: true });
      if (!overrides.auditHeadDir) rmSync(headDir, { recursive: true, force: true });
    },
  );
}

/**
 * A platform on a database that already exists (a restored backup, `src/backup/backup.test.ts`):
 * nothing is migrated, seeded or removed; closing it closes the server and the database only.
 */
export async function openPlatform(options: {
  database: Database;
  documentsDir: string;
  directory: DemoDirectory;
  overrides?: ConfigOverrides;
}): Promise<TestPlatform> {
  return platformOn(options, () => Promise.resolve());
}

async function platformOn(
  options: {
    database: Database;
    documentsDir: string;
    directory: DemoDirectory;
    overrides?: ConfigOverrides;
    email?: Messaging | undefined;
  },
  cleanUp: () => Promise<void>,
): Promise<TestPlatform> {
  const { database, documentsDir, directory, overrides = {} } = options;
  const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
  // Demo accounts of authorities sign in without a TOTP code here, as in demo mode; a test of
  // the second factor itself passes `secondFactor: 'required'`.
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }, []),
    secondFactor: 'demo_exempt',
    // As in demo mode, procedure (c) is in force from a past date; a test of the date sets its own.
    professionalCardFrom: DEMO_PROFESSIONAL_CARD_FROM,
    ...overrides,
  };
  const messaging = new RecordingMessaging();
  const ebox = new FakeEBox();
  const deps: AppDeps = {
    db: database.db,
    clock,
    config,
    storage: localStorage(documentsDir),
    // E-mail to the recorder, or to what the test gives (an SMTP adapter); e-Box to the fake.
    messaging: routedMessaging(options.email ?? messaging, ebox),
    sources: sourcesFrom(config.sources),
  };
  const app = await buildApp(deps);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const login = async (username: string, language = 'en') => {
    const client = new Client(url, language);
    await client.signIn(username);
    return client;
  };
  return {
    url,
    clock,
    deps,
    messaging,
    ebox,
    directory,
    anonymous: (language = 'en') => new Client(url, language),
    login,
    async loginAll(usernames) {
      const clients = await Promise.all(usernames.map((u) => login(u)));
      return clients as never;
    },
    async close() {
      await app.close();
      await database.close();
      await cleanUp();
    },
  };
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like caller: keeps the session cookie and sends the CSRF token on state changes. */
export class Client {
  private cookie = '';
  private csrf = '';
  constructor(
    readonly baseUrl: string,
    readonly language: string,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const isForm = body instanceof FormData;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'accept-language': this.language,
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        ...(body !== undefined && !isForm && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: isForm ? body : JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    const parsed: unknown =
      text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrf = String(parsed.csrfToken);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Signs in (again): sessions idle out when a test moves the clock forward by days. */
  async signIn(username: string): Promise<void> {
    const res = await this.post('/api/v1/session', { username, password: 'demo' });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status}`);
    this.username = username;
  }

  async signInAgain(): Promise<void> {
    if (this.username) await this.signIn(this.username);
  }

  private username: string | undefined;

  /** Takes over a session cookie obtained elsewhere (e.g. at the end of an OpenID Connect redirect). */
  async adoptSession(cookie: string): Promise<void> {
    this.cookie = cookie;
    const me = await this.get('/api/v1/session');
    if (me.status !== 200) throw new Error(`the adopted session is not valid: ${me.status}`);
  }

  /** A GET whose answer is binary (a PDF): the bytes as sent, not decoded as text. */
  async download(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { 'accept-language': this.language, ...(this.cookie && { cookie: this.cookie }) },
    });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', path, body ?? {}, headers);
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  async upload(dossierId: string, type: string, content: Buffer, fileName = `${type}.pdf`) {
    const form = new FormData();
    form.append('type', type);
    form.append('file', new Blob([content]), fileName);
    return this.request('POST', `/api/v1/dossiers/${dossierId}/documents`, form);
  }
}
