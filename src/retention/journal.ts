import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RetentionRule } from '../contract/retention.js';

/*
 * The deletion journal (decision 0011): one signed line per dossier the retention purge deletes,
 * appended to `deletions.jsonl` in AUDIT_HEAD_DIR — outside the database, so a database backup
 * never holds it and a restore never rolls it back. `npm run restore` replays it: every dossier it
 * names that a restored backup brings back is deleted again, its key forgotten, before the
 * platform serves anything. It holds no personal data: the dossier's random id (which names
 * nothing once deleted), the hash of its reference, the rule and the dates.
 */

export const JOURNAL_FILE = 'deletions.jsonl';
// A domain label of its own: a journal line can never pass for a head or a chain row.
const JOURNAL_LABEL = 'single-window deletion journal v1';

export interface JournalEntry {
  dossierId: string;
  referenceHash: string;
  rule: RetentionRule;
  until: string;
  deletedAt: string;
}

export interface SignedJournalEntry extends JournalEntry {
  mac: string;
}

const macOf = (key: Buffer, e: JournalEntry) =>
  createHmac('sha256', key)
    .update(JOURNAL_LABEL)
    .update('\n')
    .update(JSON.stringify([e.dossierId, e.referenceHash, e.rule, e.until, e.deletedAt]))
    .digest('hex');

/**
 * Appends the deletion, signed with the audit key, and waits until it is on disk. The purge calls
 * it inside its transaction, before the commit: an entry may name a deletion that then rolled
 * back (the dossier was due; the next sweep deletes it), never the reverse — a committed deletion
 * the journal does not know would come back with an older backup.
 */
export function journalDeletion(dir: string, key: Buffer, entry: JournalEntry): void {
  const fields: JournalEntry = {
    dossierId: entry.dossierId,
    referenceHash: entry.referenceHash,
    rule: entry.rule,
    until: entry.until,
    deletedAt: entry.deletedAt,
  };
  const signed: SignedJournalEntry = { ...fields, mac: macOf(key, fields) };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fd = openSync(join(dir, JOURNAL_FILE), 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(signed)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class JournalForgedError extends Error {
  constructor(readonly line: number) {
    super(`the deletion journal has a line that is not an entry signed with the audit key (line ${line})`);
    this.name = 'JournalForgedError';
  }
}

function holds(value: Partial<SignedJournalEntry>, key: Buffer): value is SignedJournalEntry {
  if (
    typeof value.dossierId !== 'string' ||
    typeof value.referenceHash !== 'string' ||
    typeof value.rule !== 'string' ||
    typeof value.until !== 'string' ||
    typeof value.deletedAt !== 'string' ||
    typeof value.mac !== 'string' ||
    !/^[0-9a-f]{64}$/.test(value.mac)
  )
    return false;
  const expected = Buffer.from(macOf(key, value as JournalEntry), 'hex');
  return timingSafeEqual(expected, Buffer.from(value.mac, 'hex'));
}

/** Whether `dir` holds a journal file at all. */
export const journalExists = (dir: string): boolean => existsSync(join(dir, JOURNAL_FILE));

/**
 * Every entry, oldest first. A last line without its newline is a write cut short by a crash and
 * is skipped; any other line that is not a signed entry throws: nothing else writes there, and a
 * forged line would make a restore delete a dossier that was never due.
 */
export function readJournal(dir: string, key: Buffer): SignedJournalEntry[] {
  const file = join(dir, JOURNAL_FILE);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.pop();
  return lines.map((line, i) => {
    let value: Partial<SignedJournalEntry> = {};
    try {
      value = JSON.parse(line) as Partial<SignedJournalEntry>;
    } catch {
      // reported below as a forged line
    }
    if (!holds(value, key)) throw new JournalForgedError(i + 1);
    return value;
  });
}
