import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { documentsStoreOf, type DocumentsStore } from './documents/stores.js';
import {
  CollectingAccountsFile,
  DEMO_COLLECTING_ACCOUNTS,
  DEMO_IBANS,
  type CollectingAccount,
} from './rules/collecting-accounts.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const Environment = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  /**
   * R-PROC-2: the legal date from which procedure (c) may be filed here, YYYY-MM-DD. Art. 36 second
   * para. leaves it to an executing cooperation agreement; unset, (c) is not in force (decision 0007).
   */
  PROFESSIONAL_CARD_FROM: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }).optional(),
  /** Replaced by PROFESSIONAL_CARD_FROM; only read to stop start-up with a message saying so. */
  PROFESSIONAL_CARD_ENABLED: z.string().optional(),
  /** Seeding demo data into a PostgreSQL server must be asked for explicitly. */
  DEMO_SEED_DATABASE_URL: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  /** Authority accounts sign in with a TOTP code; only demo and tests may exempt unenrolled ones. */
  SECOND_FACTOR: z.enum(['required', 'demo_exempt']).optional(),
  /** Sign-in through an external OpenID Connect provider: all four, or none. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  /** Authentic sources (Art. 14): `fake` (fictitious data) or the URL of the real adapter's gateway. */
  SOURCE_KBO: z.union([z.literal('fake'), z.url()]).optional(),
  SOURCE_ONSS: z.union([z.literal('fake'), z.url()]).optional(),
  SOURCE_LIMOSA: z.union([z.literal('fake'), z.url()]).optional(),
  SOURCE_INASTI: z.union([z.literal('fake'), z.url()]).optional(),
  /** Bearer token the platform presents to the sources gateway (docs/sources.md). */
  SOURCE_TOKEN: z.string().min(1).optional(),
  SOURCE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
  /** The SMTP relay of outgoing e-mail (Art. 20 §5); without it messages are files under DATA_DIR/outbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  /** The From header of outgoing e-mail. */
  SMTP_FROM: z.string().min(3).optional(),
  /** The e-Box Enterprise channel: only `fake` exists until the real adapter is built (docs/messaging.md). */
  EBOX_ENTERPRISE: z.enum(['fake', 'off']).optional(),
  /** Wraps every dossier's document key (docs/decisions/0009): base64 of 32 random bytes. */
  DOCUMENT_MASTER_KEY: z.string().optional(),
  /** The reverse proxies whose X-Forwarded-For is believed: a hop count or a list of addresses/CIDRs. */
  TRUST_PROXY: z.string().optional(),
  /** Keys the audit chain and signs its published heads (docs/security.md): base64 of ≥ 32 random bytes. */
  AUDIT_KEY: z.string().optional(),
  /** Where the signed heads of the audit chain are appended, outside the database. */
  AUDIT_HEAD_DIR: z.string().min(1).optional(),
  /** The operator may move the platform clock forward (demo: on by default); production refuses it. */
  MOVABLE_CLOCK: flag.optional(),
  /** Where document files live: DATA_DIR/documents, or `s3://bucket/prefix?endpoint=…&region=…` (docs/deployment.md). */
  DOCUMENTS_URL: z.string().min(1).optional(),
  /** The collecting authorities' accounts fees are paid into (docs/fees.md); outside production the demo ones apply. */
  FEE_ACCOUNTS_FILE: z.string().min(1).optional(),
});

