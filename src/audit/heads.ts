import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../db/database.js';
import {
  auditHead,
  headSignatureHolds,
  signHead,
  verifyAuditTrail,
  type PublishedHead,
  type Verification,
} from './audit.js';

/**
 * The heads of the audit chain, published outside the database (issue 12): one signed JSON line
 * per publication, appended to `heads.jsonl` in AUDIT_HEAD_DIR. Someone who rewrites, cuts or
 * extends the chain in the database cannot make it agree with a head already published, and
 * cannot sign a new head without the audit key.
 */
export const HEADS_FILE = 'heads.jsonl';

function parseLine(line: string): PublishedHead | 'unreadable' {
  try {
    const value = JSON.parse(line) as Partial<PublishedHead>;
    if (
      typeof value.seq === 'number' &&
      typeof value.hash === 'string' &&
      typeof value.at === 'string' &&
      typeof value.publishedAt === 'string' &&
      typeof value.mac === 'string'
    )
      return value as PublishedHead;
  } catch {
    // fall through: a line that is not a head is reported as such
  }
  return 'unreadable';
}

/**
 * Every head published in `dir`, oldest first. A last line without its newline is a write cut
 * short by a crash and is skipped; any other line that is not a head is returned as `unreadable`
 * lines so the verifier can say the file was tampered with.
 */
export function readPublishedHeads(dir: string): { heads: PublishedHead[]; unreadable: number } {
  const file = join(dir, HEADS_FILE);
  if (!existsSync(file)) return { heads: [], unreadable: 0 };
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.pop(); // the text after the last newline: empty, or a torn write
  const heads: PublishedHead[] = [];
  let unreadable = 0;
  for (const line of lines) {
    const head = parseLine(line);
    if (head === 'unreadable') unreadable += 1;
    else heads.push(head);
  }
  return { heads, unreadable };
}

// The newest head is read from the file's end only: the file grows by one line per publication.
const TAIL_BYTES = 16 * 1024;

/** The newest complete head published in `dir`, if any, without reading the whole file. */
export function latestPublishedHead(dir: string): PublishedHead | null {
  const file = join(dir, HEADS_FILE);
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    lines.pop();
    for (const line of lines.reverse()) {
      const head = parseLine(line);
      if (head !== 'unreadable') return head;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Publishes the chain's current head, signed, unless it is already the newest published one (an
 * idle platform adds no line). Returns what the file's newest head now is.
 */
export async function publishAuditHead(
  db: Queryable,
  key: Buffer,
  dir: string,
  now: Date,
): Promise<PublishedHead | null> {
  const head = await auditHead(db);
  if (!head) return null;
  const latest = latestPublishedHead(dir);
  if (latest && latest.seq === head.seq && latest.hash === head.hash && headSignatureHolds(latest, key))
    return latest;
  const signed = signHead({ ...head, publishedAt: now.toISOString() }, key);
  // Owner-only: the heads hold no personal data, but whoever may delete them weakens the proof.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fd = openSync(join(dir, HEADS_FILE), 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(signed)}\n`);
    fsyncSync(fd); // a head reported published survives a crash
  } finally {
    closeSync(fd);
  }
  return signed;
}

/**
 * Verifies the chain against every head published in `dir` (what `npm run audit:verify` does). A
 * line of the heads file that is not a head counts as a forged head: nothing else writes there.
 */
export async function verifyWithPublishedHeads(
  db: Queryable,
  key: Buffer,
  dir: string,
): Promise<Verification> {
  const { heads, unreadable } = readPublishedHeads(dir);
  if (unreadable > 0) return { ok: false, entries: 0, brokenAt: 0, reason: 'head_forged' };
  return verifyAuditTrail(db, { key, heads });
}
