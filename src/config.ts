import { createHash } from 'node:crypto';
import { z } from 'zod';

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
  };
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
