import { useState, type SyntheticEvent } from 'react';
import { useDossierColumns } from '../components/dossierColumns';
import { ErrorSummary } from '../components/ErrorSummary';
import { DateField, RadioGroup, SubmitActions, TextField } from '../components/fields';
import { Page } from '../components/Page';
import { Table } from '../components/Table';
import { useI18n } from '../i18n/context';
import { ApiError, api, problemText } from '../lib/api';
import type { DossierSummary } from '../lib/types';
import { useForm } from '../lib/useForm';
import { PurposeField } from './parts/PurposeField';

const FIELD_OF_PROBLEM: Record<string, string> = {
  purpose: 'search-purpose',
  'criteria.niss': 'search-niss',
  'criteria.familyName': 'search-family-name',
  'criteria.birthDate': 'search-birth-date',
  'criteria.enterpriseNumber': 'search-enterprise',
};

/**
 * A consulting authority looks up a person or an enterprise (R-CONS-1). The purpose is asked
 * first and travels with every dossier opened from the results, so the read is logged with it.
 */
export function Search() {
  const { t } = useI18n();
  const form = useForm('search', {
    purpose: '',
    by: 'niss',
    niss: '',
    familyName: '',
    birthDate: '',
    enterprise: '',
  });
  const { purpose, by, niss, familyName, birthDate, enterprise } = form.values;
  const [result, setResult] = useState<
    { items: DossierSummary[]; truncated: boolean; purpose: string } | undefined
  >(undefined);
  const columns = useDossierColumns();

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (purpose.trim().length < 5) found['search-purpose'] = t('search.purpose.required');
    if (by === 'niss' && !niss.trim()) found['search-niss'] = t('search.niss.required');
    if (by === 'name' && !familyName.trim()) found['search-family-name'] = t('search.familyName.required');
    if (by === 'name' && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate))
      found['search-birth-date'] = t('search.birthDate.required');
    if (by === 'enterprise' && !enterprise.trim())
      found['search-enterprise'] = t('search.enterprise.required');
    return found;
  };

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (!form.check(check())) return;
    const criteria =
      by === 'niss'
        ? { by, niss: niss.trim() }
        : by === 'name'
          ? { by, familyName: familyName.trim(), birthDate }
          : { by, enterpriseNumber: enterprise.trim() };
    await form.submit(
      async () => {
        const reply = await api<{ items: DossierSummary[]; truncated: boolean }>('POST', '/dossiers/search', {
          purpose: purpose.trim(),
          criteria,
        });
        setResult({ ...reply, purpose: purpose.trim() });
      },
      (error) => {
        setResult(undefined);
        if (error instanceof ApiError && error.errors.length) {
          form.setErrors(
            Object.fromEntries(
              error.errors.map((f) => [FIELD_OF_PROBLEM[f.field] ?? 'search-purpose', f.message]),
            ),
          );
        } else {
          form.setProblem(problemText(error, t('error.generic')));
        }
      },
    );
  };

  return (
    <Page title={t('search.title')} lead={t('search.lead')}>
      <ErrorSummary items={form.summary} />
      <form onSubmit={(e) => void submit(e)} noValidate className="search-form">
        <PurposeField {...form.field('purpose')} />
        <RadioGroup
          {...form.field('by')}
          label={t('search.by')}
          options={[
            { value: 'niss', label: t('search.by.niss') },
            { value: 'name', label: t('search.by.name') },
            { value: 'enterprise', label: t('search.by.enterprise') },
          ]}
        />
        {(by === 'niss' || by === 'enterprise') && (
          <TextField
            {...form.field(by)}
            label={t(`search.by.${by}`)}
            hint={t(`search.${by}.hint`)}
            inputMode="numeric"
            width="medium"
          />
        )}
        {by === 'name' && (
          <>
            <TextField {...form.field('familyName')} label={t('search.familyName')} />
            <DateField {...form.field('birthDate')} label={t('search.birthDate')} />
          </>
        )}
        <SubmitActions label={t('search.submit')} busy={form.busy} />
      </form>
      {result && (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title">{t('search.results')}</h2>
          <p role="status">
            {result.items.length === 0 ? t('search.none') : t('search.count', { count: result.items.length })}
          </p>
          {result.truncated && <p>{t('search.truncated')}</p>}
          {result.items.length > 0 && (
            <Table
              caption={t('search.results')}
              className="dossier-table"
              rows={result.items}
              rowKey={(d) => d.id}
              columns={[
                columns.reference((d) => ({ to: `/dossiers/${d.id}`, state: { purpose: result.purpose } })),
                columns.worker,
                columns.employer,
                columns.category,
                columns.state,
              ]}
            />
          )}
        </section>
      )}
    </Page>
  );
}
