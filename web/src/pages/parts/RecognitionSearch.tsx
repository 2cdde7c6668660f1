import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { ApiError, api } from '../../lib/api';
import type { Dossier, DossierSummary } from '../../lib/types';

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
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [found, setFound] = useState<DossierSummary[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const identity = dossier.sections.identity as IdentitySeen | undefined;
  const criteria = identity?.niss
    ? { by: 'niss', niss: identity.niss }
    : identity?.familyName && identity.birthDate
      ? { by: 'name', familyName: identity.familyName, birthDate: identity.birthDate }
      : undefined;
  if (!criteria) return null;

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (purpose.trim().length < 5) {
      setError(t('search.purpose.required'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const reply = await api<{ items: DossierSummary[] }>('POST', '/dossiers/search', {
        purpose: purpose.trim(),
        forDossier: dossier.id,
        criteria,
      });
      setFound(reply.items.filter((d) => d.id !== dossier.id && d.region !== dossier.region));
    } catch (err) {
      setError(err instanceof ApiError && err.title ? err.title : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="recognition-title" className="recognition">
      <h2 id="recognition-title">{t('recognition.title')}</h2>
      <p className="hint">{t('recognition.lead')}</p>
      {error && <ErrorSummary items={[{ target: 'recognition-purpose', text: error }]} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="recognition-purpose"
          label={t('search.purpose')}
          hint={t('search.purpose.hint')}
          value={purpose}
          onChange={setPurpose}
          error={error}
        />
        <p className="actions">
          <button type="submit" className="button secondary" disabled={busy}>
            {t('recognition.search')}
          </button>
        </p>
      </form>
      {found && (
        <>
          <p role="status">
            {found.length === 0 ? t('recognition.none') : t('recognition.found', { count: found.length })}
          </p>
          <ul className="plain-list recognition-results">
            {found.map((d) => (
              <li key={d.id}>
                <Link to={`/dossiers/${d.id}`} state={{ purpose: purpose.trim(), forDossier: dossier.id }}>
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
