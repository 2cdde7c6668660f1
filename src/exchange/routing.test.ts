import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../dossier/model/lifecycle.js';
import { routesOf } from './deliveries.js';

const decision = (d: Partial<DecisionRecord>): DecisionRecord => ({
  id: 'd',
  kind: 'work',
  of: undefined,
  outcome: 'granted',
  negative: false,
  relation: 'competent_region',
  organisationId: 'o',
  decidedAt: new Date(),
  legalBasis: 'Art. 18',
  validFrom: undefined,
  validUntil: undefined,
  permitType: undefined,
  decisionType: undefined,
  grounds: undefined,
  notifiedAt: undefined,
  ...d,
});

const targets = (routes: ReturnType<typeof routesOf>) =>
  routes.map((r) => `${r.to.kind === 'organisation' ? r.to.organisationId : r.to.kind}:${r.event}`);

describe('routesOf: where a decision goes (R-RCPT-1..4)', () => {
  const residence = { abroad: true, visaPost: 'post-1', municipality: 'muni-1' };

  it('a granted work part of a single permit goes nowhere yet: the residence decision follows', () => {
    expect(
      routesOf({ procedure: 'single_permit', decision: decision({}), residence, admissible: true }),
    ).toEqual([]);
  });

  it('a granted single permit goes to the post when abroad, else to the municipality', () => {
    const granted = decision({ kind: 'residence', relation: 'dvz' });
    expect(
      targets(routesOf({ procedure: 'single_permit', decision: granted, residence, admissible: true })),
    ).toEqual(['post-1:visa_d_authorised']);
    expect(
      targets(
        routesOf({
          procedure: 'single_permit',
          decision: granted,
          residence: { ...residence, abroad: false },
          admissible: true,
        }),
      ),
    ).toEqual(['muni-1:residence_document_authorised']);
  });

  it('a granted work permit goes to the post when abroad, else to the municipality (Art. 23)', () => {
    const granted = decision({ kind: 'work' });
    const route = (abroad: boolean) =>
      targets(
        routesOf({
          procedure: 'work_permit',
          decision: granted,
          residence: { ...residence, abroad },
          admissible: true,
        }),
      );
    expect(route(true)).toEqual(['post-1:visa_d_authorised']);
    expect(route(false)).toEqual(['muni-1:residence_document_authorised']);
  });

  it('a granted professional card goes to the post when abroad and to no municipality (Art. 22)', () => {
    const granted = decision({ kind: 'professional_card' });
    const route = (abroad: boolean) =>
      targets(
        routesOf({
          procedure: 'professional_card',
          decision: granted,
          residence: { ...residence, abroad },
          admissible: true,
        }),
      );
    expect(route(true)).toEqual(['post-1:visa_d_authorised']);
    expect(route(false)).toEqual([]);
  });

  it('a negative decision on a work permit or professional card tells DVZ, which follows residence', () => {
    for (const procedure of ['work_permit', 'professional_card'] as const) {
      const inadmissible = decision({ kind: 'admissibility', outcome: 'inadmissible', negative: true });
      expect(
        targets(routesOf({ procedure, decision: inadmissible, residence: {}, admissible: false })),
      ).toEqual(['dvz:negative_decision']);
      const withdrawn = decision({ kind: 'withdrawal', of: 'work', outcome: 'withdrawn', negative: true });
      // The employment service receives withdrawals of single permits only (Art. 10 9°).
      expect(targets(routesOf({ procedure, decision: withdrawn, residence: {}, admissible: true }))).toEqual([
        'dvz:negative_decision',
      ]);
    }
  });

  it('a single-permit withdrawal goes to the employment service and the other authority', () => {
    const byDvz = decision({
      kind: 'withdrawal',
      of: 'residence',
      outcome: 'withdrawn',
      negative: true,
      relation: 'dvz',
    });
    expect(
      targets(routesOf({ procedure: 'single_permit', decision: byDvz, residence, admissible: true })),
    ).toEqual(['employment_service:single_permit_withdrawn', 'competent_region:negative_decision']);
  });
});
