import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/database.js';

/*
 * Rows gathered column by column and written with one multi-row INSERT per table and batch:
 * `insert … select * from unnest($1::uuid[], $2::text[], …)`. Parameters are whole arrays, so a
 * batch of thousands of rows is one statement on PostgreSQL and on PGlite alike.
 */

type Column = readonly [name: string, type: string, expression?: string];

// The order of the tables is the order of their foreign keys.
export const TABLES = {
  dossier: [
    ['id', 'uuid'],
    ['reference', 'text'],
    ['procedure', 'text'],
    ['category', 'text'],
    ['long_term_mobility', 'boolean'],
    ['language', 'text'],
    ['applicant_organisation_id', 'uuid'],
    ['region', 'text'],
    ['identity', 'jsonb'],
    ['residence', 'jsonb'],
    ['employment', 'jsonb'],
    ['self_employed', 'jsonb'],
    ['fee', 'jsonb'],
    ['state', 'text'],
    ['filed_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['retention_until', 'date'],
    ['retention_rule', 'text'],
  ],
  dossier_action: [
    ['id', 'uuid'],
    ['dossier_id', 'uuid'],
    ['seq', 'int4'],
    ['action', 'text'],
    ['actor_user_id', 'uuid'],
    ['actor_organisation_id', 'uuid'],
    ['relation', 'text'],
    ['at', 'timestamptz'],
    ['legal_basis', 'text'],
    ['idempotency_key', 'text'],
    ['payload', 'jsonb'],
  ],
  document: [
    ['id', 'uuid'],
    ['dossier_id', 'uuid'],
    ['type', 'text'],
    ['category', 'text'],
    ['file_name', 'text'],
    ['media_type', 'text'],
    ['size_bytes', 'int4'],
    ['sha256', 'text'],
    ['storage_key', 'text'],
    ['uploaded_by_user_id', 'uuid'],
    ['uploaded_by_organisation_id', 'uuid'],
    ['uploaded_at', 'timestamptz'],
  ],
  access_log: [
    ['id', 'uuid'],
    ['at', 'timestamptz'],
    ['user_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['dossier_id', 'uuid'],
    ['categories', 'text', 'categories::text[]'],
    ['purpose', 'text'],
  ],
  decision_letter: [
    ['id', 'uuid'],
    ['dossier_id', 'uuid'],
    ['action_id', 'uuid'],
    ['variant', 'text'],
    ['language', 'text'],
    ['courtesy', 'boolean'],
    ['categories', 'text', 'categories::text[]'],
    ['size_bytes', 'int4'],
    ['sha256', 'text'],
    // No letter is rendered: every row holds the same short placeholder, its metadata is what counts.
    ['created_at', 'timestamptz', "created_at, convert_to('%PDF-1.4 placeholder (demo)', 'UTF8')"],
  ],
  decision_notification: [
    ['decision_id', 'uuid'],
    ['dossier_id', 'uuid'],
    ['notified_at', 'timestamptz'],
    ['channel', 'text'],
  ],
  audit_trail: [
    ['seq', 'int8'],
    ['at', 'timestamptz'],
    ['kind', 'text'],
    ['actor_user_id', 'uuid'],
    ['actor_organisation_id', 'uuid'],
    ['dossier_id', 'uuid'],
    ['details', 'jsonb'],
    ['prev_hash', 'text'],
    ['hash', 'text', "hash, 'hmac-sha256'"],
  ],
  statistic_fact: [
    ['event', 'text'],
    ['year', 'int4'],
    ['month', 'int4'],
    ['procedure', 'text'],
    ['category', 'text'],
    ['long_term_mobility', 'boolean'],
    ['region', 'text'],
    ['decision_kind', 'text'],
    ['outcome', 'text'],
    ['application_kind', 'text'],
    ['reason', 'text'],
    ['validity_months', 'int4'],
    ['citizenship', 'text'],
    ['sex', 'text'],
    ['age_band', 'text'],
    ['isco2', 'text'],
    ['nace_division', 'text'],
    ['ict_role', 'text'],
    ['previous_member_state', 'text'],
    ['days_taken', 'int4'],
    ['deadline_days', 'int4'],
    ['within_deadline', 'boolean'],
  ],
} as const satisfies Record<string, readonly Column[]>;

export type TableName = keyof typeof TABLES;

/** Target columns after the parameters' own, filled by the last column's expression. */
const EXTRA_TARGETS: Partial<Record<TableName, string[]>> = {
  decision_letter: ['content'],
  audit_trail: ['algorithm'],
};

function insertSql(table: TableName): string {
  const columns: readonly Column[] = TABLES[table];
  const names = columns.map(([n]) => n);
  const all = [...names, ...(EXTRA_TARGETS[table] ?? [])];
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const select = columns.map(([n, , e]) => e ?? n).join(', ');
  return `insert into ${table} (${all.join(', ')}) select ${select} from unnest(${params}) as u(${names.join(', ')})`;
}

export class RowBatch {
  readonly columns = new Map<TableName, unknown[][]>();
  rows = 0;

  add(table: TableName, values: unknown[]): void {
    let cols = this.columns.get(table);
    if (!cols) {
      cols = TABLES[table].map(() => []);
      this.columns.set(table, cols);
    }
    if (values.length !== cols.length)
      throw new Error(`${table}: ${values.length} values for ${cols.length} columns`);
    for (let i = 0; i < values.length; i += 1) cols[i]!.push(values[i]);
    this.rows += 1;
  }

  count(table: TableName): number {
    return this.columns.get(table)?.[0]?.length ?? 0;
  }

  statements(): { sql: string; params: unknown[][] }[] {
    return (Object.keys(TABLES) as TableName[]).flatMap((table) => {
      const cols = this.columns.get(table);
      return cols && cols[0] && cols[0].length > 0 ? [{ sql: insertSql(table), params: cols }] : [];
    });
  }
}

/** Writes batches, each in one transaction; on PostgreSQL a few at once over a small pool. */
export interface Sink {
  write(batch: RowBatch): Promise<void>;
  /** Waits for every batch handed over. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function postgresSink(url: string, inFlight = 2): Sink {
  const pool = new pg.Pool({ connectionString: url, max: inFlight });
  const pending = new Set<Promise<void>>();
  let failure: Error | undefined;
  const run = async (batch: RowBatch) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      // The generated rows are a bulk load: losing the last second of it on a crash costs nothing.
      await client.query('set local synchronous_commit = off');
      for (const s of batch.statements()) await client.query(s.sql, s.params);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    async write(batch) {
      if (failure) throw failure;
      while (pending.size >= inFlight) await Promise.race(pending);
      const p: Promise<void> = run(batch)
        .catch((error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        })
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async drain() {
      await Promise.all(pending);
      if (failure) throw failure;
    },
    close: () => pool.end(),
  };
}

export function databaseSink(database: Database): Sink {
  return {
    async write(batch) {
      await database.db.transaction().execute(async (tx) => {
        for (const s of batch.statements()) await tx.executeQuery(CompiledQuery.raw(s.sql, s.params));
      });
    },
    drain: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
