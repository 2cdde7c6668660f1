import { HOLD_REASONS } from '../../../../../src/contract/retention';
import { SelectField, TextField } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import type { Dossier } from '../../../lib/types';
import { useForm } from '../../../lib/useForm';
import { Act } from './Act';

/* Legal holds (Art. 27 §1 3°): an appeal, proceedings or a fraud investigation keeps the dossier. */

export function HoldAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const form = useForm('hold', { reason: '', caseReference: '' });
  const { reason, caseReference } = form.values;
  return (
    <Act
      id="act-hold"
      title={t('acts.hold.title')}
      lead={t('acts.hold.lead')}
      onDone={onDone}
      form={form}
      prepare={() =>
        reason
          ? {
              path: `/dossiers/${dossier.id}/holds`,
              body: { reason, ...(caseReference.trim() && { caseReference: caseReference.trim() }) },
            }
          : { errors: { [form.idOf('reason')]: t('acts.hold.reason.required') } }
      }
    >
      <SelectField
        {...form.field('reason')}
        label={t('acts.hold.reason')}
        options={HOLD_REASONS.map((r) => ({ value: r, label: t(`hold.reason.${r}` as const) }))}
      />
      <TextField
        {...form.field('caseReference')}
        label={t('acts.hold.caseReference')}
        optional
        width="medium"
      />
    </Act>
  );
}

export function LiftHoldAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t, formatDate } = useI18n();
  const open = (dossier.retention?.holds ?? []).filter((h) => h.liftedAt === null);
  const form = useForm('lift-hold', { holdId: open[0]?.id ?? '' });
  if (open.length === 0) return null;
  return (
    <Act
      id="act-lift-hold"
      title={t('acts.liftHold.title')}
      onDone={onDone}
      form={form}
      prepare={() =>
        form.values.holdId
          ? { path: `/dossiers/${dossier.id}/holds/lift`, body: { holdId: form.values.holdId } }
          : { errors: { [form.idOf('holdId')]: t('acts.liftHold.hold.required') } }
      }
    >
      <SelectField
        {...form.field('holdId')}
        label={t('acts.liftHold.hold')}
        options={open.map((h) => ({
          value: h.id,
          label: `${t(`hold.reason.${h.reason}` as const)} — ${formatDate(h.from)}`,
        }))}
      />
    </Act>
  );
}
