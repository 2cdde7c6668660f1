import { sql } from 'kysely';
import { loadRecords } from '../../src/access/records.js';
import { verifyAuditTrail } from '../../src/audit/audit.js';
import type { Db } from '../../src/db/database.js';
import { retentionOf } from '../../src/dossier/model/retention.js';

/*
 * What `seed:scale -- --verify` checks after generating: a sample of dossiers loaded and folded by
 * the platform's own reader gives the state and retention their rows project, and the whole audit
 * chain verifies under the key it was written with.
 */

export async function verifyGenerated(db: Db, key: Buffer, sample = 2000): Promise<boolean> {
  const rows = (
    await sql<{ id: string; state: string; retention_until: string | null; retention_rule: string | null }>`
      select id, state, retention_until, retention_rule from dossier tablesample system (1) limit ${sample}`.execute(
      db,
    )
  ).rows;
  let mismatches = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    for (const record of await loadRecords(
      db,
      chunk.map((r) => r.id),
      false,
    )) {
      const row = chunk.find((r) => r.id === record.id);
      const retention = retentionOf(record);
      if (
        !row ||
        record.lifecycle.state !== row.state ||
        retention.until !== row.retention_until ||
        (retention.rule ?? 'pending') !== row.retention_rule
      )
        mismatches += 1;
    }
  }
  console.log(
    `fold check: ${rows.length} sampled dossiers, ${mismatches} whose log does not fold to their row`,
  );
  const chain = await verifyAuditTrail(db, { key, batchSize: 5000 });
  console.log(
    chain.ok
      ? `audit chain: intact, ${chain.entries.toLocaleString('en')} entries`
      : `audit chain: BROKEN at #${chain.brokenAt} (${chain.reason})`,
  );
  return mismatches === 0 && chain.ok;
}
