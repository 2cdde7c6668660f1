import { useState } from 'react';
import { SHOWN_STATES } from '../../../src/contract/states';
import { Due, useDossierColumns } from '../components/dossierColumns';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { FilterForm, FilterSelect } from '../components/FilterForm';
import { Loading, Page } from '../components/Page';
import { Table } from '../components/Table';
import { useI18n } from '../i18n/context';
import { actionNeeded, byActionNeeded, urgencyOf } from '../lib/queue';
import type { DossierSummary } from '../lib/types';
import { useForm } from '../lib/useForm';
import { searchTerm, usePagedList } from '../lib/usePagedList';

// Closed dossiers (issued, withdrawn, refused) are behind the filter: the queue is what is left to do.
const EMPTY = { state: '', assigned: '', q: '', stage: 'open' };
const queryOf = (f: typeof EMPTY) => ({
  state: f.state,
  assigned: f.assigned,
  q: searchTerm(f.q),
  stage: f.stage,
});

/** The work queue of an authority: what the gate lets it see, the dossiers awaiting its act first, by deadline. */
export function WorkQueue() {
  const { t } = useI18n();
  const filters = useForm('queue', EMPTY);
  const [filter, setFilter] = useState(EMPTY);
  // The whole queue, page after page (bounded), so it can be sorted by deadline.
  const { items, error } = usePagedList<DossierSummary, typeof EMPTY>('/dossiers', filter, queryOf, {
    limit: 100,
    whole: true,
  });
  const sorted = items && [...items].sort(byActionNeeded);
  const columns = useDossierColumns();

  return (
    <Page title={t('queue.title')} lead={t('queue.lead')}>
      <FilterForm
        id="queue-filters-title"
        onApply={() => {
          setFilter({ ...filters.values });
        }}
      >
        <FilterSelect
          {...filters.field('stage')}
          label={t('queue.stage')}
          options={[
            { value: 'open', label: t('queue.stage.open') },
            { value: 'closed', label: t('queue.stage.closed') },
          ]}
        />
        <FilterSelect
          {...filters.field('state')}
          label={t('filter.state')}
          options={SHOWN_STATES.filter((s) => s !== 'draft').map((s) => ({
            value: s,
            label: t(`state.${s}` as const),
          }))}
        />
        <TextField {...filters.field('q')} label={t('filter.q')} hint={t('filter.q.hint')} optional />
        <FilterSelect
          {...filters.field('assigned')}
          label={t('filter.assigned')}
          options={[
            { value: 'me', label: t('filter.assigned.me') },
            { value: 'unassigned', label: t('filter.assigned.unassigned') },
          ]}
        />
      </FilterForm>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {sorted === undefined ? (
        <Loading />
      ) : (
        <>
          <p role="status">{t('queue.count', { count: sorted.length })}</p>
          {sorted.length === 0 ? (
            <p>{t('queue.empty')}</p>
          ) : (
            <Table
              caption={t('queue.title')}
              className="dossier-table queue-table"
              rows={sorted}
              rowKey={(d) => d.id}
              rowAttributes={(d) => {
                const urgency = urgencyOf(d.daysLeft);
                return { className: urgency ? `urgency-${urgency}` : undefined };
              }}
              columns={[
                {
                  header: t('col.actionNeeded'),
                  cell: (d) => {
                    const action = actionNeeded(d);
                    return action ? (
                      <strong className="action-needed">{t(`queue.action.${action}` as const)}</strong>
                    ) : (
                      <span className="muted">{t('queue.action.none')}</span>
                    );
                  },
                },
                {
                  header: t('col.deadline'),
                  cell: (d) => {
                    const urgency = urgencyOf(d.daysLeft);
                    return (
                      <>
                        {urgency && (
                          <>
                            <strong className={`flag flag-${urgency}`}>
                              {t(urgency === 'overdue' ? 'queue.flag.overdue' : 'queue.flag.near')}
                            </strong>
                            <br />
                          </>
                        )}
                        <Due dossier={d} none={<span className="muted">{t('queue.noDeadline')}</span>} />
                      </>
                    );
                  },
                },
                columns.reference((d) => ({ to: `/dossiers/${d.id}` })),
                columns.worker,
                columns.employer,
                columns.category,
                columns.state,
                {
                  header: t('col.assignee'),
                  cell: (d) =>
                    d.assignee ? (d.assignee.isMe ? t('queue.assignee.me') : d.assignee.name) : '—',
                },
              ]}
            />
          )}
        </>
      )}
    </Page>
  );
}
