import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Table, type Column } from '../../components/Table';

/**
 * Colours of the series: each at least 4.5:1 against white, and never the only carrier of meaning —
 * the legend names each series, and the table beside the chart holds every number.
 */
export const SERIES_COLOURS = ['#1d3b6e', '#a84300', '#17663a', '#6b2d8f'] as const;

export interface Series {
  key: string;
  label: string;
}

/**
 * A chart as a figure: its title, a sentence that says what it shows, the bars, and the same
 * numbers as a table. The chart itself is reachable by keyboard (recharts' accessibility layer:
 * arrow keys move between the bars and the tooltip reads them out).
 */
export function ChartFigure<T extends { label: string }>({
  title,
  summary,
  rows,
  series,
  columns,
  tableCaption,
}: {
  title: string;
  summary: string;
  rows: readonly T[];
  series: readonly Series[];
  columns: Column<T>[];
  tableCaption: string;
}) {
  const id = useId();
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-summary`}>{summary}</p>
      <div className="chart-and-table">
        <div className="chart" aria-describedby={`${id}-summary`}>
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={rows} accessibilityLayer title={title} desc={summary}>
              <CartesianGrid strokeDasharray="3 3" stroke="#c8c8c8" />
              <XAxis dataKey="label" tick={{ fill: '#1b1b1b' }} />
              <YAxis allowDecimals={false} tick={{ fill: '#1b1b1b' }} />
              <Tooltip />
              <Legend />
              {series.map((s, i) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <Table
          caption={tableCaption}
          className="chart-table"
          columns={columns}
          rows={rows}
          rowKey={(r) => r.label}
        />
      </div>
    </figure>
  );
}
