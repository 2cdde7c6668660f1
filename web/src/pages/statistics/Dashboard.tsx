import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import {
  DASHBOARD_DIMENSIONS,
  type DashboardRow,
  type DashboardView,
} from '../../../../src/contract/statistics';
import { REGIONS } from '../../../../src/contract/regions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { Loading, Page } from '../../components/Page';
import type { Column } from '../../components/Table';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/en';
import { api, problemText } from '../../lib/api';
import { useSession } from '../../lib/session';
import { ChartFigure } from './ChartFigure';

type Labelled = DashboardRow & { label: string };
type Filter = { from: string; to: string; by: string; region: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The dashboards of Art. 32 for DVZ, each region (its own figures: the server limits them) and the
 * management committee: filings, admissibility, decisions by outcome, processing time against the
 * legal deadline and requests for documents, by month or another dimension, with CSV export.
 */
export function Dashboard() {
  const { t, countryName, lang } = useI18n();
  // Percentiles may fall between two days: one decimal at most, written as the language writes it.
  const num = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
  const { session } = useSession();
  const ownRegion = session?.organisation.kind === 'regional_authority';
  const [form, setForm] = useState<Filter>({ from: '', to: '', by: 'month', region: '' });
  const [filter, setFilter] = useState<Filter>(form);
  const [view, setView] = useState<DashboardView | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const query = useMemo(() => {
    const q = new URLSearchParams({ by: filter.by });
    if (filter.from) q.set('from', filter.from);
    if (filter.to) q.set('to', filter.to);
    if (filter.region && !ownRegion) q.set('region', filter.region);
    return q.toString();
  }, [filter, ownRegion]);

  useEffect(() => {
    setView(undefined);
    api<DashboardView>('GET', `/statistics/dashboard?${query}`).then(
      (v) => {
        setView(v);
        setError(undefined);
      },
      (e: unknown) => {
        setError(problemText(e, t('error.generic')));
      },
    );
  }, [query, t]);

  const labelOf = (key: string): string => {
    if (key === 'unknown') return t('stats.unknown');
    switch (view?.by) {
      case 'procedure':
        return t(`procedure.${key}` as MessageKey);
      case 'category':
        return t(`category.${key}` as MessageKey);
      case 'region':
        return t(`region.${key}` as MessageKey);
      case 'nationality':
        return countryName(key);
      case 'sex':
        return t(`stats.sex.${key}` as MessageKey);
      case 'ageBand':
      case 'month':
      case undefined:
        return key;
    }
  };

  const rows: Labelled[] = (view?.rows ?? []).map((r) => ({ ...r, label: labelOf(r.key) }));
  const total = view?.total;
  const byLabel = t(`stats.by.${view?.by ?? 'month'}` as MessageKey);
  const keyColumn: Column<Labelled> = { header: byLabel, cell: (r) => r.label };
  const numberColumn = (key: keyof DashboardRow, header: string): Column<Labelled> => ({
    header,
    cell: (r) => {
      const value = r[key];
      return typeof value === 'number' ? num(value) : value === null ? t('stats.none') : value;
    },
  });

  const invalidMonth = (v: string) => (v !== '' && !MONTH.test(v) ? t('stats.monthFormat') : undefined);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (invalidMonth(form.from) || invalidMonth(form.to)) return;
    setFilter(form);
  };

  return (
    <Page title={t('stats.title')} lead={ownRegion ? t('stats.lead.region') : t('stats.lead')}>
      <form className="filter-form" onSubmit={submit} noValidate>
        <TextField
          id="stats-from"
          label={t('stats.from')}
          hint={t('stats.monthHint')}
          width="short"
          value={form.from}
          error={invalidMonth(form.from)}
          onChange={(v) => {
            setForm({ ...form, from: v });
          }}
        />
        <TextField
          id="stats-to"
          label={t('stats.to')}
          hint={t('stats.monthHint')}
          width="short"
          value={form.to}
          error={invalidMonth(form.to)}
          onChange={(v) => {
            setForm({ ...form, to: v });
          }}
        />
        <SelectField
          id="stats-by"
          label={t('stats.byLabel')}
          value={form.by}
          placeholder={t('stats.by.month')}
          options={DASHBOARD_DIMENSIONS.filter((d) => d !== 'month').map((d) => ({
            value: d,
            label: t(`stats.by.${d}` as MessageKey),
          }))}
          onChange={(v) => {
            setForm({ ...form, by: v || 'month' });
          }}
        />
        {!ownRegion && (
          <SelectField
            id="stats-region"
            label={t('stats.region')}
            value={form.region}
            placeholder={t('stats.allRegions')}
            options={REGIONS.map((r) => ({ value: r, label: t(`region.${r}` as MessageKey) }))}
            onChange={(v) => {
              setForm({ ...form, region: v });
            }}
          />
        )}
        <p className="actions">
          <button type="submit" className="button">
            {t('stats.show')}
          </button>
        </p>
      </form>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {!view && !error && <Loading />}
      {view && total && (
        <>
          <p>
            {t('stats.period', { from: view.from, to: view.to })}{' '}
            <a href={`/api/v1/statistics/dashboard?${query}&format=csv`} download>
              {t('stats.csv')}
            </a>
          </p>
          {rows.length === 0 && <p>{t('stats.empty')}</p>}
          {rows.length > 0 && (
            <>
              <ChartFigure
                title={t('stats.chart.volumes')}
                summary={t('stats.summary.volumes', {
                  filings: total.filings,
                  granted: total.granted,
                  refused: total.refused,
                  requests: total.documentRequests,
                })}
                rows={rows}
                series={[
                  { key: 'filings', label: t('stats.m.filings') },
                  { key: 'granted', label: t('stats.m.granted') },
                  { key: 'refused', label: t('stats.m.refused') },
                  { key: 'documentRequests', label: t('stats.m.documentRequests') },
                ]}
                columns={[
                  keyColumn,
                  numberColumn('filings', t('stats.m.filings')),
                  numberColumn('granted', t('stats.m.granted')),
                  numberColumn('refused', t('stats.m.refused')),
                  numberColumn('withdrawnByApplicant', t('stats.m.withdrawnByApplicant')),
                  numberColumn('documentRequests', t('stats.m.documentRequests')),
                ]}
                tableCaption={t('stats.chart.volumes')}
              />
              <ChartFigure
                title={t('stats.chart.admissibility')}
                summary={t('stats.summary.admissibility', {
                  admissible: total.admissible,
                  inadmissible: total.inadmissible,
                })}
                rows={rows}
                series={[
                  { key: 'admissible', label: t('stats.m.admissible') },
                  { key: 'inadmissible', label: t('stats.m.inadmissible') },
                ]}
                columns={[
                  keyColumn,
                  numberColumn('admissible', t('stats.m.admissible')),
                  numberColumn('inadmissible', t('stats.m.inadmissible')),
                ]}
                tableCaption={t('stats.chart.admissibility')}
              />
              <ChartFigure
                title={t('stats.chart.time')}
                summary={
                  total.medianDays === null
                    ? t('stats.summary.timeNone')
                    : t('stats.summary.time', {
                        median: num(total.medianDays),
                        p90: num(total.p90Days ?? 0),
                        within: total.withinDeadline,
                        decided: total.withinDeadline + total.pastDeadline,
                      })
                }
                rows={rows}
                series={[
                  { key: 'medianDays', label: t('stats.m.medianDays') },
                  { key: 'p90Days', label: t('stats.m.p90Days') },
                ]}
                columns={[
                  keyColumn,
                  numberColumn('medianDays', t('stats.m.medianDays')),
                  numberColumn('p90Days', t('stats.m.p90Days')),
                  numberColumn('withinDeadline', t('stats.m.withinDeadline')),
                  numberColumn('pastDeadline', t('stats.m.pastDeadline')),
                ]}
                tableCaption={t('stats.chart.time')}
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}
