import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { sha256 } from '../platform/ids.js';
import type { Language } from '../contract/language.js';
import { DATA_CATEGORIES, type DataCategory } from '../contract/documents.js';
import { logAccess, openForRead } from './gate.js';
import type { ReadContext } from './read-context.js';
import { letterVariantFor } from './view.js';

export interface DecisionLetter {
  reference: string;
  decisionId: string;
  variant: 'full' | 'notice';
  language: string;
  courtesy: boolean;
  content: Buffer;
}

const isDataCategory = (c: string): c is DataCategory => (DATA_CATEGORIES as readonly string[]).includes(c);

/**
 * GET /dossiers/{id}/decisions/{decisionId}/letter: the letter of a decision in one language, in
 * the variant the caller may read (see `letterVariantFor`), the read logged with the categories
 * the letter carries. A decision hidden from the caller, or a language it has no letter in, is 404.
 */
export async function readDecisionLetter(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  dossierId: string,
  decisionId: string,
  language: Language | undefined,
  context: ReadContext = {},
): Promise<DecisionLetter> {
  const { opened, purpose } = await openForRead(db, actor, clock, dossierId, context);
  const { record } = opened;
  const decision = record.lifecycle.decisions.find((d) => d.id === decisionId);
  const variant = decision && letterVariantFor(decision, opened.grants, record.procedure, record.letters);
  if (!variant) throw new AppError('not_found');
  const rows = await db
    .selectFrom('decision_letter')
    .select(['language', 'courtesy', 'categories', 'content', 'sha256'])
    .where('dossier_id', '=', dossierId)
    .where('action_id', '=', decisionId)
    .where('variant', '=', variant)
    .$if(language !== undefined, (q) => q.where('language', '=', language ?? record.language))
    .orderBy('language')
    .execute();
  // Without a language asked for, the authentic letter: in the dossier's language if it is one.
  const row =
    language !== undefined
      ? rows[0]
      : (rows.find((r) => !r.courtesy && r.language === record.language) ?? rows.find((r) => !r.courtesy));
  if (!row) throw new AppError('not_found');
  const content = Buffer.from(row.content);
  // A stored letter that no longer matches its hash is not served as the decision it claims to be.
  if (sha256(content) !== row.sha256) throw new Error('decision letter does not match its hash');
  await logAccess(db, actor, clock, dossierId, row.categories.filter(isDataCategory), purpose);
  return {
    reference: record.reference,
    decisionId,
    variant,
    language: row.language,
    courtesy: row.courtesy,
    content,
  };
}
