import type { Category, Procedure } from '../../../src/contract/procedures';

/** The plain questions of the guide and how they map to a procedure and an Art. 4 category. */
export interface GuideAnswers {
  who: '' | 'employee' | 'self';
  duration: '' | 'short' | 'long';
  kind: '' | 'general' | 'highly' | 'seasonal' | 'ict' | 'researcher' | 'trainee' | 'volunteer' | 'other';
  mobility: '' | 'yes' | 'no';
  abroad: '' | 'abroad' | 'belgium';
  posted: '' | 'yes' | 'no';
  postcode: string;
  employer: string;
}

export const NO_ANSWERS: GuideAnswers = {
  who: '',
  duration: '',
  kind: '',
  mobility: '',
  abroad: '',
  posted: '',
  postcode: '',
  employer: '',
};

const CATEGORY_OF_KIND: Record<Exclude<GuideAnswers['kind'], ''>, Category> = {
  general: 'single_permit',
  highly: 'eu_blue_card',
  seasonal: 'seasonal_worker',
  ict: 'intra_corporate_transferee',
  researcher: 'researcher',
  trainee: 'trainee',
  volunteer: 'volunteer',
  other: 'other_eu_directive',
};

export interface Proposal {
  procedure: Procedure;
  category: Category;
  /** Long-term mobility exists only for intra-corporate transferees and researchers. */
  longTermMobility: boolean;
  /** The key of the sentence explaining why. */
  why: 'short' | 'self' | Category;
}

export function asksKind(a: GuideAnswers): boolean {
  return a.who === 'employee' && a.duration === 'long';
}

export function asksMobility(a: GuideAnswers): boolean {
  return asksKind(a) && (a.kind === 'ict' || a.kind === 'researcher');
}

/** undefined until enough has been answered to propose something. */
export function propose(a: GuideAnswers): Proposal | undefined {
  if (a.who === 'self') {
    return {
      procedure: 'professional_card',
      category: 'professional_card',
      longTermMobility: false,
      why: 'self',
    };
  }
  if (a.who !== 'employee' || a.duration === '') return undefined;
  if (a.duration === 'short') {
    // Work of 90 days at most is no residence request: the region alone issues a work permit (Art. 4, 2°).
    return { procedure: 'work_permit', category: 'work_permit', longTermMobility: false, why: 'short' };
  }
  if (a.kind === '') return undefined;
  const category = CATEGORY_OF_KIND[a.kind];
  return {
    procedure: 'single_permit',
    category,
    longTermMobility: asksMobility(a) && a.mobility === 'yes',
    why: category,
  };
}
