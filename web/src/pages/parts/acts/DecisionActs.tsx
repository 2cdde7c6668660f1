import { useState } from 'react';
import { RadioGroup, TextArea, TextField } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import type { Dossier } from '../../../lib/types';
import { Act } from './Act';

/* The acts that decide: admissibility, the first decisions, and a later withdrawal or end. */

export function AdmissibilityAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const options = [
    ...(dossier.allowedActions.includes('declare_admissible')
      ? [{ value: 'admissible', label: t('acts.admissibility.admissible') }]
      : []),
    ...(dossier.allowedActions.includes('declare_inadmissible')
      ? [{ value: 'inadmissible', label: t('acts.admissibility.inadmissible') }]
      : []),
  ];
  const [outcome, setOutcome] = useState(options[0]?.value ?? 'admissible');
  const [grounds, setGrounds] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-admissibility"
      title={t('acts.admissibility.title')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        outcome === 'inadmissible' && !grounds.trim()
          ? { errors: { 'admissibility-grounds': t('acts.reasons.required') } }
          : {
              path: `/dossiers/${dossier.id}/admissibility`,
              body: { outcome, ...(grounds.trim() && { grounds: grounds.trim() }) },
            }
      }
    >
      <RadioGroup
        id="admissibility-outcome"
        label={t('acts.admissibility.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={options}
      />
      <TextArea
        id="admissibility-grounds"
        label={t('acts.reasons')}
        optional={outcome !== 'inadmissible'}
        value={grounds}
        onChange={setGrounds}
        error={errors['admissibility-grounds']}
      />
    </Act>
  );
}

export function DecisionAct({
  dossier,
  kind,
  onDone,
}: {
  dossier: Dossier;
  kind: 'work' | 'residence' | 'professional_card';
  onDone: (title: string) => void;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('granted');
  const [grounds, setGrounds] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const p = `decision-${kind}`;
  return (
    <Act
      id={`act-decision-${kind}`}
      title={t('acts.decision.title', { kind: t(`decision.kind.${kind}` as const) })}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        outcome === 'refused' && !grounds.trim()
          ? { errors: { [`${p}-grounds`]: t('acts.grounds.required') } }
          : {
              path: `/dossiers/${dossier.id}/decisions`,
              body: {
                kind,
                outcome,
                ...(grounds.trim() && { grounds: grounds.trim() }),
                ...(outcome === 'granted' && validFrom && { validFrom }),
                ...(outcome === 'granted' && validUntil && { validUntil }),
              },
            }
      }
    >
      <RadioGroup
        id={`${p}-outcome`}
        label={t('acts.decision.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={[
          { value: 'granted', label: t('decision.outcome.granted') },
          { value: 'refused', label: t('decision.outcome.refused') },
        ]}
      />
      <TextArea
        id={`${p}-grounds`}
        label={t('acts.grounds')}
        optional={outcome !== 'refused'}
        value={grounds}
        onChange={setGrounds}
        error={errors[`${p}-grounds`]}
      />
      {outcome === 'granted' && (
        <>
          <TextField
            id={`${p}-from`}
            type="date"
            label={t('acts.decision.validFrom')}
            optional
            value={validFrom}
            onChange={setValidFrom}
            width="short"
          />
          <TextField
            id={`${p}-until`}
            type="date"
            label={t('acts.decision.validUntil')}
            optional
            value={validUntil}
            onChange={setValidUntil}
            width="short"
          />
        </>
      )}
    </Act>
  );
}

const LATER_ACTS = {
  withdraw_work: { kind: 'withdrawal', of: 'work' },
  withdraw_residence: { kind: 'withdrawal', of: 'residence' },
  withdraw_professional_card: { kind: 'withdrawal', of: 'professional_card' },
  end_residence: { kind: 'end', of: 'residence' },
} as const;
export type LaterAct = keyof typeof LATER_ACTS;
export const isLaterAct = (a: string): a is LaterAct => a in LATER_ACTS;

/** A withdrawal or end after a positive decision: which one is offered follows the transition table. */
export function LaterDecisionAct({
  dossier,
  available,
  onDone,
}: {
  dossier: Dossier;
  available: LaterAct[];
  onDone: (title: string) => void;
}) {
  const { t } = useI18n();
  const [which, setWhich] = useState<string>(available[0] ?? 'withdraw_work');
  const [grounds, setGrounds] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-later"
      title={t('acts.later.title')}
      lead={t('acts.later.lead')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        !grounds.trim() || !isLaterAct(which)
          ? { errors: { 'later-grounds': t('acts.later.grounds.required') } }
          : {
              path: `/dossiers/${dossier.id}/decisions`,
              body: { ...LATER_ACTS[which], grounds: grounds.trim() },
            }
      }
    >
      <RadioGroup
        id="later-which"
        label={t('acts.later.what')}
        value={which}
        onChange={setWhich}
        options={available.map((a) => ({ value: a, label: t(`acts.later.${a}` as const) }))}
      />
      <TextArea
        id="later-grounds"
        label={t('acts.grounds')}
        value={grounds}
        onChange={setGrounds}
        error={errors['later-grounds']}
      />
    </Act>
  );
}
