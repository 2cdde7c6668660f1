import type { Queryable } from '../db/database.js';
import { loadRecords } from './records.js';

/**
 * Whether a worker's claim matches a filed dossier: the reference, with the passport number and
 * birth date the applicant declared. The platform compares on the worker's behalf and shows
 * nothing: the answer is only where to send the code (the dossier's e-mail address), so nobody
 * reads the dossier and no read is logged.
 */
export async function matchClaim(
  db: Queryable,
  claim: { reference: string; passportNumber: string; birthDate: string },
): Promise<{ dossierId: string; reference: string; email: string | undefined } | undefined> {
  const row = await db
    .selectFrom('dossier')
    .select('id')
    .where('reference', '=', claim.reference)
    .executeTakeFirst();
  const [record] = row ? await loadRecords(db, [row.id], false) : [];
  const matches =
    record?.lifecycle.filedAt !== undefined &&
    record.sections.residence?.passportNumber?.toUpperCase() === claim.passportNumber.trim().toUpperCase() &&
    record.sections.identity?.birthDate === claim.birthDate;
  return matches
    ? { dossierId: record.id, reference: record.reference, email: record.sections.residence?.email }
    : undefined;
}
