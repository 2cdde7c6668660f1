import { sql } from 'kysely';
import { actedBy, appendAudit } from '../audit/audit.js';
import type { Queryable } from '../db/database.js';
import type { Sections } from '../contract/sections.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { logAccess, open, purposeFor } from './gate.js';
import { assigneesOf, summaryOf } from './listing.js';
import { type DossierSummary } from '../contract/views.js';
import { redact, type Redacted } from './redact.js';
import type { Opened } from './gate.js';
import type { DataCategory } from '../contract/documents.js';
import type { RecognitionPurpose } from '../contract/access.js';
import { AppError } from '../platform/errors.js';

/** What a consulting authority searches by (R-CONS-1): one person, or one enterprise. */
export type SearchCriteria =
  | { by: 'niss'; niss: string }
  | { by: 'name'; familyName: string; birthDate: string }
  | { by: 'enterprise'; enterpriseNumber: string };

const MAX_RESULTS = 50;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]/g, '');

/** Checked on what the caller may read: a search never finds a dossier by a part hidden from it. */
function matchesVisible(view: Redacted, c: SearchCriteria): boolean {
  const identity = view.sections.identity as Sections['identity'] | undefined;
  switch (c.by) {
    case 'niss':
      return identity?.niss === c.niss;
    case 'name':
      return (
        identity?.familyName !== undefined &&
        fold(identity.familyName) === fold(c.familyName) &&
        identity.birthDate === c.birthDate
      );
    case 'enterprise': {
      const employment = view.sections.employment as Sections['employment'] | undefined;
      const selfEmployed = view.sections.selfEmployed as Sections['selfEmployed'] | undefined;
      return (
        employment?.employer?.enterpriseNumber === c.enterpriseNumber ||
        selfEmployed?.enterpriseNumber === c.enterpriseNumber
      );
    }
  }
}

/**
 * A consultation search (Art. 25): the candidates are narrowed in SQL, then each must be one the
 * caller may see and match on what it may read. The search is audited with its purpose and what
 * it found (never the searched value itself), and each dossier shown is an access-log read with
 * that purpose, so the person concerned sees who looked them up and why.
 */
export async function searchDossiers(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  criteria: SearchCriteria,
  purpose: string,
  /** Art. 26: a region's own dossier, to find the same worker's dossiers in other regions, and why. */
  recognition?: { dossierId: string; purposeCode: RecognitionPurpose | undefined },
): Promise<{ items: DossierSummary[]; truncated: boolean }> {
  if (recognition && !recognition.purposeCode) throw new AppError('purpose_required');
  const forDossierId = recognition?.dossierId;
  const context = {
    purpose: `${purpose} (search by ${criteria.by})`,
    forDossierId,
    purposeCode: recognition?.purposeCode,
  };
  const candidates = await db
    .selectFrom('dossier')
    .select('id')
    .where('state', '<>', 'draft')
    .where((eb) => {
      switch (criteria.by) {
        case 'niss':
          return eb(sql<string>`identity->>'niss'`, '=', criteria.niss);
        case 'name':
          // The name is compared in memory, folded: "Müller" finds "Muller", "De Smet" "Desmet".
          return eb(sql<string>`identity->>'birthDate'`, '=', criteria.birthDate);
        case 'enterprise':
          return eb.or([
            eb(sql<string>`employment->'employer'->>'enterpriseNumber'`, '=', criteria.enterpriseNumber),
            eb(sql<string>`self_employed->>'enterpriseNumber'`, '=', criteria.enterpriseNumber),
          ]);
      }
    })
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const ids = candidates.map((c) => c.id);
  const opened = await open(db, actor, clock, ids, context);
  const now = clock.now();
  const found: { opened: Opened; view: Redacted; read: readonly DataCategory[]; purpose: string }[] = [];
  for (const o of opened) {
    const { view, read } = redact(o);
    if (matchesVisible(view, criteria))
      found.push({ opened: o, view, read, purpose: purposeFor(o, context) });
  }
  const shown = found.slice(0, MAX_RESULTS);
  const assignees = await assigneesOf(
    db,
    actor,
    shown.map((f) => f.view.id),
  );
  for (const { view, read, purpose: logged } of shown) {
    await logAccess(db, actor, clock, view.id, read.includes('identity') ? ['identity'] : [], logged);
  }
  await appendAudit(
    db,
    actedBy(actor, now, 'dossier_search', {
      details: {
        by: criteria.by,
        purpose,
        ...(recognition && {
          forDossierId: recognition.dossierId,
          purposeCode: recognition.purposeCode ?? null,
        }),
        found: shown.map((f) => f.view.id),
      },
    }),
  );
  return {
    items: shown.map(({ opened, view }) => summaryOf(opened, view, now, assignees.get(view.id) ?? null)),
    truncated: found.length > MAX_RESULTS,
  };
}
