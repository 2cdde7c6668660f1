import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { Checklist, Dossier } from '../../lib/types';

/** The documents and fee the rule tables ask of this draft, as filled in so far. */
export function useChecklist(dossier: Dossier): Checklist | undefined {
  const [checklist, setChecklist] = useState<Checklist | undefined>(undefined);
  const residence = dossier.sections.residence;
  const employment = dossier.sections.employment as
    { employer?: { enterpriseNumber?: string }; posting?: unknown } | undefined;
  const selfEmployed = dossier.sections.selfEmployed as { enterpriseNumber?: string } | undefined;
  const params = new URLSearchParams({ procedure: dossier.procedure, category: dossier.category });
  if (dossier.region) params.set('region', dossier.region);
  if (typeof residence?.abroad === 'boolean') params.set('abroad', String(residence.abroad));
  params.set('posted', String(employment?.posting !== undefined));
  const hasNumber =
    dossier.procedure === 'professional_card'
      ? selfEmployed?.enterpriseNumber !== undefined
      : employment?.employer?.enterpriseNumber !== undefined;
  if (dossier.procedure === 'professional_card' ? selfEmployed : employment?.employer)
    params.set('hasEnterpriseNumber', String(hasNumber));
  if (dossier.longTermMobility) params.set('longTermMobility', 'true');
  const query = params.toString();
  useEffect(() => {
    let live = true;
    api<Checklist>('GET', `/rules/checklist?${query}`).then(
      (c) => {
        if (live) setChecklist(c);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [query]);
  return checklist;
}
