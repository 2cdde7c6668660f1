import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/context';
import type { SourceCheckView } from '../../lib/types';

const OUTCOMES = new Set(['pass', 'fail', 'not_found', 'unavailable', 'timeout', 'not_applicable']);
const CHECKS = new Set([
  'niss_check_digits',
  'enterprise_number_check_digits',
  'fee_reference_check_digits',
  'kbo_enterprise_active',
  'onss_employer_registered',
  'dimona_employer',
  'dimona_worker',
  'dmfa_employer',
  'dmfa_worker_salary',
  'limosa_declaration',
  'inasti_affiliation',
]);

/** The latest run of the automated checks, as `source` data the caller may read. */
export function SourcesView({ sources }: { sources: SourceCheckView[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section aria-labelledby="sources-title" className="sources">
      <h3 id="sources-title">{t('sources.title')}</h3>
      {sources.length === 0 ? (
        <p className="muted">{t('sources.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="dossier-table sources-table">
            <caption className="visually-hidden">{t('sources.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sources.col.check')}</th>
                <th scope="col">{t('sources.col.source')}</th>
                <th scope="col">{t('sources.col.outcome')}</th>
                <th scope="col">{t('sources.col.fetchedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.check} className={`outcome-${s.outcome}`}>
                  <td data-label={t('sources.col.check')}>
                    {CHECKS.has(s.check) ? t(`check.${s.check}` as MessageKey) : s.check}
                  </td>
                  <td data-label={t('sources.col.source')}>{s.source.toUpperCase()}</td>
                  <td data-label={t('sources.col.outcome')}>
                    <strong>
                      {OUTCOMES.has(s.outcome) ? t(`sources.outcome.${s.outcome}` as MessageKey) : s.outcome}
                    </strong>
                  </td>
                  <td data-label={t('sources.col.fetchedAt')}>{formatDateTime(s.fetchedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
