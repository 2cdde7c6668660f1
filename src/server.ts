import { join } from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openPglite, openPostgres, type Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { seedDemo, printDemoWelcome } from './demo/seed.js';
import { localStorage } from './documents/storage.js';
import { folderMessaging } from './exchange/messaging.js';
import { sourcesFrom } from './exchange/sources/index.js';
import { systemClock } from './platform/clock.js';
import { startJobs } from './jobs.js';

async function main() {
  const config = loadConfig(process.env, process.argv.slice(2));
  const database: Database = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  await migrate(database);
  const storage = localStorage(join(config.dataDir, 'documents'));
  // Demo mode writes messages as files to read; otherwise the e-Box/SMTP adapter plugs in here.
  const messaging = folderMessaging(join(config.dataDir, 'outbox'));
  const sources = sourcesFrom(config.sources);
  const deps = { db: database.db, clock: systemClock, config, storage, messaging, sources };
  const accounts = config.demo ? await seedDemo(deps) : undefined;
  const app = await buildApp(deps);
  const jobs = startJobs(deps, (job, kind) => {
    app.log.error({ job, failed: true, errorName: kind });
  });
  const stop = async () => {
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const address = await app.listen({ host: config.host, port: config.port });
  if (accounts) printDemoWelcome(address, accounts);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
