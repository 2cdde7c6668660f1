import { useState, type ComponentProps } from 'react';
import { SelectField } from '../../components/fields';
import { Announcer, Loading, Notice } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { documentLabel } from '../../lib/format';
import type { DocumentView } from '../../lib/types';
import { DocumentRow } from '../parts/DocumentRow';
import { ContinueLink } from './ContinueLink';
import type { StepProps } from './steps';
import { useChecklist } from './useChecklist';

/** What may be added beside the documents asked for. */
const OPTIONAL_TYPES = [
  'address_proof',
  'residence_permit',
  'visa_d',
  'diploma',
  'qualification',
  'health_insurance',
  'subsistence',
  'payslips',
  'other',
];

type RowProps = Pick<ComponentProps<typeof DocumentRow>, 'type' | 'existing' | 'required'> &
  Partial<Pick<ComponentProps<typeof DocumentRow>, 'special' | 'legalSource'>>;

/** The documents the rule tables ask for, each uploaded on its own line, and any other added. */
export function DocumentsStep({ dossier, setDossier, next }: StepProps) {
  const { t } = useI18n();
  const checklist = useChecklist(dossier);
  const [announcement, setAnnouncement] = useState('');
  const [otherType, setOtherType] = useState('other');
  const byType = (type: string): DocumentView[] => dossier.documents.filter((d) => d.type === type);
  // Every line of a draft can be replaced or removed; each upload replaces the draft shown.
  const row = ({ key, ...props }: RowProps & { key: string }) => (
    <DocumentRow
      key={key}
      dossierId={dossier.id}
      editable
      onChange={(updated) => {
        setDossier(updated);
      }}
      announce={setAnnouncement}
      {...props}
    />
  );
  if (!checklist) return <Loading />;
  const required = checklist.documents.filter((d) => d.documentType !== 'fee_proof');
  const requiredTypes = new Set(checklist.documents.map((d) => d.documentType));
  const extra = [...new Set(dossier.documents.map((d) => d.type))].filter((type) => !requiredTypes.has(type));
  const missing = required.filter((d) => byType(d.documentType).length === 0);
  return (
    <>
      <p>
        {t('docs.intro')} {t('docs.formats')}
      </p>
      <Announcer text={announcement} />
      {missing.length === 0 ? (
        <Notice kind="success">{t('docs.allPresent')}</Notice>
      ) : (
        <Notice kind="info">{t('docs.missingCount', { count: missing.length })}</Notice>
      )}
      <h2>{t('docs.required')}</h2>
      <ul className="doc-list">
        {required.map((d) =>
          row({
            key: d.documentType,
            type: d.documentType,
            special: d.special,
            legalSource: d.legalSource,
            existing: byType(d.documentType),
            required: true,
          }),
        )}
      </ul>
      {extra.length > 0 && (
        <>
          <h2>{t('docs.other')}</h2>
          <ul className="doc-list">
            {extra.map((type) => row({ key: type, type, existing: byType(type), required: false }))}
          </ul>
        </>
      )}
      <details className="panel">
        <summary>{t('docs.addOther')}</summary>
        <SelectField
          id="other-type"
          label={t('docs.type')}
          value={otherType}
          onChange={setOtherType}
          options={OPTIONAL_TYPES.filter((type) => !requiredTypes.has(type)).map((type) => ({
            value: type,
            label: documentLabel(t, type),
          }))}
        />
        {otherType && (
          <ul className="doc-list">
            {row({ key: `other-${otherType}`, type: otherType, existing: [], required: false })}
          </ul>
        )}
      </details>
      <ContinueLink dossierId={dossier.id} next={next} />
    </>
  );
}