export type SecondFactorMode = 'required' | 'demo_exempt';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** From which legal date procedure (c) may be filed; undefined while no date is set (Art. 36). */
  professionalCardFrom: string | undefined;
  demo: boolean;
  demoSeedDatabaseUrl: boolean;
  logLevel: z.infer<typeof Environment>['LOG_LEVEL'];
  production: boolean;
  /** `demo_exempt` lets authority accounts without an enrolled TOTP secret sign in by password. */
  secondFactor: SecondFactorMode;
  /** The external OpenID Connect provider, when one is configured. */
  oidc: OidcConfig | undefined;
  /** Each authentic source, fake or real: swapped by configuration alone. */
  sources: SourcesConfig;
  /** How messages leave the platform (docs/messaging.md). */
  messaging: MessagingConfig;
  /** The master key that wraps every dossier's document key (32 bytes). */
  documentMasterKey: Buffer;
  /**
   * Fastify's `trustProxy`: false (the default, the peer is the client), the number of proxy hops,
   * or the proxies' addresses and CIDR ranges. Sign-in and claims are throttled by the client
   * address, so behind a proxy this must name it, or every user shares the proxy's address.
   */
  trustProxy: false | number | string[];
  /** The key of the audit chain's HMAC and of its published heads; never stored in the database. */
  auditKey: Buffer;
  /** The folder of the published audit heads (`heads.jsonl`), outside the database. */
  auditHeadDir: string;
  /** Whether the operator may move the clock forward (POST /clock/advance): demo and tests only. */
  movableClock: boolean;
  /** The folder or the S3-compatible object store of the (sealed) document files. */
  documentsStore: DocumentsStore;
  /** The accounts the fee page shows (beneficiary, IBAN, BIC); none in production until configured. */
  collectingAccounts: readonly CollectingAccount[];
}

/** E-mail by SMTP or, outside production, to files; the e-Box Enterprise fake or none. */
export interface MessagingConfig {
  email: { kind: 'smtp'; url: string; from: string } | { kind: 'folder' };
  ebox: 'fake' | 'off';
}

/** Where one authentic source is read: the deterministic fake, or the real adapter over HTTP. */
export type SourceSetting = { kind: 'fake' } | { kind: 'http'; url: string };

export interface SourcesConfig {
  kbo: SourceSetting;
  onss: SourceSetting;
  limosa: SourceSetting;
  inasti: SourceSetting;
  token: string | undefined;
  /** How long a check waits for a source before recording `timeout`. */
  timeoutMs: number;
}

export class ConfigError extends Error {}

/** A date already past, so demo mode can show procedure (c); not a legal date (decision 0007). */
export const DEMO_PROFESSIONAL_CARD_FROM = '2025-01-31';

/** Reads the environment once; a wrong setting stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): Config {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo = argv.includes('--demo');
  const production = e.NODE_ENV === 'production';
  if (demo && production) throw new ConfigError('Demo mode cannot run with NODE_ENV=production.');
  if (demo && e.DATABASE_URL && !e.DEMO_SEED_DATABASE_URL) {
    throw new ConfigError(
      'Demo mode seeds fictitious data; it refuses a DATABASE_URL unless DEMO_SEED_DATABASE_URL=true says so.',
    );
  }
  if (e.PROFESSIONAL_CARD_ENABLED !== undefined) {
    throw new ConfigError(
      'PROFESSIONAL_CARD_ENABLED: procedure (c) now takes the date it enters into force, PROFESSIONAL_CARD_FROM=YYYY-MM-DD (Art. 36).',
    );
  }
  const secondFactor = e.SECOND_FACTOR ?? (demo ? 'demo_exempt' : 'required');
  if (production && secondFactor === 'demo_exempt') {
    throw new ConfigError(
      'SECOND_FACTOR=demo_exempt: a production configuration cannot switch the second factor off.',
    );
  }
  const movableClock = e.MOVABLE_CLOCK ?? demo;
  if (production && movableClock) {
    throw new ConfigError(
      'MOVABLE_CLOCK: a production configuration cannot let the platform clock be moved.',
    );
  }
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    // The demo shows procedure (c) as an installation will once its date is set.
    professionalCardFrom: e.PROFESSIONAL_CARD_FROM ?? (demo ? DEMO_PROFESSIONAL_CARD_FROM : undefined),
    demo,
    demoSeedDatabaseUrl: e.DEMO_SEED_DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    production,
    secondFactor,
    oidc: oidcConfig(e),
    sources: sourcesConfig(e, production),
    messaging: messagingConfig(e, production),
    documentMasterKey: documentMasterKey(e.DOCUMENT_MASTER_KEY, production),
    trustProxy: trustProxy(e.TRUST_PROXY),
    auditKey: auditKey(e.AUDIT_KEY, production),
    auditHeadDir: e.AUDIT_HEAD_DIR ?? join(e.DATA_DIR, 'audit-heads'),
    movableClock,
    documentsStore: documentsStore(e.DOCUMENTS_URL, e.DATA_DIR, env.AWS_REGION, production),
    collectingAccounts: collectingAccounts(e.FEE_ACCOUNTS_FILE, production),
  };
}

/**
 * The accounts come from a JSON file an installation maintains; outside production, without one,
 * the fictitious demo accounts. Production shows no account rather than a demo one: a payer must
 * never be sent to an invented IBAN.
 */
