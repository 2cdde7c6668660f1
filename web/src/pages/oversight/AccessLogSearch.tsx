import { useState } from 'react';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../../src/contract/organisations';
import type { OversightAccessEntry } from '../../../../src/contract/oversight';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DateField, TextField } from '../../components/fields';
import { FilterForm } from '../../components/FilterForm';
import { Loading, MoreButton } from '../../components/Page';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n/context';
import { useForm } from '../../lib/useForm';
import { usePagedList } from '../../lib/usePagedList';

const EMPTY = { reference: '', organisation: '', from: '', until: '' };
const queryOf = (f: typeof EMPTY) => ({
  reference: f.reference.trim(),
  organisation: f.organisation.trim().length >= 2 ? f.organisation.trim() : undefined,
  from: f.from,
  until: f.until,
});
const ORG_KEYS: Record<string, true> = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, true]));

/** The DPO's search of the access log: who read which dossier's data, when and why, page by page. */
export function AccessLogSearch() {
  const { t, formatDateTime } = useI18n();
  // The kinds' labels speak to the worker ("You"); here the person read about is named as such.
  const kindLabel = (kind: string) =>
    kind === 'worker'
      ? t('col.worker')
      : kind in ORG_KEYS
        ? t(`orgKind.${kind as OrganisationKind}` as const)
        : '';
  const filters = useForm('log', EMPTY);
  const [filter, setFilter] = useState(EMPTY);
  const { items, error, more } = usePagedList<OversightAccessEntry, typeof EMPTY>(
    '/access-log',
    filter,
    queryOf,
    {
      limit: 25,
    },
  );
  return (
    <section aria-labelledby="oversight-log-title">
      <h2 id="oversight-log-title">{t('oversight.log.title')}</h2>
      <p>{t('oversight.log.lead')}</p>
      <FilterForm
        id="oversight-log-filters"
        onApply={() => {
          setFilter({ ...filters.values });
        }}
        onReset={() => {
          filters.reset();
          setFilter(EMPTY);
        }}
      >
        <TextField
          {...filters.field('reference')}
          label={t('oversight.log.reference')}
          hint={t('oversight.log.reference.hint')}
          optional
          width="medium"
        />
        <TextField {...filters.field('organisation')} label={t('oversight.log.organisation')} optional />
        <DateField {...filters.field('from')} label={t('oversight.log.from')} optional />
        <DateField {...filters.field('until')} label={t('oversight.log.until')} optional />
      </FilterForm>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {items === undefined ? (
        <Loading />
      ) : items.length === 0 ? (
        <p role="status">{t('oversight.log.none')}</p>
      ) : (
        <>
          <Table
            caption={t('oversight.log.title')}
            className="oversight-log"
            rows={items}
            rowKey={(e) => e.id}
            columns={[
              { header: t('oversight.log.col.at'), cell: (e) => formatDateTime(e.at) },
              { header: t('col.reference'), cell: (e) => e.dossier.reference },
              {
                header: t('oversight.log.col.who'),
                cell: (e) => (
                  <>
                    {e.user.name}
                    <br />
                    <span className="muted">
                      {kindLabel(e.organisation.kind)} —{e.organisation.name}
                    </span>
                  </>
                ),
              },
              {
                header: t('oversight.log.col.what'),
                cell: (e) => e.categories.map((c) => t(`dataCat.${c}` as const)).join(', '),
              },
              { header: t('oversight.log.col.purpose'), cell: (e) => e.purpose },
            ]}
          />
          <MoreButton more={more} label={t('oversight.log.more')} />
        </>
      )}
    </section>
  );
}
