import { useState } from 'react';
import { DOCUMENT_TYPES } from '../../../../../src/contract/documents';
import { SelectField, TextArea, TextField } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import { documentLabel } from '../../../lib/format';
import type { Dossier } from '../../../lib/types';
import { Act, today } from './Act';

/* The acts on the file itself: requests, extension, automated checks and the document issued. */

export function RequestAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const [dueDate, setDueDate] = useState('');
  const [documentType, setDocumentType] = useState('');
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-request"
      title={t('acts.request.title')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() => {
        const found: Record<string, string> = {};
        if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found['request-due'] = t('acts.request.dueDate.required');
        if (!description.trim()) found['request-description'] = t('acts.request.description.required');
        if (Object.keys(found).length) return { errors: found };
        return {
          path: `/dossiers/${dossier.id}/requests`,
          body: {
            dueDate,
            items: [{ description: description.trim(), ...(documentType && { documentType }) }],
            ...(message.trim() && { message: message.trim() }),
          },
        };
      }}
    >
      <TextField
        id="request-due"
        type="date"
        label={t('acts.request.dueDate')}
        value={dueDate}
        onChange={setDueDate}
        error={errors['request-due']}
        width="short"
      />
      <SelectField
        id="request-type"
        label={t('acts.request.documentType')}
        optional
        value={documentType}
        placeholder={t('common.choose')}
        onChange={setDocumentType}
        options={DOCUMENT_TYPES.map((d) => ({ value: d, label: documentLabel(t, d) }))}
      />
      <TextArea
        id="request-description"
        label={t('acts.request.description')}
        value={description}
        onChange={setDescription}
        error={errors['request-description']}
      />
      <TextArea
        id="request-message"
        label={t('acts.request.message')}
        optional
        value={message}
        onChange={setMessage}
      />
    </Act>
  );
}

export function ExtensionAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-extension"
      title={t('acts.extension.title')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        reason.trim()
          ? { path: `/dossiers/${dossier.id}/extension`, body: { reason: reason.trim() } }
          : { errors: { 'extension-reason': t('acts.extension.reason.required') } }
      }
    >
      <TextArea
        id="extension-reason"
        label={t('acts.extension.reason')}
        value={reason}
        onChange={setReason}
        error={errors['extension-reason']}
      />
    </Act>
  );
}

export function ChecksAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-checks"
      title={t('acts.checks.title')}
      lead={t('acts.checks.lead')}
      submitLabel={t('acts.checks.run')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() => ({ path: `/dossiers/${dossier.id}/checks`, body: {} })}
    />
  );
}

export function IssuedAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const [issuedOn, setIssuedOn] = useState(today);
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-issued"
      title={t('acts.issued.title')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        /^\d{4}-\d{2}-\d{2}$/.test(issuedOn)
          ? {
              path: `/dossiers/${dossier.id}/issued`,
              body: { issuedOn, ...(number.trim() && { documentNumber: number.trim() }) },
            }
          : { errors: { 'issued-on': t('acts.issued.on.required') } }
      }
    >
      <TextField
        id="issued-on"
        type="date"
        label={t('acts.issued.on')}
        value={issuedOn}
        onChange={setIssuedOn}
        error={errors['issued-on']}
        width="short"
      />
      <TextField
        id="issued-number"
        label={t('acts.issued.number')}
        optional
        value={number}
        onChange={setNumber}
        width="medium"
      />
    </Act>
  );
}
