import { Table } from '../../components/Table';
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
        <Table
          caption={t('sources.title')}
          className="dossier-table sources-table"
          rows={sources}
          rowKey={(s) => s.check}
          rowAttributes={(s) => ({ className: `outcome-${s.outcome}` })}
          columns={[
            {
              header: t('sources.col.check'),
              cell: (s) => (CHECKS.has(s.check) ? t(`check.${s.check}` as MessageKey) : s.check),
            },
            { header: t('sources.col.source'), cell: (s) => s.source.toUpperCase() },
            {
              header: t('sources.col.outcome'),
              cell: (s) => (
                <strong>
                  {OUTCOMES.has(s.outcome) ? t(`sources.outcome.${s.outcome}` as MessageKey) : s.outcome}
                </strong>
              ),
            },
            { header: t('sources.col.fetchedAt'), cell: (s) => formatDateTime(s.fetchedAt) },
          ]}
        />
      )}
    </section>
  );
}
