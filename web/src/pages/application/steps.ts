import type { SectionName } from '../../../../src/contract/sections';
import { DICTIONARIES, type MessageKey } from '../../i18n';
import type { I18n } from '../../i18n/context';
import { documentLabel } from '../../lib/format';
import { inputId, specFor } from '../../lib/sections';
import type { Dossier } from '../../lib/types';

/** The steps of the form: the sections the procedure asks, then documents, fee and the review. */
export type Step = 'identity' | 'residence' | 'employment' | 'selfEmployed' | 'documents' | 'fee' | 'review';

export function stepsOf(dossier: Dossier): Step[] {
  return dossier.procedure === 'professional_card'
    ? ['identity', 'residence', 'selfEmployed', 'documents', 'fee', 'review']
    : ['identity', 'residence', 'employment', 'documents', 'fee', 'review'];
}

export const stepOfSection = (section: string | undefined): Step =>
  section === 'identity' ||
  section === 'residence' ||
  section === 'employment' ||
  section === 'selfEmployed' ||
  section === 'fee'
    ? section
    : 'documents';

/** Where a step of a draft is edited. */
export const stepPath = (dossierId: string, step: Step): string => `/dossiers/${dossierId}/edit/${step}`;

/** What every step is given: the draft, how to replace it once saved, and the step after it. */
export interface StepProps {
  dossier: Dossier;
  setDossier: (d: Dossier) => void;
  next: Step | undefined;
}

/** The text of a missing item: "The job — Job title", "Document: Passport". */
export function missingText(t: I18n['t'], item: { kind: string; section?: string; name: string }): string {
  if (item.kind === 'document')
    return t('review.missing.document', { document: documentLabel(t, item.name) });
  const section = item.section ?? '';
  const key = `f.${section}.${item.name}`;
  const groupKey = `g.${section}.${item.name}`;
  const field =
    key in DICTIONARIES.en
      ? t(key as MessageKey)
      : groupKey in DICTIONARIES.en
        ? t(groupKey as MessageKey)
        : item.name;
  const stepKey = `step.${stepOfSection(section)}`;
  return t('review.missing.field', { section: t(stepKey as MessageKey), field });
}

/** The input a missing item leads to. */
export function missingTarget(item: { kind: string; section?: string; name: string }): string {
  if (item.kind === 'document') return `upload-${item.name}`;
  const section = (item.section ?? 'identity') as SectionName;
  const spec = specFor(section, item.name);
  return inputId(section, spec?.path ?? item.name);
}
