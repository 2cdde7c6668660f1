import { Link } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { StateTag } from '../components/StateTag';
import { useI18n } from '../i18n/context';
import type { DossierSummary } from '../lib/types';
import { usePagedList } from '../lib/usePagedList';
import { NextStep } from './parts/NextStep';

const NO_FILTER = {};
const noQuery = () => ({});

/** The clock as a list line carries it: a due date while the period runs, none once decided. */
const clockOf = (d: DossierSummary) =>
  d.dueDate
    ? {
        status: d.daysLeft === null ? ('stopped' as const) : ('running' as const),
        dueDate: d.dueDate,
        daysLeft: d.daysLeft,
      }
    : null;

/** The worker's home: each dossier about them with what happens next and by when. */
export function WorkerHome() {
  const { t } = useI18n();
  const { items, error } = usePagedList<DossierSummary, typeof NO_FILTER>('/dossiers', NO_FILTER, noQuery, {
    limit: 50,
  });
  return (
    <Page title={t('workerHome.title')} lead={t('workerHome.lead')}>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {items === undefined ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{t('workerHome.none')}</p>
      ) : (
        <ul className="cards worker-dossiers">
          {items.map((d) => (
            <li key={d.id} className="card">
              <h2>
                <Link to={`/dossiers/${d.id}`}>{t('dossier.title', { reference: d.reference })}</Link>
              </h2>
              <p>
                {t(`category.${d.category}` as const)} — {d.applicant.name}
                <br />
                <StateTag state={d.state} />
              </p>
              <NextStep dossier={{ ...d, clock: clockOf(d) }} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        <Link className="button secondary" to="/claim">
          {t('dossiers.claim')}
        </Link>
        <Link className="button secondary" to="/my-rights">
          {t('nav.rights')}
        </Link>
      </p>
    </Page>
  );
}
