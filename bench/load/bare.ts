import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

/*
 * The bare handler beside each figure: node:http and pg, issuing the statements the platform
 * issued for the same path. They are captured from one request through the platform (every query
 * of pg's clients is recorded while it runs) and replayed per request, with what must be new each
 * time made new (ids, references, idempotency keys, the audit chain's next link) and the dossier of
 * the request put in place of the captured one. No validation, no policy, no rendering: SQL only.
 */

export interface Statement {
  text: string;
  values: unknown[];
}

type QueryFn = (...args: unknown[]) => unknown;
const clientPrototype = pg.Client.prototype as unknown as { query: QueryFn };
const originalQuery = clientPrototype.query;
let recording: Statement[] | undefined;

clientPrototype.query = function (this: unknown, ...args: unknown[]) {
  if (recording) {
    const [config, values] = args;
    const text = typeof config === 'string' ? config : (config as { text?: string } | undefined)?.text;
    const params = Array.isArray(values)
      ? values
      : ((config as { values?: unknown[] } | undefined)?.values ?? []);
    if (text) recording.push({ text, values: [...params] });
  }
  return originalQuery.apply(this, args);
};

/** The statements pg sends while `run` runs (one request at a time, nothing else on the pool). */
export async function capture(run: () => Promise<unknown>): Promise<Statement[]> {
  recording = [];
  try {
    await run();
    return recording;
  } finally {
    recording = undefined;
  }
}

const FRESH_COLUMNS = new Set(['id', 'reference', 'idempotency_key', 'storage_key', 'key']);
const INSERT = /^insert into "(\w+)" \(([^)]*)\) values (.*)$/is;

function insertColumns(text: string): { table: string; byParam: Map<number, string> } | undefined {
  const m = INSERT.exec(text);
  if (!m) return undefined;
  const columns = m[2]!.split(',').map((c) => c.trim().replace(/"/g, ''));
  const byParam = new Map<number, string>();
  [...m[3]!.matchAll(/\$(\d+)/g)].forEach((p, i) =>
    byParam.set(Number(p[1]) - 1, columns[i % columns.length]!),
  );
  return { table: m[1]!, byParam };
}

function freshValue(column: string, old: unknown): unknown {
  if (column === 'reference') return `SW-BARE-${randomBytes(6).toString('hex')}`;
  if (typeof old === 'string' && /^[0-9a-f-]{36}$/i.test(old)) return randomUUID();
  return `bare-${randomUUID()}`;
}

/** Replays captured statements on one pooled client; `swap` puts request values in place of captured ones. */
export async function replay(
  pool: pg.Pool,
  statements: readonly Statement[],
  swap: ReadonlyMap<unknown, unknown>,
) {
  const client = await pool.connect();
  const map = new Map(swap);
  const maxSeq = new Map<string, number>();
  let head: { seq: number; hash: string } | undefined;
  const results: unknown[] = [];
  let inTransaction = false;
  try {
    for (const s of statements) {
      const values = s.values.map((v) => (map.has(v) ? map.get(v) : v));
      const insert = insertColumns(s.text);
      if (insert) {
        for (const [index, column] of insert.byParam) {
          if (insert.table === 'audit_trail') {
            if (column === 'seq') values[index] = (head?.seq ?? 0) + 1;
            if (column === 'prev_hash') values[index] = head?.hash ?? '0'.repeat(64);
            if (column === 'hash') values[index] = randomBytes(32).toString('hex');
            continue;
          }
          if (insert.table === 'dossier_action' && column === 'seq') {
            const dossier = values[[...insert.byParam].find(([, c]) => c === 'dossier_id')?.[0] ?? -1];
            const next = (maxSeq.get(String(dossier)) ?? Number(values[index]) - 1) + 1;
            maxSeq.set(String(dossier), next);
            values[index] = next;
            continue;
          }
          if (FRESH_COLUMNS.has(column)) {
            const fresh = freshValue(column, s.values[index]);
            map.set(s.values[index], fresh);
            values[index] = fresh;
          }
        }
      }
      if (/^begin/i.test(s.text)) inTransaction = true;
      if (/^(commit|rollback)/i.test(s.text)) inTransaction = false;
      const result = await client.query(s.text, values);
      results.push(result.rows);
      for (const row of result.rows as Record<string, unknown>[]) {
        if (/from "audit_trail"/.test(s.text) && typeof row.hash === 'string')
          head = { seq: Number(row.seq), hash: row.hash };
        if (
          typeof row.dossier_id === 'string' &&
          typeof row.seq === 'number' &&
          typeof row.action === 'string'
        )
          maxSeq.set(row.dossier_id, Math.max(maxSeq.get(row.dossier_id) ?? 0, row.seq));
      }
    }
    return { results, map };
  } catch (error) {
    if (inTransaction) await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface BareRoute {
  /** The statements to replay for a request to this route. */
  statements: Statement[];
  /** The captured value that the first path segment after the route replaces (a dossier id). */
  capturedId?: string;
  /** What the answer carries: by default the rows read, as JSON. */
  answer?: (map: Map<unknown, unknown>) => unknown;
}

/** A node:http server answering /<route>[/<id>] by replaying that route's statements. */
export async function startBare(
  pool: pg.Pool,
  routes: Map<string, BareRoute>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const [, name = '', id] = (req.url ?? '/').split('/');
    const route = routes.get(name);
    req.resume();
    req.on('end', () => {
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const swap = new Map<unknown, unknown>(route.capturedId && id ? [[route.capturedId, id]] : []);
      replay(pool, route.statements, swap).then(
        ({ results, map }) => {
          const body = JSON.stringify(route.answer ? route.answer(map) : results);
          res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' }).end((error as Error).message);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
