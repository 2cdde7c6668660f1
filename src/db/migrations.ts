import { readdirSync, readFileSync } from 'node:fs';
import { sha256 } from '../platform/ids.js';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8');
      return { name, sql: text, checksum: sha256(text) };
    });
}

/**
 * Applies the migrations not yet applied, in name order. A landed migration is frozen: if its
 * text changed since it was applied, start-up stops rather than run a schema nobody reviewed.
 */
export async function migrate(database: Database): Promise<string[]> {
  const { db } = database;
  await database.execScript(
    `create table if not exists schema_migration (
       name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
  );
  const applied = new Map(
    (await db.selectFrom('schema_migration').select(['name', 'checksum']).execute()).map((r) => [
      r.name,
      r.checksum,
    ]),
  );
  const done: string[] = [];
  for (const migration of readMigrations()) {
    const known = applied.get(migration.name);
    if (known !== undefined) {
      if (known !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was edited after it was applied; migrations are frozen.`,
        );
      }
      continue;
    }
    // The record of the migration commits with the migration itself; names and checksums are
    // file names and hex digests, never user input.
    await database.execScript(
      `begin;\n${migration.sql}\n;insert into schema_migration (name, checksum) values ('${migration.name}', '${migration.checksum}');\ncommit;`,
    );
    done.push(migration.name);
  }
  return done;
}
