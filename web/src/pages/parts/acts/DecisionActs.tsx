import { RadioGroup, TextArea, TextField } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import type { Dossier } from '../../../lib/types';
import { useForm } from '../../../lib/useForm';
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
  const form = useForm('admissibility', { outcome: options[0]?.value ?? 'admissible', grounds: '' });
  const { outcome, grounds } = form.values;
  return (
    <Act
      id="act-admissibility"
      title={t('acts.admissibility.title')}
      onDone={onDone}
      form={form}
      prepare={() =>
        outcome === 'inadmissible' && !grounds.trim()
          ? { errors: { [form.idOf('grounds')]: t('acts.reasons.required') } }
          : {
              path: `/dossiers/${dossier.id}/admissibility`,
              body: { outcome, ...(grounds.trim() && { grounds: grounds.trim() }) },
            }
      }
    >
      <RadioGroup {...form.field('outcome')} label={t('acts.admissibility.outcome')} options={options} />
      <TextArea {...form.field('grounds')} label={t('acts.reasons')} optional={outcome !== 'inadmissible'} />
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
  const form = useForm(`decision-${kind}`, { outcome: 'granted', grounds: '', from: '', until: '' });
  const { outcome, grounds, from, until } = form.values;
  return (
    <Act
      id={`act-decision-${kind}`}
      title={t('acts.decision.title', { kind: t(`decision.kind.${kind}` as const) })}
      onDone={onDone}
      form={form}
      prepare={() =>
        outcome === 'refused' && !grounds.trim()
          ? { errors: { [form.idOf('grounds')]: t('acts.grounds.required') } }
          : {
              path: `/dossiers/${dossier.id}/decisions`,
              body: {
                kind,
                outcome,
                ...(grounds.trim() && { grounds: grounds.trim() }),
                ...(outcome === 'granted' && from && { validFrom: from }),
                ...(outcome === 'granted' && until && { validUntil: until }),
              },
            }
      }
    >
      <RadioGroup
        {...form.field('outcome')}
        label={t('acts.decision.outcome')}
        options={[
          { value: 'granted', label: t('decision.outcome.granted') },
          { value: 'refused', label: t('decision.outcome.refused') },
        ]}
      />
      <TextArea {...form.field('grounds')} label={t('acts.grounds')} optional={outcome !== 'refused'} />
      {outcome === 'granted' && (
        <>
          <TextField
            {...form.field('from')}
            type="date"
            label={t('acts.decision.validFrom')}
            optional
            width="short"
          />
          <TextField
            {...form.field('until')}
            type="date"
            label={t('acts.decision.validUntil')}
            optional
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
  const form = useForm('later', { which: available[0] ?? 'withdraw_work', grounds: '' });
  const { which, grounds } = form.values;
  return (
    <Act
      id="act-later"
      title={t('acts.later.title')}
      lead={t('acts.later.lead')}
      onDone={onDone}
      form={form}
      prepare={() =>
        !grounds.trim() || !isLaterAct(which)
          ? { errors: { [form.idOf('grounds')]: t('acts.later.grounds.required') } }
          : {
              path: `/dossiers/${dossier.id}/decisions`,
              body: { ...LATER_ACTS[which], grounds: grounds.trim() },
            }
      }
    >
      <RadioGroup
        {...form.field('which')}
        label={t('acts.later.what')}
        options={available.map((a) => ({ value: a, label: t(`acts.later.${a}` as const) }))}
      />
      <TextArea {...form.field('grounds')} label={t('acts.grounds')} />
    </Act>
  );
}
