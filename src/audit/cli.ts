/* eslint-disable no-console -- a command-line tool reports on its output */
// `npm run audit:verify` checks the whole chain, each row by its algorithm, against the heads
// published in AUDIT_HEAD_DIR; `npm run audit:head` prints the newest link and the newest published
// head (`-- --publish` publishes the current head first). Both read the database the server uses
// (DATABASE_URL or DATA_DIR) with its AUDIT_KEY; the embedded one opens only while the server is stopped.
import { loadConfig } from '../config.js';
import { openPglite, openPostgres } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { auditHead, useAuditKey } from './audit.js';
import { latestPublishedHead, publishAuditHead, verifyWithPublishedHeads } from './heads.js';

const command = process.argv[2];
const config = loadConfig(process.env, []);
useAuditKey(config.auditKey);
const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
try {
  await migrate(database);
  if (command === 'verify') {
    const result = await verifyWithPublishedHeads(database.db, config.auditKey, config.auditHeadDir);
    if (result.ok) {
      console.log(
        `audit trail intact: ${result.entries} entries, head ${result.head ? `#${result.head.seq} ${result.head.hash}` : '(empty)'}, ` +
          `${result.headsChecked} published heads agree`,
      );
      if (result.headsChecked === 0 && result.entries > 0)
        console.log(
          `warning: no published head in ${config.auditHeadDir}: a cut tail or a rewrite with the key cannot be seen`,
        );
    } else {
      console.log(
        `audit trail BROKEN at entry #${result.brokenAt} (${result.reason}); ${result.entries} entries before it hold`,
      );
      process.exitCode = 1;
    }
  } else if (command === 'head') {
    if (process.argv.includes('--publish'))
      await publishAuditHead(database.db, config.auditKey, config.auditHeadDir, new Date());
    console.log(
      JSON.stringify({
        current: await auditHead(database.db),
        published: latestPublishedHead(config.auditHeadDir),
      }),
    );
  } else {
    console.log('usage: audit verify | audit head [--publish]');
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
