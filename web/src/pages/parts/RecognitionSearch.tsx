import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, SubmitActions } from '../../components/fields';
import { RECOGNITION_PURPOSES } from '../../../../src/contract/access';
import { useI18n } from '../../i18n/context';
import { api, problemText } from '../../lib/api';
import type { Dossier, DossierSummary } from '../../lib/types';
import { useForm } from '../../lib/useForm';
import { PurposeField } from './PurposeField';

interface IdentitySeen {
  niss?: string;
  familyName?: string;
  birthDate?: string;
}

/**
 * Art. 26: the competent region looks for the same person's dossiers in the other regions, from
 * this dossier and with a purpose; each one opened carries both, so its read is logged with them.
 */
export function RecognitionSearch({ dossier }: { dossier: Dossier }) {
  const { t } = useI18n();
  const form = useForm('recognition', { purpose: '', purposeCode: '' });
  const [found, setFound] = useState<DossierSummary[] | undefined>(undefined);
  const identity = dossier.sections.identity as IdentitySeen | undefined;
  const criteria = identity?.niss
    ? { by: 'niss', niss: identity.niss }
    : identity?.familyName && identity.birthDate
      ? { by: 'name', familyName: identity.familyName, birthDate: identity.birthDate }
      : undefined;
  if (!criteria) return null;
  const purpose = form.values.purpose.trim();
  const purposeCode = form.values.purposeCode;
  const fail = (text: string, field: 'purpose' | 'purposeCode' = 'purpose') => {
    form.setErrors({ [form.idOf(field)]: text });
  };

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (!purposeCode) {
      fail(t('recognition.code.required'), 'purposeCode');
      return;
    }
    if (purpose.length < 5) {
      fail(t('search.purpose.required'));
      return;
    }
    form.setErrors({});
    await form.submit(
      async () => {
        const reply = await api<{ items: DossierSummary[] }>('POST', '/dossiers/search', {
          purpose,
          forDossier: dossier.id,
          purposeCode,
          criteria,
        });
        setFound(reply.items.filter((d) => d.id !== dossier.id && d.region !== dossier.region));
      },
      (err) => {
        fail(problemText(err, t('error.generic')));
      },
    );
  };

  return (
    <section aria-labelledby="recognition-title" className="recognition">
      <h2 id="recognition-title">{t('recognition.title')}</h2>
      <p className="hint">{t('recognition.lead')}</p>
      <ErrorSummary items={form.summary} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <SelectField
          {...form.field('purposeCode')}
          label={t('recognition.code')}
          options={RECOGNITION_PURPOSES.map((c) => ({
            value: c,
            label: t(`recognition.code.${c}` as const),
          }))}
        />
        <PurposeField {...form.field('purpose')} />
        <SubmitActions label={t('recognition.search')} busy={form.busy} secondary />
      </form>
      {found && (
        <>
          <p role="status">
            {found.length === 0 ? t('recognition.none') : t('recognition.found', { count: found.length })}
          </p>
          <ul className="plain-list recognition-results">
            {found.map((d) => (
              <li key={d.id}>
                <Link to={`/dossiers/${d.id}`} state={{ purpose, purposeCode, forDossier: dossier.id }}>
                  {d.reference}
                </Link>{' '}
                — {d.region ? t(`region.${d.region as 'flanders'}` as const) : '—'},{' '}
                {t(`state.${d.state}` as const)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
