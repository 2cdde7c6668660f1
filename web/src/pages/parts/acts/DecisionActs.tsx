import { DateField, RadioGroup, TextArea } from '../../../components/fields';
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
  // Nothing is chosen for the examiner: an outcome is always a deliberate choice.
  const form = useForm('admissibility', { outcome: '', grounds: '' });
  const { outcome, grounds } = form.values;
  const chosen = options.find((o) => o.value === outcome);
  return (
    <Act
      id="act-admissibility"
      title={t('acts.admissibility.title')}
      onDone={onDone}
      form={form}
      prepare={() => {
        if (!chosen) return { errors: { [form.idOf('outcome')]: t('acts.outcome.required') } };
        if (outcome === 'inadmissible' && !grounds.trim())
          return { errors: { [form.idOf('grounds')]: t('acts.reasons.required') } };
        return {
          path: `/dossiers/${dossier.id}/admissibility`,
          body: { outcome, ...(grounds.trim() && { grounds: grounds.trim() }) },
          restate: [
            { term: t('acts.admissibility.outcome'), detail: <strong>{chosen.label}</strong> },
            !!grounds.trim() && { term: t('acts.reasons'), detail: <Quoted text={grounds.trim()} /> },
          ].filter((f) => f !== false),
        };
      }}
    >
      <RadioGroup {...form.field('outcome')} label={t('acts.admissibility.outcome')} options={options} />
      <TextArea {...form.field('grounds')} label={t('acts.reasons')} optional={outcome !== 'inadmissible'} />
    </Act>
  );
}

/** The grounds as written, kept in their paragraphs. */
function Quoted({ text }: { text: string }) {
  return <span className="quoted">{text}</span>;
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
  const { t, formatDate } = useI18n();
  const form = useForm(`decision-${kind}`, { outcome: '', grounds: '', from: '', until: '' });
  const { outcome, grounds, from, until } = form.values;
  const options = [
    { value: 'granted', label: t('decision.choice.granted') },
    { value: 'refused', label: t('decision.choice.refused') },
  ];
  const chosen = options.find((o) => o.value === outcome);
  const prepare = () => {
    const found: Record<string, string> = {};
    if (!chosen) found[form.idOf('outcome')] = t('acts.outcome.required');
    if (outcome === 'refused' && !grounds.trim()) found[form.idOf('grounds')] = t('acts.grounds.required');
    if (outcome === 'granted') {
      if (from && !ISO_DAY.test(from)) found[form.idOf('from')] = t('acts.date.invalid');
      if (until && !ISO_DAY.test(until)) found[form.idOf('until')] = t('acts.date.invalid');
      else if (ISO_DAY.test(from) && ISO_DAY.test(until) && until <= from)
        found[form.idOf('until')] = t('acts.decision.untilBeforeFrom');
    }
    if (Object.keys(found).length || !chosen) return { errors: found };
    const granted = outcome === 'granted';
    return {
      path: `/dossiers/${dossier.id}/decisions`,
      body: {
        kind,
        outcome,
        ...(grounds.trim() && { grounds: grounds.trim() }),
        ...(granted && from && { validFrom: from }),
        ...(granted && until && { validUntil: until }),
      },
      restate: [
        { term: t('acts.decision.outcome'), detail: <strong>{chosen.label}</strong> },
        granted && {
          term: t('acts.confirm.validity'),
          detail:
            from || until
              ? t('acts.confirm.validityDates', {
                  from: from ? formatDate(from) : '—',
                  until: until ? formatDate(until) : '—',
                })
              : t('acts.confirm.validityNone'),
        },
        !!grounds.trim() && {
          term: granted ? t('acts.grounds') : t('acts.confirm.grounds'),
          detail: <Quoted text={grounds.trim()} />,
        },
      ].filter((f) => f !== false),
    };
  };
  return (
    <Act
      id={`act-decision-${kind}`}
      title={t('acts.decision.title', { kind: t(`decision.kind.${kind}` as const) })}
      onDone={onDone}
      form={form}
      prepare={prepare}
    >
      <RadioGroup {...form.field('outcome')} label={t('acts.decision.outcome')} options={options} />
      <TextArea {...form.field('grounds')} label={t('acts.grounds')} optional={outcome !== 'refused'} />
      {outcome === 'granted' && (
        <>
          <DateField {...form.field('from')} label={t('acts.decision.validFrom')} optional />
          <DateField {...form.field('until')} label={t('acts.decision.validUntil')} optional />
        </>
      )}
    </Act>
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

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
  const form = useForm('later', { which: '', grounds: '' });
  const { which, grounds } = form.values;
  return (
    <Act
      id="act-later"
      title={t('acts.later.title')}
      lead={t('acts.later.lead')}
      onDone={onDone}
      form={form}
      prepare={() => {
        const found: Record<string, string> = {};
        if (!isLaterAct(which)) found[form.idOf('which')] = t('acts.later.what.required');
        if (!grounds.trim()) found[form.idOf('grounds')] = t('acts.later.grounds.required');
        if (Object.keys(found).length || !isLaterAct(which)) return { errors: found };
        return {
          path: `/dossiers/${dossier.id}/decisions`,
          body: { ...LATER_ACTS[which], grounds: grounds.trim() },
          restate: [
            { term: t('acts.later.what'), detail: <strong>{t(`acts.later.${which}` as const)}</strong> },
            { term: t('acts.confirm.grounds'), detail: <Quoted text={grounds.trim()} /> },
          ],
        };
      }}
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
