import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { STATES } from '../../../src/contract/states';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { Loading, Page } from '../components/Page';
import { StateTag } from '../components/StateTag';
import { useI18n } from '../i18n/context';
import { ApiError, api } from '../lib/api';
import { daysLeftText, workerName } from '../lib/format';
import { byDeadline, urgencyOf } from '../lib/queue';
import type { DossierSummary } from '../lib/types';

/** The work queue of a regional authority or DVZ: what the gate lets it see, by deadline. */
export function WorkQueue() {
  const { t, formatDate } = useI18n();
  const [draft, setDraft] = useState('');
  const [draftAssigned, setDraftAssigned] = useState('');
  const [draftQ, setDraftQ] = useState('');
  const [filter, setFilter] = useState({ state: '', assigned: '', q: '' });
  const [items, setItems] = useState<DossierSummary[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const load = useCallback(
    async (f: { state: string; assigned: string; q: string }) => {
      try {
        const all: DossierSummary[] = [];
        let cursor: string | null = null;
        // The whole queue, page after page (bounded), so it can be sorted by deadline.
        for (let i = 0; i < 20; i++) {
          const params = new URLSearchParams({ limit: '100' });
          if (f.state) params.set('state', f.state);
          if (f.assigned) params.set('assigned', f.assigned);
          if (f.q.trim().length >= 2) params.set('q', f.q.trim());
          if (cursor) params.set('cursor', cursor);
          const page: { items: DossierSummary[]; nextCursor: string | null } = await api(
            'GET',
            `/dossiers?${params.toString()}`,
          );
          all.push(...page.items);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        setItems(all.sort(byDeadline));
        setError(undefined);
      } catch (e) {
        setError(e instanceof ApiError && e.title ? e.title : t('error.generic'));
        setItems((prev) => prev ?? []);
      }
    },
    [t],
  );

  useEffect(() => {
    void load(filter);
  }, [filter, load]);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setFilter({ state: draft, assigned: draftAssigned, q: draftQ });
  };

  return (
    <Page title={t('queue.title')} lead={t('queue.lead')}>
      <form className="filters" onSubmit={submit} aria-labelledby="queue-filters-title">
        <h2 id="queue-filters-title">{t('filter.title')}</h2>
        <div className="filter-grid">
          <SelectField
            id="queue-state"
            label={t('filter.state')}
            value={draft}
            placeholder={t('filter.all')}
            onChange={setDraft}
            options={STATES.filter((s) => s !== 'draft').map((s) => ({
              value: s,
              label: t(`state.${s}` as const),
            }))}
          />
          <TextField
            id="queue-q"
            label={t('filter.q')}
            hint={t('filter.q.hint')}
            optional
            value={draftQ}
            onChange={setDraftQ}
          />
          <SelectField
            id="queue-assigned"
            label={t('filter.assigned')}
            value={draftAssigned}
            placeholder={t('filter.all')}
            onChange={setDraftAssigned}
            options={[
              { value: 'me', label: t('filter.assigned.me') },
              { value: 'unassigned', label: t('filter.assigned.unassigned') },
            ]}
          />
        </div>
        <p className="actions">
          <button type="submit" className="button">
            {t('filter.apply')}
          </button>
        </p>
      </form>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {items === undefined ? (
        <Loading />
      ) : (
        <>
          <p role="status">{t('queue.count', { count: items.length })}</p>
          {items.length === 0 ? (
            <p>{t('queue.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="dossier-table queue-table">
                <caption className="visually-hidden">{t('queue.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.deadline')}</th>
                    <th scope="col">{t('col.reference')}</th>
                    <th scope="col">{t('col.worker')}</th>
                    <th scope="col">{t('col.employer')}</th>
                    <th scope="col">{t('col.category')}</th>
                    <th scope="col">{t('col.state')}</th>
                    <th scope="col">{t('col.assignee')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => {
                    const urgency = urgencyOf(d.daysLeft);
                    return (
                      <tr key={d.id} className={urgency ? `urgency-${urgency}` : undefined}>
                        <td data-label={t('col.deadline')}>
                          {urgency && (
                            <>
                              <strong className={`flag flag-${urgency}`}>
                                {t(urgency === 'overdue' ? 'queue.flag.overdue' : 'queue.flag.near')}
                              </strong>
                              <br />
                            </>
                          )}
                          {d.dueDate ? (
                            <>
                              {formatDate(d.dueDate)}
                              <br />
                              <span className={urgency === 'overdue' ? 'overdue' : 'muted'}>
                                {daysLeftText(t, d.daysLeft)}
                              </span>
                            </>
                          ) : (
                            <span className="muted">{t('queue.noDeadline')}</span>
                          )}
                        </td>
                        <td data-label={t('col.reference')}>
                          <Link to={`/dossiers/${d.id}`}>{d.reference}</Link>
                        </td>
                        <td data-label={t('col.worker')}>{workerName(d.worker)}</td>
                        <td data-label={t('col.employer')}>{d.applicant.name}</td>
                        <td data-label={t('col.category')}>{t(`category.${d.category}` as const)}</td>
                        <td data-label={t('col.state')}>
                          <StateTag state={d.state} />
                        </td>
                        <td data-label={t('col.assignee')}>
                          {d.assignee ? (d.assignee.isMe ? t('queue.assignee.me') : d.assignee.name) : '—'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
