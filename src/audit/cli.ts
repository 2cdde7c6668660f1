/* eslint-disable no-console -- a command-line tool reports on its output */
// `npm run audit:verify` checks the whole chain; `npm run audit:head` prints the newest link to
// anchor outside the database. Both read the database the server uses (DATABASE_URL or DATA_DIR);
// the embedded one can only be opened while the server is stopped.
import { loadConfig } from '../config.js';
import { openPglite, openPostgres } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { auditHead, verifyAuditTrail } from './audit.js';

const command = process.argv[2];
const config = loadConfig(process.env, []);
const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
try {
  await migrate(database);
  if (command === 'verify') {
    const result = await verifyAuditTrail(database.db);
    if (result.ok) {
      console.log(
        `audit trail intact: ${result.entries} entries, head ${result.head ? `#${result.head.seq} ${result.head.hash}` : '(empty)'}`,
      );
    } else {
      console.log(
        `audit trail BROKEN at entry #${result.brokenAt} (${result.reason}); ${result.entries} entries before it hold`,
      );
      process.exitCode = 1;
    }
  } else if (command === 'head') {
    console.log(JSON.stringify(await auditHead(database.db)));
  } else {
    console.log('usage: audit verify | audit head');
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
