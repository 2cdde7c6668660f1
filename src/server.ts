import { join } from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openPglite, openPostgres, type Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { seedDemo, printDemoWelcome } from './demo/seed.js';
import { openDocumentStorage } from './documents/stores.js';
import { removeOrphanFiles } from './documents/orphans.js';
import { messagingFrom } from './exchange/channels.js';
import { sourcesFrom } from './exchange/sources/index.js';
import { OffsetClock, systemClock } from './platform/clock.js';
import { startJobs } from './jobs.js';

async function main() {
  const config = loadConfig(process.env, process.argv.slice(2));
  const database: Database = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  await migrate(database);
  // A folder of this machine, or an S3-compatible object store several servers share (DOCUMENTS_URL).
  const storage = await openDocumentStorage(config.documentsStore);
  // Files a killed process wrote without committing their row (the daily job does it again).
  await removeOrphanFiles({ db: database.db, storage });
  // E-mail by SMTP when SMTP_URL is set (production requires it), else files to read in demo mode;
  // organisations' e-Box messages to the e-Box Enterprise fake outside production (docs/messaging.md).
  const outgoing = messagingFrom(config.messaging, join(config.dataDir, 'outbox'));
  const messaging = outgoing.messaging;
  const sources = sourcesFrom(config.sources);
  // Demo only (the configuration refuses it in production): the operator may move time forward.
  const clock = config.movableClock ? new OffsetClock(systemClock) : systemClock;
  const deps = { db: database.db, clock, config, storage, messaging, sources };
  const accounts = config.demo ? await seedDemo(deps) : undefined;
  const app = await buildApp(deps);
  const jobs = startJobs(deps, (job, kind) => {
    app.log.error({ job, failed: true, errorName: kind });
  });
  const stop = async () => {
    await jobs.stop();
    await app.close();
    outgoing.close();
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
