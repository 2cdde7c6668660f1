import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.generated.js';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or a transaction on it: queries take this so use cases can compose. */
export type Queryable = Db | Tx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs a script of several statements (migrations); not for user input. */
  execScript(sql: string): Promise<void>;
  /** The embedded engine only: a consistent tarball of its data folder (`npm run backup`). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

// Dates stay ISO strings and counts become numbers on both engines, so code never sees a
// local-midnight Date for a legal date.
const DATE_OID = 1082;
const INT8_OID = 20;

export async function openPglite(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    // PGlite reads the options only beside a data directory: `memory://` is its in-memory one.
    const pglite = new PGlite(dataDir ? join(dataDir, 'pg') : 'memory://', {
      parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
      // A restore (`npm run restore`) starts the folder from a backup's tarball.
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    });
    await pglite.waitReady;
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      kind: 'pglite',
      db,
      execScript: async (sql) => {
        await pglite.exec(sql);
      },
      // Runs exclusive of queries: the copy is of one moment.
      dumpDataDir: () => pglite.dumpDataDir('gzip'),
      close: async () => {
        await db.destroy();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

// pg types its parser lookup by an enum of known OIDs; any OID the server sends is looked up.
const builtinParser = pg.types.getTypeParser as (
  oid: number,
  format?: 'text' | 'binary',
) => (v: string) => unknown;

export function openPostgres(url: string): Database {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return builtinParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // An idle connection can be cut by the server (restart, failover, a dropped test database):
  // the pool discards it and opens another on the next query; without this listener Node would
  // treat the event as an uncaught error and stop the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    execScript: async (sql) => {
      await pool.query(sql);
    },
    close: () => db.destroy(),
  };
}

/**
 * PGlite keeps its files in one folder that only one process may open; a second process would
 * corrupt it, so it is refused with a message naming the holder.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'single-window.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        // A process that opens and closes the folder many times (a script) keeps no listener per open.
        process.off('exit', release);
        rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      rmSync(lockPath, { force: true }); // left behind by a process that died
    }
  }
  throw new DataDirLockedError(dataDir, undefined);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, holder: number | undefined) {
    super(
      `The data folder ${dataDir} is in use by another process${holder ? ` (pid ${holder})` : ''}. ` +
        'Stop it, or start this one with another DATA_DIR.',
    );
  }
}
