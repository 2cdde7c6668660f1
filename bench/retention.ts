// The retention sweep of `npm run bench`: due dossiers with documents are seeded directly in SQL
// (filing 10,000 through the API would take far longer than deleting them), then one sweep
// deletes them all, one transaction per dossier, files after each commit.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { TestPlatform } from '../test/harness.js';
import { sweepRetention } from '../src/retention/sweep.js';

const DOCUMENTS_PER_DOSSIER = 2;

async function seedDueDossiers(platform: TestPlatform, count: number): Promise<void> {
  const db = platform.deps.db;
  const org = platform.directory.organisations.employer ?? '';
  const user = platform.directory.users.employer ?? '';
  // Drafts idle since 2000, told in 2000: due under draft_180d, which the purge checks again on the
  // folded log before it deletes; the deletion itself is the same for every rule.
  await sql`
    insert into dossier (id, reference, procedure, category, language, applicant_organisation_id, state,
                         created_at, updated_at, retention_until, retention_rule, draft_notice_at)
    select gen_random_uuid(), 'SW-BENCH-' || lpad(g::text, 6, '0'), 'single_permit', 'single_permit', 'nl',
           ${org}, 'draft', timestamptz '2000-01-01 09:00Z', timestamptz '2000-01-01 09:00Z',
           date '2000-06-29', 'draft_180d', timestamptz '2000-06-01 09:00Z'
      from generate_series(1, ${count}) g`.execute(db);
  await sql`
    insert into dossier_action (id, dossier_id, seq, action, actor_user_id, actor_organisation_id, relation, at,
                                legal_basis, idempotency_key, payload)
    select gen_random_uuid(), d.id, 1, 'create', ${user}, ${org}, 'applicant', d.created_at, 'Art. 19-20',
           gen_random_uuid()::text, '{}'
      from dossier d where d.reference like 'SW-BENCH-%'`.execute(db);
  await sql`
    insert into access_log (id, at, user_id, organisation_id, dossier_id, categories, purpose)
    select gen_random_uuid(), d.created_at, ${user}, ${org}, d.id, array['identity'], 'bench'
      from dossier d where d.reference like 'SW-BENCH-%'`.execute(db);
  await sql`
    insert into dossier_key (dossier_id, algorithm, wrapping, master_key_id, wrapped_key, created_at)
    select d.id, 'aes-256-gcm', 'aes-256-gcm', 'bench', decode(md5(d.id::text), 'hex'), d.created_at
      from dossier d where d.reference like 'SW-BENCH-%'`.execute(db);
  const ids = (
    await sql<{ id: string }>`select id from dossier where reference like 'SW-BENCH-%'`.execute(db)
  ).rows.map((r) => r.id);
  // Real files in the storage folder, so the sweep's removals after commit are measured too.
  const content = Buffer.alloc(64 * 1024, 1);
  const rows: Record<string, unknown>[] = [];
  for (const id of ids)
    for (let i = 0; i < DOCUMENTS_PER_DOSSIER; i += 1) {
      const { key } = await platform.deps.storage.put(content);
      rows.push({
        id: crypto.randomUUID(),
        dossier_id: id,
        type: 'passport',
        category: 'identity',
        file_name: 'bench.pdf',
        media_type: 'application/pdf',
        size_bytes: content.length,
        sha256: '0'.repeat(64),
        storage_key: key,
        uploaded_by_user_id: user,
        uploaded_by_organisation_id: org,
        uploaded_at: new Date('2000-01-01T09:00:00Z'),
      });
    }
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('document')
      .values(rows.slice(i, i + 1000) as never)
      .execute();
}

/** Seeds `count` due dossiers and times the sweep that deletes them. */
export async function benchRetention(platform: TestPlatform, count: number, note: string): Promise<void> {
  const seeding = performance.now();
  await seedDueDossiers(platform, count);
  const seeded = performance.now() - seeding;
  const start = performance.now();
  const report = await sweepRetention(platform.deps, new Date());
  const ms = performance.now() - start;
  const left = await sql<{
    n: number;
  }>`select count(*)::int as n from dossier where reference like 'SW-BENCH-%'`.execute(platform.deps.db);
  console.log(
    `${'retention sweep: delete due dossiers'.padEnd(44)} n=${String(count).padStart(5)}  total ${(ms / 1000).toFixed(1).padStart(6)} s  ` +
      `${(count / (ms / 1000)).toFixed(0)} dossiers/s  (${DOCUMENTS_PER_DOSSIER} documents each; seeded in ${(seeded / 1000).toFixed(1)} s)`,
  );
  console.log(
    `${''.padEnd(44)} deleted ${report.deleted}, failed ${report.failed}, files removed ${report.files.removed}, left ${left.rows[0]?.n ?? '?'}${note}`,
  );
}
