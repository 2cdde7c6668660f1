/* eslint-disable no-console -- a command-line tool reports on its output */
// `npm run retention:dry-run`: what the next run of the retention sweep would delete, and why
// (reference, rule, date), without deleting anything. Reads the database the server uses
// (DATABASE_URL or DATA_DIR); the embedded one can only be opened while the server is stopped.
import { loadConfig } from '../config.js';
import { openPglite, openPostgres } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { legalDate } from '../platform/clock.js';
import { dueDossiers } from './due.js';

const config = loadConfig(process.env, []);
const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
try {
  await migrate(database);
  const now = new Date();
  const due = await dueDossiers(database.db, now);
  console.log(`retention dry run for ${legalDate(now)}: ${due.length} dossier(s) would be deleted`);
  for (const d of due) console.log(`${d.reference}\t${d.rule}\tdue since ${d.until}`);
} finally {
  await database.close();
}
