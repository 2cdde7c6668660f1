import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { RadioGroup, TextField } from '../components/fields';
import { Page } from '../components/Page';
import { StateTag } from '../components/StateTag';
import { useI18n } from '../i18n/context';
import { workerName } from '../lib/format';
import { ApiError, api } from '../lib/api';
import type { DossierSummary } from '../lib/types';

type By = 'niss' | 'name' | 'enterprise';
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
  const [purpose, setPurpose] = useState('');
  const [by, setBy] = useState<By>('niss');
  const [niss, setNiss] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [enterprise, setEnterprise] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<SummaryItem[]>([]);
  const [result, setResult] = useState<
    { items: DossierSummary[]; truncated: boolean; purpose: string } | undefined
  >(undefined);
  const [busy, setBusy] = useState(false);

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
    setProblem([]);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) return;
    const criteria =
      by === 'niss'
        ? { by, niss: niss.trim() }
        : by === 'name'
          ? { by, familyName: familyName.trim(), birthDate }
          : { by, enterpriseNumber: enterprise.trim() };
    setBusy(true);
    try {
      const reply = await api<{ items: DossierSummary[]; truncated: boolean }>('POST', '/dossiers/search', {
        purpose: purpose.trim(),
        criteria,
      });
      setResult({ ...reply, purpose: purpose.trim() });
    } catch (error) {
      setResult(undefined);
      if (error instanceof ApiError && error.errors.length) {
        setErrors(
          Object.fromEntries(
            error.errors.map((f) => [FIELD_OF_PROBLEM[f.field] ?? 'search-purpose', f.message]),
          ),
        );
      } else {
        setProblem([{ text: error instanceof ApiError && error.title ? error.title : t('error.generic') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const formErrors = Object.entries(errors).map(([target, text]) => ({ target, text }));
  return (
    <Page title={t('search.title')} lead={t('search.lead')}>
      {formErrors.length > 0 && <ErrorSummary items={formErrors} />}
      {problem.length > 0 && <ErrorSummary items={problem} />}
      <form onSubmit={(e) => void submit(e)} noValidate className="search-form">
        <TextField
          id="search-purpose"
          label={t('search.purpose')}
          hint={t('search.purpose.hint')}
          value={purpose}
          onChange={setPurpose}
          error={errors['search-purpose']}
        />
        <RadioGroup
          id="search-by"
          label={t('search.by')}
          value={by}
          onChange={(v) => {
            setBy(v as By);
          }}
          options={[
            { value: 'niss', label: t('search.by.niss') },
            { value: 'name', label: t('search.by.name') },
            { value: 'enterprise', label: t('search.by.enterprise') },
          ]}
        />
        {by === 'niss' && (
          <TextField
            id="search-niss"
            label={t('search.by.niss')}
            hint={t('search.niss.hint')}
            value={niss}
            onChange={setNiss}
            error={errors['search-niss']}
            inputMode="numeric"
            width="medium"
          />
        )}
        {by === 'name' && (
          <>
            <TextField
              id="search-family-name"
              label={t('search.familyName')}
              value={familyName}
              onChange={setFamilyName}
              error={errors['search-family-name']}
            />
            <TextField
              id="search-birth-date"
              type="date"
              label={t('search.birthDate')}
              value={birthDate}
              onChange={setBirthDate}
              error={errors['search-birth-date']}
              width="short"
            />
          </>
        )}
        {by === 'enterprise' && (
          <TextField
            id="search-enterprise"
            label={t('search.by.enterprise')}
            hint={t('search.enterprise.hint')}
            value={enterprise}
            onChange={setEnterprise}
            error={errors['search-enterprise']}
            inputMode="numeric"
            width="medium"
          />
        )}
        <p className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('search.submit')}
          </button>
        </p>
      </form>
      {result && (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title">{t('search.results')}</h2>
          <p role="status">
            {result.items.length === 0 ? t('search.none') : t('search.count', { count: result.items.length })}
          </p>
          {result.truncated && <p>{t('search.truncated')}</p>}
          {result.items.length > 0 && (
            <div className="table-wrap">
              <table className="dossier-table">
                <caption className="visually-hidden">{t('search.results')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.reference')}</th>
                    <th scope="col">{t('col.worker')}</th>
                    <th scope="col">{t('col.employer')}</th>
                    <th scope="col">{t('col.category')}</th>
                    <th scope="col">{t('col.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((d) => (
                    <tr key={d.id}>
                      <td data-label={t('col.reference')}>
                        <Link to={`/dossiers/${d.id}`} state={{ purpose: result.purpose }}>
                          {d.reference}
                        </Link>
                      </td>
                      <td data-label={t('col.worker')}>{workerName(d.worker)}</td>
                      <td data-label={t('col.employer')}>{d.applicant.name}</td>
                      <td data-label={t('col.category')}>{t(`category.${d.category}` as const)}</td>
                      <td data-label={t('col.state')}>
                        <StateTag state={d.state} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
