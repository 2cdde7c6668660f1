import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Architecture rule 1: personal data is read only through the gate. The tables that hold a
 * dossier's content or a copy of it are found from the migrations (every table naming a dossier),
 * so a new one is guarded from the day it is created; a query outside src/access/ that selects
 * from or joins one of them is an offence, unless its module passes what it read through the
 * gate (`throughGate`), or is one of the few named below with the reason it may.
 */

const SRC = new URL('../', import.meta.url).pathname;
const MIGRATIONS = new URL('../../migrations/', import.meta.url).pathname;

/** Tables that name a dossier but hold nothing of its content, each with why. */
const NO_CONTENT: Record<string, string> = {
  mandate: 'the register of who may act for an employer; names a dossier, copies nothing of it',
  dossier_subject: 'the register of workers who claimed a dossier as theirs; copies nothing of it',
  dossier_claim: 'the state of a claim; the match itself is made by the gate (claim-match.ts)',
  dossier_assignment: 'who of an authority handles a dossier: work organisation, no content',
  access_log: 'the gate’s own record of reads, shown to the subject and the DPO by the gate',
  audit_trail: 'the hash chain, read by its verifier only',
  decision_notification: 'when a decision reached its addressee: ids and a time, no content',
  dossier_key: 'the wrapped key of a dossier’s files: no content, opens nothing without the master key',
};

/** Modules that read copies for no person at all, each with why. */
const SENDERS: Record<string, string> = {
  'exchange/dispatcher.ts':
    'hands queued messages and pushes to their addressees, as written with the step; shows them to nobody',
  'retention/due.ts': 'finds the dossiers due for deletion by their dates (Art. 27); shows no content',
  'retention/purge.ts': 'deletes a due dossier whole (Art. 27 §2); reads only what it must delete',
  'retention/sweep.ts': 'recomputes retention from the log and deletes what is due; shows nothing to anyone',
  'documents/orphans.ts': 'removes stored files no document row names; reads storage keys only',
  'committee/figures.ts':
    'counts open rights requests and waiting deliveries for the committee; no row leaves it',
  'operations/health.ts':
    'counts dossiers per region and state and the outboxes for the operator; no row leaves it',
};

function tablesNamingADossier(): string[] {
  const tables = new Set<string>();
  for (const name of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.sql'))) {
    const text = readFileSync(join(MIGRATIONS, name), 'utf8');
    for (const m of text.matchAll(/create table (\w+) \(([\s\S]*?)\n\);/gi)) {
      const [, table = '', body = ''] = m;
      if (table === 'dossier' || /^\s*dossier_id\s/m.test(body)) tables.add(table);
    }
    for (const m of text.matchAll(/alter table (\w+) add column dossier_id\s/gi)) tables.add(m[1] ?? '');
  }
  return [...tables].filter((t) => !(t in NO_CONTENT)).sort();
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

/** The guarded tables a file reads: Kysely selects and joins, and table names after FROM or JOIN in SQL text. */
export function readsOf(text: string, tables: readonly string[]): string[] {
  const names = tables.join('|');
  const kysely = new RegExp(
    `(?:selectFrom|innerJoin|leftJoin|rightJoin|fullJoin)\\(\\s*'(${names})(?:\\s+as\\s+\\w+)?'`,
    'g',
  );
  const raw = new RegExp(`\\b(?:from|join)\\s+(${names})\\b`, 'gi');
  return [...text.matchAll(kysely), ...text.matchAll(raw)].map((m) => m[1] ?? '');
}

describe('nothing reads dossier content around the gate', () => {
  const tables = tablesNamingADossier();

  it('knows every table that holds a dossier or a copy of it', () => {
    for (const t of [
      'dossier',
      'dossier_action',
      'document',
      'decision_letter',
      'source_check',
      'delivery',
      'notification',
      'inbox_message',
      'subject_message',
    ])
      expect(tables).toContain(t);
  });

  it('finds selects, joins and SQL text alike', () => {
    const text = `db.selectFrom('notification').innerJoin('dossier as x', 'x.id', 'n.id'); sql\`select 1 from delivery d\``;
    expect(readsOf(text, tables).sort()).toEqual(['delivery', 'dossier', 'notification']);
  });

  it('leaves queries on those tables to src/access, to modules that pass them through the gate, and to the senders', () => {
    const offenders = sources(SRC).flatMap((file) => {
      const path = relative(SRC, file);
      if (path.startsWith('access/') || path in SENDERS) return [];
      const text = readFileSync(file, 'utf8');
      const read = readsOf(text, tables);
      const gated = /import \{[^}]*\bthroughGate\b[^}]*\} from '\.\.\/access\/copies\.js'/.test(text);
      return read.length > 0 && !gated ? [`${path}: ${[...new Set(read)].join(', ')}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
