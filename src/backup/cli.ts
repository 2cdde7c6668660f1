/* eslint-disable no-console -- a command-line tool reports on its output */
// `npm run backup -- --to DIR` and `npm run restore -- --from DIR [--force] [--without-journal]
// [--without-keys]` (decision 0011), on the database the server uses (DATABASE_URL, or the
// embedded one in DATA_DIR, which opens only while the server is stopped) with its AUDIT_KEY and
// AUDIT_HEAD_DIR, where the deletion journal is.
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { openPglite, openPostgres } from '../db/database.js';
import { RestoreRefused, restoreBackup, takeBackup } from './backup.js';

const [command, ...args] = process.argv.slice(2);
const valueOf = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const config = loadConfig(process.env, []);

try {
  if (command === 'backup') {
    const to = valueOf('--to');
    if (!to) throw new RestoreRefused('usage: npm run backup -- --to DIR');
    const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
    try {
      const manifest = await takeBackup(
        {
          database,
          databaseUrl: config.databaseUrl,
          documentsDir: join(config.dataDir, 'documents'),
          config,
        },
        to,
        new Date(),
      );
      console.log(
        `backup of ${manifest.engine === 'pglite' ? 'the embedded database' : 'PostgreSQL'} in ${to}:`,
      );
      console.log(`  database   ${manifest.parts.database}`);
      console.log(
        `  key store  ${manifest.parts.keys} (${manifest.counts.keys} wrapped dossier keys; keep apart from DOCUMENT_MASTER_KEY)`,
      );
      console.log(
        `  documents  ${manifest.parts.documents}/ (${manifest.counts.documentFiles} sealed files)`,
      );
      console.log(
        `  audit head #${manifest.auditHead?.seq ?? 0} published to ${config.auditHeadDir}; deletion journal there: ${manifest.journalEntries} entries`,
      );
    } finally {
      await database.close();
    }
  } else if (command === 'restore') {
    const from = valueOf('--from');
    if (!from)
      throw new RestoreRefused(
        'usage: npm run restore -- --from DIR [--force] [--without-journal] [--without-keys]',
      );
    const report = await restoreBackup(config, from, {
      force: args.includes('--force'),
      withoutJournal: args.includes('--without-journal'),
      withoutKeys: args.includes('--without-keys'),
    });
    console.log(
      `restored the backup of ${report.takenAt} into ${report.engine === 'pglite' ? config.dataDir : 'DATABASE_URL'}:`,
    );
    console.log(`  database   restored`);
    console.log(
      `  key store  ${report.keys.restored} keys restored, ${report.keys.notRestored} not (dossier deleted since, or newer than the database part)`,
    );
    console.log(`  documents  ${report.documentFiles} files`);
    console.log(
      `  deleted again from the deletion journal (${report.journal.entries} entries): ${report.journal.redeleted.length} dossiers`,
    );
    for (const d of report.journal.redeleted) console.log(`    ${d.dossierId} (deleted ${d.deletedAt})`);
    console.log(
      `  retention sweep: ${report.sweep.deleted} due dossiers deleted, ${report.sweep.failed} failed, ${report.sweep.files.removed} files removed`,
    );
    if (report.heads.setAside > 0)
      console.log(
        `  ${report.heads.setAside} audit heads published after the backup (the tail this restore cut) set aside in ${config.auditHeadDir}/${report.heads.file}`,
      );
    if (report.audit.ok)
      console.log(
        `  audit trail intact: ${report.audit.entries} entries, ${report.audit.headsChecked} published heads agree`,
      );
    else {
      console.log(`  audit trail BROKEN at entry #${report.audit.brokenAt} (${report.audit.reason})`);
      process.exitCode = 1;
    }
  } else {
    console.log('usage: backup --to DIR | restore --from DIR [--force] [--without-journal] [--without-keys]');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