function collectingAccounts(file: string | undefined, production: boolean): readonly CollectingAccount[] {
  if (file === undefined) return production ? [] : DEMO_COLLECTING_ACCOUNTS;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ConfigError('FEE_ACCOUNTS_FILE: cannot be read as JSON (see docs/fees.md for its form).');
  }
  const parsed = CollectingAccountsFile.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  [${i.path.join('.')}] ${i.message}`);
    throw new ConfigError(`FEE_ACCOUNTS_FILE: invalid rows:\n${lines.join('\n')}`);
  }
  const rows = parsed.data.map(({ region, effectiveUntil, configurationNote, ...row }) => ({
    ...row,
    ...(region !== undefined && { region }),
    ...(effectiveUntil !== undefined && { effectiveUntil }),
    ...(configurationNote !== undefined && { configurationNote }),
  }));
  if (production && rows.some((r) => DEMO_IBANS.has(r.iban)))
    throw new ConfigError('FEE_ACCOUNTS_FILE: a production configuration cannot use the demo accounts.');
  return rows;
}

function documentsStore(
  url: string | undefined,
  dataDir: string,
  region: string | undefined,
  production: boolean,
): DocumentsStore {
  try {
    return documentsStoreOf(url, dataDir, { AWS_REGION: region, production });
  } catch (e) {
    throw new ConfigError(`DOCUMENTS_URL: ${e instanceof Error ? e.message : 'invalid'}.`);
  }
}

/**
 * Outside production the documents are fictitious: a key derived from a public label lets the
 * demo folder be reopened after a restart without writing a key file beside it. Being public, it
 * must never protect real files, so production refuses it.
 */
export const DEMO_DOCUMENT_MASTER_KEY = createHash('sha256')
  .update('Single Window demo document master key: public, for fictitious data only')
  .digest();

function documentMasterKey(value: string | undefined, production: boolean): Buffer {
  if (value === undefined) {
    if (production)
      throw new ConfigError(
        'DOCUMENT_MASTER_KEY: a production configuration needs the master key of the document files (openssl rand -base64 32).',
      );
    return DEMO_DOCUMENT_MASTER_KEY;
  }
  const key = Buffer.from(value, 'base64');
  // The value itself is never echoed: a near-miss of the real key is still a secret.
  if (key.length !== 32 || key.toString('base64') !== value.trim())
    throw new ConfigError(
      'DOCUMENT_MASTER_KEY: must be 32 random bytes in base64 (openssl rand -base64 32).',
    );
  if (production && key.equals(DEMO_DOCUMENT_MASTER_KEY))
    throw new ConfigError('DOCUMENT_MASTER_KEY: a production configuration cannot use the public demo key.');
  return key;
}

/**
 * As for the document key: outside production the trail records fictitious acts, and a key derived
 * from a public label keeps a demo folder verifiable across restarts. It proves nothing against
 * anyone who reads this file, so production refuses it.
 */
export const DEMO_AUDIT_KEY = createHash('sha256')
  .update('Single Window demo audit key: public, for fictitious data only')
  .digest();

function auditKey(value: string | undefined, production: boolean): Buffer {
  if (value === undefined) {
    if (production)
      throw new ConfigError(
        'AUDIT_KEY: a production configuration needs the key of the audit chain (openssl rand -base64 32).',
      );
    return DEMO_AUDIT_KEY;
  }
  const key = Buffer.from(value, 'base64');
  // The value itself is never echoed: a near-miss of the real key is still a secret.
  if (key.length < 32 || key.toString('base64') !== value.trim())
    throw new ConfigError('AUDIT_KEY: must be at least 32 random bytes in base64 (openssl rand -base64 32).');
  if (production && key.equals(DEMO_AUDIT_KEY))
    throw new ConfigError('AUDIT_KEY: a production configuration cannot use the public demo key.');
  return key;
}

const DEFAULT_FROM = 'Working in Belgium <no-reply@localhost>';

/**
 * Production sends e-mail through a relay, never to files nobody reads, and never into a pretend
 * e-Box. Elsewhere the folder outbox and the fake e-Box are the defaults.
 */
function messagingConfig(e: z.infer<typeof Environment>, production: boolean): MessagingConfig {
  if (production && !e.SMTP_URL) {
    throw new ConfigError(
      'SMTP_URL: a production configuration needs the SMTP relay that sends e-mail (e.g. smtp://user:pass@host:587).',
    );
  }
  if (production && e.SMTP_URL && !e.SMTP_FROM) {
    throw new ConfigError('SMTP_FROM: a production configuration needs the From address of outgoing e-mail.');
  }
  if (production && e.EBOX_ENTERPRISE === 'fake') {
    throw new ConfigError(
      'EBOX_ENTERPRISE=fake: a production configuration cannot publish into a pretend e-Box.',
    );
  }
  return {
    email: e.SMTP_URL
      ? { kind: 'smtp', url: e.SMTP_URL, from: e.SMTP_FROM ?? DEFAULT_FROM }
      : { kind: 'folder' },
    ebox: e.EBOX_ENTERPRISE ?? (production ? 'off' : 'fake'),
  };
}

/**
 * Fictitious source data in production would let decisions rest on invented facts: there every
 * source must name its real adapter. Elsewhere the fakes are the default.
 */
function sourcesConfig(e: z.infer<typeof Environment>, production: boolean): SourcesConfig {
  const setting = (name: 'SOURCE_KBO' | 'SOURCE_ONSS' | 'SOURCE_LIMOSA' | 'SOURCE_INASTI'): SourceSetting => {
    const value = e[name] ?? (production ? undefined : 'fake');
    if (value === undefined || (production && value === 'fake')) {
      throw new ConfigError(`${name}: a production configuration needs the URL of the real source adapter.`);
    }
    return value === 'fake' ? { kind: 'fake' } : { kind: 'http', url: value };
  };
  return {
    kbo: setting('SOURCE_KBO'),
    onss: setting('SOURCE_ONSS'),
    limosa: setting('SOURCE_LIMOSA'),
    inasti: setting('SOURCE_INASTI'),
    token: e.SOURCE_TOKEN,
    timeoutMs: e.SOURCE_TIMEOUT_MS,
  };
}

/** Half a provider configuration is a mistake, not a choice: it stops start-up naming what is missing. */
function oidcConfig(e: z.infer<typeof Environment>): OidcConfig | undefined {
  const values = {
    OIDC_ISSUER: e.OIDC_ISSUER,
    OIDC_CLIENT_ID: e.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET,
    OIDC_REDIRECT_URI: e.OIDC_REDIRECT_URI,
  };
  const missing = Object.entries(values)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length === 4) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(`OpenID Connect sign-in needs all four settings; missing: ${missing.join(', ')}.`);
  }
  return {
    issuer: e.OIDC_ISSUER ?? '',
    clientId: e.OIDC_CLIENT_ID ?? '',
    clientSecret: e.OIDC_CLIENT_SECRET ?? '',
    redirectUri: e.OIDC_REDIRECT_URI ?? '',
  };
}

/**
 * TRUST_PROXY: unset, `false` or `0` trusts no proxy; a whole number trusts that many hops; else a
 * comma-separated list of addresses or CIDR ranges (`10.0.0.0/8,::1`). `true` is refused: trusting
 * every sender of X-Forwarded-For lets any client pick the address it is throttled by.
 */
function trustProxy(value: string | undefined): false | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === 'off' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new ConfigError('TRUST_PROXY: a hop count is at most 10.');
    return hops;
  }
  if (text === 'true' || text === 'on' || text === '1')
    throw new ConfigError(
      "TRUST_PROXY=true would believe X-Forwarded-For from anyone: give the proxies' addresses or CIDR ranges, or the number of hops.",
    );
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || rest.length > 0)
      throw new ConfigError(
        `TRUST_PROXY: "${entry}" is not an address or CIDR range (e.g. 10.0.0.1, 10.0.0.0/8, fd00::/8).`,
      );
  }
  return entries;
}
