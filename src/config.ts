import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const Environment = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  /** R-PROC-2: procedure (c) exists but enters into force on a date set later (Art. 34, 36). */
  PROFESSIONAL_CARD_ENABLED: flag.default(false),
  /** Seeding demo data into a PostgreSQL server must be asked for explicitly. */
  DEMO_SEED_DATABASE_URL: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  professionalCardEnabled: boolean;
  demo: boolean;
  demoSeedDatabaseUrl: boolean;
  logLevel: z.infer<typeof Environment>['LOG_LEVEL'];
  production: boolean;
}

export class ConfigError extends Error {}

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
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    professionalCardEnabled: e.PROFESSIONAL_CARD_ENABLED,
    demo,
    demoSeedDatabaseUrl: e.DEMO_SEED_DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    production,
  };
}
