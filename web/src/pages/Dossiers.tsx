import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { SHOWN_STATES } from '../../../src/contract/states';
import { Due, useDossierColumns } from '../components/dossierColumns';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { FilterForm, FilterSelect } from '../components/FilterForm';
import { Loading, MoreButton, Page } from '../components/Page';
import { Table } from '../components/Table';
import { useI18n } from '../i18n/context';
import { api } from '../lib/api';
import { isApplicantKind, useSession } from '../lib/session';
import type { DossierSummary, Mandate } from '../lib/types';
import { useForm } from '../lib/useForm';
import { searchTerm, usePagedList } from '../lib/usePagedList';

type Filters = {
  state: string;
  procedure: string;
  q: string;
  employer: string;
  deadline: '' | 'overdue' | 'week' | 'month';
};

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

const queryOf = (f: Filters) => ({ state: f.state, procedure: f.procedure, q: searchTerm(f.q) });

export function Dossiers() {
  const { t } = useI18n();
  const { session, platform } = useSession();
  const kind = session?.organisation.kind;
  const filters = useForm('filter', EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const { items, error, more } = usePagedList<DossierSummary, Filters>('/dossiers', applied, queryOf);
  const [mandates, setMandates] = useState<Mandate[]>([]);
  const columns = useDossierColumns();

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
      <FilterForm
        id="filters-title"
        onApply={() => {
          setApplied(filters.values);
        }}
        onReset={() => {
          filters.reset();
          setApplied(EMPTY);
        }}
      >
        <FilterSelect
          {...filters.field('state')}
          label={t('filter.state')}
          options={SHOWN_STATES.map((s) => ({ value: s, label: t(`state.${s}` as const) }))}
        />
        <FilterSelect
          {...filters.field('procedure')}
          label={t('filter.procedure')}
          options={(platform?.procedures ?? ['single_permit', 'work_permit']).map((p) => ({
            value: p,
            label: t(`procedure.${p}` as const),
          }))}
        />
        {kind === 'mandatary' && (
          <FilterSelect {...filters.field('employer')} label={t('filter.employer')} options={employers} />
        )}
        <FilterSelect
          {...filters.field('deadline')}
          label={t('filter.deadline')}
          options={[
            { value: 'overdue', label: t('filter.deadline.overdue') },
            { value: 'week', label: t('filter.deadline.week') },
            { value: 'month', label: t('filter.deadline.month') },
          ]}
        />
        <TextField {...filters.field('q')} label={t('filter.q')} hint={t('filter.q.hint')} />
      </FilterForm>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {items === undefined ? (
        <Loading />
      ) : (
        <>
          <p role="status">{t('dossiers.count', { count: shown.length })}</p>
          {shown.length === 0 ? (
            <p>{kind === 'worker' ? t('dossiers.empty.worker') : t('dossiers.empty')}</p>
          ) : (
            <Table
              caption={title}
              className="dossier-table"
              rows={shown}
              rowKey={(d) => d.id}
              columns={[
                columns.reference((d) => ({
                  to:
                    d.state === 'draft' && isApplicantKind(kind)
                      ? `/dossiers/${d.id}/edit/identity`
                      : `/dossiers/${d.id}`,
                })),
                columns.worker,
                ...(kind !== 'employer' ? [columns.employer] : []),
                columns.category,
                columns.state,
                { header: t('col.deadline'), cell: (d) => <Due dossier={d} none="—" /> },
              ]}
            />
          )}
          <MoreButton more={more} label={t('dossiers.more')} />
        </>
      )}
    </Page>
  );
}
