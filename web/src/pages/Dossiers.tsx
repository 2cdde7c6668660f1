import { useCallback, useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { STATES } from '../../../src/contract/states';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { Loading, Page } from '../components/Page';
import { StateTag } from '../components/StateTag';
import { useI18n } from '../i18n/context';
import { ApiError, api } from '../lib/api';
import { daysLeftText, workerName } from '../lib/format';
import { isApplicantKind, useSession } from '../lib/session';
import type { DossierSummary, Mandate } from '../lib/types';

interface Filters {
  state: string;
  procedure: string;
  q: string;
  employer: string;
  deadline: '' | 'overdue' | 'week' | 'month';
}

const EMPTY: Filters = { state: '', procedure: '', q: '', employer: '', deadline: '' };

/** Deadline and employer are narrowed here: the API filters by state, procedure and search term. */
function keep(d: DossierSummary, f: Filters): boolean {
  if (f.employer && d.applicant.organisationId !== f.employer) return false;
  if (f.deadline) {
    if (d.daysLeft === null) return false;
    if (f.deadline === 'overdue' && d.daysLeft >= 0) return false;
    if (f.deadline === 'week' && (d.daysLeft < 0 || d.daysLeft > 7)) return false;
    if (f.deadline === 'month' && (d.daysLeft < 0 || d.daysLeft > 30)) return false;
  }
  return true;
}

export function Dossiers() {
  const { t, formatDate } = useI18n();
  const { session, platform } = useSession();
  const kind = session?.organisation.kind;
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<DossierSummary[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [mandates, setMandates] = useState<Mandate[]>([]);

  const load = useCallback(
    async (f: Filters, after: string | null) => {
      const params = new URLSearchParams({ limit: '50' });
      if (f.state) params.set('state', f.state);
      if (f.procedure) params.set('procedure', f.procedure);
      if (f.q.trim().length >= 2) params.set('q', f.q.trim());
      if (after) params.set('cursor', after);
      try {
        const page = await api<{ items: DossierSummary[]; nextCursor: string | null }>(
          'GET',
          `/dossiers?${params.toString()}`,
        );
        setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (e) {
        setError(e instanceof ApiError && e.title ? e.title : t('error.generic'));
        setItems((prev) => prev ?? []);
      }
    },
    [t],
  );

  useEffect(() => {
    void load(applied, null);
  }, [applied, load]);

  useEffect(() => {
    if (kind === 'mandatary')
      api<{ items: Mandate[] }>('GET', '/mandates').then(
        (m) => {
          setMandates(m.items);
        },
        () => undefined,
      );
  }, [kind]);

  const employers = useMemo(() => {
    const names = new Map<string, string>();
    for (const m of mandates) if (!m.revokedAt) names.set(m.employer.id, m.employer.name);
    for (const d of items ?? []) names.set(d.applicant.organisationId, d.applicant.name);
    return [...names]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [mandates, items]);

  const shown = (items ?? []).filter((d) => keep(d, applied));
  const title =
    kind === 'mandatary'
      ? t('dossiers.title.mandatary')
      : kind === 'worker'
        ? t('dossiers.title.worker')
        : t('dossiers.title');
  const lead =
    kind === 'mandatary'
      ? t('dossiers.lead.mandatary')
      : kind === 'worker'
        ? t('dossiers.lead.worker')
        : t('dossiers.lead');

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setApplied(draft);
  };

  return (
    <Page title={title} lead={lead}>
      <p className="actions">
        {isApplicantKind(kind) && (
          <Link className="button" to="/new">
            {t('dossiers.new')}
          </Link>
        )}
        {kind === 'worker' && (
          <Link className="button" to="/claim">
            {t('dossiers.claim')}
          </Link>
        )}
      </p>
      <form className="filters" onSubmit={submit} aria-labelledby="filters-title">
        <h2 id="filters-title">{t('filter.title')}</h2>
        <div className="filter-grid">
          <SelectField
            id="filter-state"
            label={t('filter.state')}
            value={draft.state}
            placeholder={t('filter.all')}
            onChange={(v) => {
              setDraft({ ...draft, state: v });
            }}
            options={STATES.map((s) => ({ value: s, label: t(`state.${s}` as const) }))}
          />
          <SelectField
            id="filter-procedure"
            label={t('filter.procedure')}
            value={draft.procedure}
            placeholder={t('filter.all')}
            onChange={(v) => {
              setDraft({ ...draft, procedure: v });
            }}
            options={(platform?.procedures ?? ['single_permit', 'work_permit']).map((p) => ({
              value: p,
              label: t(`procedure.${p}` as const),
            }))}
          />
          {kind === 'mandatary' && (
            <SelectField
              id="filter-employer"
              label={t('filter.employer')}
              value={draft.employer}
              placeholder={t('filter.all')}
              onChange={(v) => {
                setDraft({ ...draft, employer: v });
              }}
              options={employers}
            />
          )}
          <SelectField
            id="filter-deadline"
            label={t('filter.deadline')}
            value={draft.deadline}
            placeholder={t('filter.all')}
            onChange={(v) => {
              setDraft({ ...draft, deadline: v as Filters['deadline'] });
            }}
            options={[
              { value: 'overdue', label: t('filter.deadline.overdue') },
              { value: 'week', label: t('filter.deadline.week') },
              { value: 'month', label: t('filter.deadline.month') },
            ]}
          />
          <TextField
            id="filter-q"
            label={t('filter.q')}
            hint={t('filter.q.hint')}
            value={draft.q}
            onChange={(v) => {
              setDraft({ ...draft, q: v });
            }}
          />
        </div>
        <p className="actions">
          <button type="submit" className="button">
            {t('filter.apply')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
            }}
          >
            {t('filter.reset')}
          </button>
        </p>
      </form>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {items === undefined ? (
        <Loading />
      ) : (
        <>
          <p role="status">{t('dossiers.count', { count: shown.length })}</p>
          {shown.length === 0 ? (
            <p>{kind === 'worker' ? t('dossiers.empty.worker') : t('dossiers.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="dossier-table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.reference')}</th>
                    <th scope="col">{t('col.worker')}</th>
                    {kind !== 'employer' && <th scope="col">{t('col.employer')}</th>}
                    <th scope="col">{t('col.category')}</th>
                    <th scope="col">{t('col.state')}</th>
                    <th scope="col">{t('col.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((d) => (
                    <tr key={d.id}>
                      <td data-label={t('col.reference')}>
                        <Link
                          to={
                            d.state === 'draft' && isApplicantKind(kind)
                              ? `/dossiers/${d.id}/edit/identity`
                              : `/dossiers/${d.id}`
                          }
                        >
                          {d.reference}
                        </Link>
                      </td>
                      <td data-label={t('col.worker')}>{workerName(d.worker)}</td>
                      {kind !== 'employer' && <td data-label={t('col.employer')}>{d.applicant.name}</td>}
                      <td data-label={t('col.category')}>{t(`category.${d.category}` as const)}</td>
                      <td data-label={t('col.state')}>
                        <StateTag state={d.state} />
                      </td>
                      <td data-label={t('col.deadline')}>
                        {d.dueDate ? (
                          <>
                            {formatDate(d.dueDate)}
                            <br />
                            <span className={d.daysLeft !== null && d.daysLeft < 0 ? 'overdue' : 'muted'}>
                              {daysLeftText(t, d.daysLeft)}
                            </span>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {cursor && (
            <p>
              <button type="button" className="button secondary" onClick={() => void load(applied, cursor)}>
                {t('dossiers.more')}
              </button>
            </p>
          )}
        </>
      )}
    </Page>
  );
}
