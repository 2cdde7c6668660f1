import { DOCUMENT_TYPES } from '../../../../../src/contract/documents';
import { DateField, SelectField, TextArea, TextField } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import { documentLabel } from '../../../lib/format';
import type { Dossier } from '../../../lib/types';
import { useForm } from '../../../lib/useForm';
import { Act, today } from './Act';

/* The acts on the file itself: requests, extension, automated checks and the document issued. */

export function RequestAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const form = useForm('request', { due: '', type: '', description: '', message: '' });
  const { due, type, description, message } = form.values;
  return (
    <Act
      id="act-request"
      title={t('acts.request.title')}
      onDone={onDone}
      form={form}
      prepare={() => {
        const found: Record<string, string> = {};
        if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) found[form.idOf('due')] = t('acts.request.dueDate.required');
        if (!description.trim()) found[form.idOf('description')] = t('acts.request.description.required');
        if (Object.keys(found).length) return { errors: found };
        return {
          path: `/dossiers/${dossier.id}/requests`,
          body: {
            dueDate: due,
            items: [{ description: description.trim(), ...(type && { documentType: type }) }],
            ...(message.trim() && { message: message.trim() }),
          },
        };
      }}
    >
      <DateField {...form.field('due')} label={t('acts.request.dueDate')} />
      <SelectField
        {...form.field('type')}
        label={t('acts.request.documentType')}
        optional
        placeholder={t('common.choose')}
        options={DOCUMENT_TYPES.map((d) => ({ value: d, label: documentLabel(t, d) }))}
      />
      <TextArea {...form.field('description')} label={t('acts.request.description')} />
      <TextArea {...form.field('message')} label={t('acts.request.message')} optional />
    </Act>
  );
}

export function ExtensionAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const form = useForm('extension', { reason: '' });
  const reason = form.values.reason.trim();
  return (
    <Act
      id="act-extension"
      title={t('acts.extension.title')}
      onDone={onDone}
      form={form}
      prepare={() =>
        reason
          ? { path: `/dossiers/${dossier.id}/extension`, body: { reason } }
          : { errors: { [form.idOf('reason')]: t('acts.extension.reason.required') } }
      }
    >
      <TextArea {...form.field('reason')} label={t('acts.extension.reason')} />
    </Act>
  );
}

export function ChecksAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const form = useForm('checks', {});
  return (
    <Act
      id="act-checks"
      title={t('acts.checks.title')}
      lead={t('acts.checks.lead')}
      submitLabel={t('acts.checks.run')}
      onDone={onDone}
      form={form}
      prepare={() => ({ path: `/dossiers/${dossier.id}/checks`, body: {} })}
    />
  );
}

export function IssuedAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const form = useForm('issued', { on: today(), number: '' });
  const { on, number } = form.values;
  return (
    <Act
      id="act-issued"
      title={t('acts.issued.title')}
      onDone={onDone}
      form={form}
      prepare={() =>
        /^\d{4}-\d{2}-\d{2}$/.test(on)
          ? {
              path: `/dossiers/${dossier.id}/issued`,
              body: { issuedOn: on, ...(number.trim() && { documentNumber: number.trim() }) },
            }
          : { errors: { [form.idOf('on')]: t('acts.issued.on.required') } }
      }
    >
      <DateField {...form.field('on')} label={t('acts.issued.on')} />
      <TextField {...form.field('number')} label={t('acts.issued.number')} optional width="medium" />
    </Act>
  );
}
