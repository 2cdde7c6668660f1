import { useEffect, useState, type SyntheticEvent } from 'react';
import type { OpenDataTable, OpenDataView } from '../../../../src/contract/statistics';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Loading, Page } from '../../components/Page';
import type { Column } from '../../components/Table';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/en';
import { api, problemText } from '../../lib/api';
import { ChartFigure } from './ChartFigure';

type Row = { label: string; total: number | null; values: (number | null)[] } & Record<string, unknown>;

/**
 * Open data without sign-in (lifecycle.md §3): the year's counts by region and citizenship per
 * procedure. A suppressed cell says so in words, never only by a sign or a colour.
 */
export function OpenData() {
  const { t, countryName } = useI18n();
  const [yearText, setYearText] = useState(String(new Date().getFullYear() - 1));
  const [year, setYear] = useState(yearText);
  const [view, setView] = useState<OpenDataView | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    setView(undefined);
    api<OpenDataView>('GET', `/open-data/permits?year=${encodeURIComponent(year)}`).then(
      (v) => {
        setView(v);
        setError(undefined);
      },
      (e: unknown) => {
        setError(problemText(e, t('error.generic')));
      },
    );
  }, [year, t]);

  const invalid = /^\d{4}$/.test(yearText) ? undefined : t('openData.yearFormat');
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (!invalid) setYear(yearText);
  };
  const shown = (n: number | null) => (n === null ? t('openData.suppressed') : String(n));
  const rowLabel = (table: OpenDataTable, key: string) =>
    key === 'total'
      ? t('openData.total')
      : table.rows === 'region'
        ? t(`region.${key}` as MessageKey)
        : countryName(key);

  return (
    <Page title={t('openData.title')} lead={t('openData.lead')}>
      <form className="filter-form" onSubmit={submit} noValidate>
        <TextField
          id="open-data-year"
          label={t('openData.year')}
          width="short"
          inputMode="numeric"
          value={yearText}
          error={yearText === year ? undefined : invalid}
          onChange={setYearText}
        />
        <p className="actions">
          <button type="submit" className="button">
            {t('stats.show')}
          </button>
        </p>
      </form>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {!view && !error && <Loading />}
      {view && (
        <>
          <p>
            {t('openData.suppression', { threshold: view.threshold })}{' '}
            <a href={`/api/v1/open-data/permits?year=${view.year}&format=csv`} download>
              {t('stats.csv')}
            </a>
          </p>
          {view.tables.map((table) => {
            const title = t('openData.tableTitle', {
              measure: t(`openData.measure.${table.measure}` as MessageKey),
              rows: t(`openData.rows.${table.rows}` as MessageKey),
            });
            const rows: Row[] = table.cells.map((c) => ({
              label: rowLabel(table, c.row),
              total: c.total,
              values: c.values,
              ...Object.fromEntries(table.columns.map((col, i) => [col, c.values[i] ?? null])),
            }));
            const columns: Column<Row>[] = [
              { header: t(`openData.rows.${table.rows}` as MessageKey), cell: (r) => r.label },
              ...table.columns.map((col, i) => ({
                header: t(`procedure.${col}` as MessageKey),
                cell: (r: Row) => shown(r.values[i] ?? null),
              })),
              { header: t('openData.total'), cell: (r) => shown(r.total) },
            ];
            return (
              <ChartFigure
                key={`${table.measure}-${table.rows}`}
                title={title}
                summary={
                  table.total === null
                    ? t('openData.summarySuppressed')
                    : t('openData.summary', { total: table.total, year: view.year })
                }
                rows={rows}
                series={table.columns.map((col) => ({
                  key: col,
                  label: t(`procedure.${col}` as MessageKey),
                }))}
                columns={columns}
                tableCaption={title}
              />
            );
          })}
        </>
      )}
    </Page>
  );
}
