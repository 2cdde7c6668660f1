import type { DataCategory } from '../contract/documents.js';
import type { LetterRecord } from '../dossier/model/record.js';
import type { Procedure } from '../contract/procedures.js';
import type { DecisionView, LetterLink } from '../contract/views.js';
import type { DecisionRecord, Lifecycle } from '../dossier/model/lifecycle.js';
import type { SectionName } from '../contract/sections.js';
import { isNegativeState, type Relation, type ShownState } from '../contract/states.js';
import type { Grants } from './evaluate.js';
import type { DecisionFilter } from './policy.js';

export const SECTION_CATEGORY: Record<SectionName, DataCategory> = {
  identity: 'identity',
  residence: 'residence',
  employment: 'employment',
  selfEmployed: 'self_employed',
  fee: 'admin',
};

const REGIONAL: readonly Relation[] = ['competent_region', 'other_region'];

/** Applies a decision filter of the policy to one decision: whole, as a bare fact, or not at all. */
export function filterDecision(
  d: DecisionRecord,
  filter: DecisionFilter | undefined,
  procedure: Procedure,
): 'full' | 'fact' | 'hidden' {
  switch (filter) {
    case undefined:
      return 'hidden';
    case 'all':
    case 'own':
      return 'full';
    case 'negative_as_fact':
      return d.negative ? 'fact' : 'full';
    case 'regional_negative_as_fact':
      return d.negative && REGIONAL.includes(d.relation) ? 'fact' : 'full';
    case 'positive_only':
      return d.negative ? 'hidden' : 'full';
    case 'single_permit_withdrawal_only':
      return procedure === 'single_permit' && d.kind === 'withdrawal' ? 'full' : 'hidden';
    case 'professional_card_only':
      // A refused card shows only as the fact: the full refusal goes to the person concerned alone
      // (domain.md R-RCPT-3, Art. 24); before, the business counter saw it whole.
      if (d.kind !== 'professional_card') return 'hidden';
      return d.negative ? 'fact' : 'full';
  }
}

const SHOWN: Record<'full' | 'fact' | 'hidden', number> = { hidden: 0, fact: 1, full: 2 };

/** How a decision shows to a caller: the widest of what each of its relations' filters allows. */
export function decisionShown(
  d: DecisionRecord,
  grants: Grants,
  procedure: Procedure,
): 'full' | 'fact' | 'hidden' {
  if (grants.admin.level !== 'R') return 'hidden';
  return grants.admin.via
    .map((v) => filterDecision(d, v.decisions, procedure))
    .reduce((a, b) => (SHOWN[b] > SHOWN[a] ? b : a), 'hidden');
}

/**
 * The state as the caller may know it (Art. 24): a state that names the kind of a negative decision
 * stays precise only for whom that decision shows whole; everyone else reads `negative_decision`.
 */
export function stateShown(lc: Lifecycle, grants: Grants, procedure: Procedure): ShownState {
  if (!isNegativeState(lc.state)) return lc.state;
  const decision = lc.decisions.findLast((d) => d.negative);
  return decision && decisionShown(decision, grants, procedure) === 'full' ? lc.state : 'negative_decision';
}

/** Grounds (Art. 24) travel only to the subject and to the authority that decided. */
export function groundsVisible(d: DecisionRecord, grants: Grants): boolean {
  const g = grants.grounds;
  if (g.level !== 'R') return false;
  return g.via.some((v) => v.decisions === 'all' || (v.decisions === 'own' && v.relation === d.relation));
}

const isCategory = (c: string, grants: Grants): c is DataCategory => c in grants;

/**
 * Which letter of a decision a caller may download (Art. 24): the full letter when the decision
 * shows to them whole (with its grounds if it is negative) and they may read every category the
 * letter carries; else, for a negative decision they may know of, the notice of the bare fact;
 * else none. A party that sees a negative decision whole but not its grounds (the employment
 * service and a withdrawal) gets the notice: a letter never shows more than the dossier does.
 */
export function letterVariantFor(
  d: DecisionRecord,
  grants: Grants,
  procedure: Procedure,
  letters: readonly LetterRecord[],
): 'full' | 'notice' | undefined {
  const shown = decisionShown(d, grants, procedure);
  if (shown === 'hidden') return undefined;
  const readable = (variant: 'full' | 'notice') => {
    const stored = letters.filter((l) => l.decisionId === d.id && l.variant === variant);
    return (
      stored.length > 0 &&
      stored.every((l) =>
        l.categories.every((c) =>
          c === 'grounds' ? groundsVisible(d, grants) : isCategory(c, grants) && grants[c].level === 'R',
        ),
      )
    );
  };
  if (shown === 'full' && (!d.negative || groundsVisible(d, grants)) && readable('full')) return 'full';
  if (d.negative && readable('notice')) return 'notice';
  return undefined;
}

function letterLinks(
  d: DecisionRecord,
  grants: Grants,
  procedure: Procedure,
  letters: readonly LetterRecord[],
): LetterLink[] {
  const variant = letterVariantFor(d, grants, procedure, letters);
  return letters
    .filter((l) => l.decisionId === d.id && l.variant === variant)
    .sort((a, b) => Number(a.courtesy) - Number(b.courtesy))
    .map((l) => ({ language: l.language, courtesy: l.courtesy }));
}

export function decisionViews(
  lc: Lifecycle,
  grants: Grants,
  procedure: Procedure,
  letters: readonly LetterRecord[] = [],
): DecisionView[] {
  if (grants.admin.level !== 'R') return [];
  return lc.decisions.flatMap((d): DecisionView[] => {
    const how = decisionShown(d, grants, procedure);
    if (how === 'hidden') return [];
    const links = letterLinks(d, grants, procedure, letters);
    if (how === 'fact')
      return [{ id: d.id, fact: 'negative_decision', decidedAt: d.decidedAt.toISOString(), letters: links }];
    return [
      {
        id: d.id,
        kind: d.kind,
        of: d.of ?? null,
        outcome: d.outcome,
        negative: d.negative,
        authority: d.relation,
        decidedAt: d.decidedAt.toISOString(),
        notifiedAt: d.notifiedAt?.toISOString() ?? null,
        legalBasis: d.legalBasis,
        validFrom: d.validFrom ?? null,
        validUntil: d.validUntil ?? null,
        permitType: d.permitType ?? null,
        decisionType: d.decisionType ?? null,
        ...(groundsVisible(d, grants) && d.grounds !== undefined && { grounds: d.grounds }),
        letters: links,
      },
    ];
  });
}
