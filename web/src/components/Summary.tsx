import type { ReactNode } from 'react';
import type { I18n } from '../i18n/context';
import type { Category, Procedure } from '../../../src/contract/procedures';

export interface Fact {
  term: ReactNode;
  detail: ReactNode;
  /** Of the detail, e.g. `big` for an amount to copy. */
  className?: string;
}

/** Terms and their details, one pair a line; facts that do not apply are passed as false. */
export function Summary({ facts, className }: { facts: (Fact | false)[]; className?: string }) {
  return (
    <dl className={className ? `summary ${className}` : 'summary'}>
      {facts
        .filter((f) => f !== false)
        .map((f, i) => (
          <div key={i}>
            <dt>{f.term}</dt>
            <dd className={f.className}>{f.detail}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The procedure and the category, as the guide proposes them and every dossier shows them. */
export const procedureFacts = (t: I18n['t'], d: { procedure: Procedure; category: Category }): Fact[] => [
  { term: t('guide.proposal.procedure'), detail: t(`procedure.${d.procedure}` as const) },
  { term: t('guide.proposal.category'), detail: t(`category.${d.category}` as const) },
];

/** The region competent for a dossier, a dash before it is known. */
export const regionFact = (t: I18n['t'], region: string | null): Fact => ({
  term: t('dossier.region'),
  detail: region ? t(`region.${region as 'flanders'}` as const) : '—',
});
