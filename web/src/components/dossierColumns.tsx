import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/context';
import { daysLeftText, workerName } from '../lib/format';
import type { DossierSummary } from '../lib/types';
import { StateTag } from './StateTag';
import type { Column } from './Table';

/** The columns every list of dossiers shares; the reference links where the list says. */
export function useDossierColumns() {
  const { t } = useI18n();
  const column = (header: string, cell: (d: DossierSummary) => ReactNode): Column<DossierSummary> => ({
    header,
    cell,
  });
  return {
    reference: (link: (d: DossierSummary) => { to: string; state?: unknown }) =>
      column(t('col.reference'), (d) => {
        const { to, state } = link(d);
        return (
          <Link to={to} state={state}>
            {d.reference}
          </Link>
        );
      }),
    worker: column(t('col.worker'), (d) => workerName(d.worker)),
    employer: column(t('col.employer'), (d) => d.applicant.name),
    category: column(t('col.category'), (d) => t(`category.${d.category}` as const)),
    state: column(t('col.state'), (d) => <StateTag state={d.state} />),
  };
}

/** When a dossier is due and what that leaves, late ones marked; `none` without a running deadline. */
export function Due({ dossier, none }: { dossier: DossierSummary; none: ReactNode }) {
  const { t, formatDate } = useI18n();
  if (!dossier.dueDate) return <>{none}</>;
  return (
    <>
      {formatDate(dossier.dueDate)}
      <br />
      <span className={dossier.daysLeft !== null && dossier.daysLeft < 0 ? 'overdue' : 'muted'}>
        {daysLeftText(t, dossier.daysLeft)}
      </span>
    </>
  );
}
