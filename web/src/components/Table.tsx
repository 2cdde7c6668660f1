import type { ReactNode } from 'react';

export interface Column<T> {
  /** The column's header, also each cell's `data-label`: a phone stacks the cells under it. */
  header: string;
  cell: (row: T) => ReactNode;
}

/** A table of rows with a caption for screen readers, scrolled on its own when wider than the page. */
export function Table<T>({
  caption,
  className,
  columns,
  rows,
  rowKey,
  rowAttributes,
}: {
  caption: string;
  className: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowAttributes?: (row: T) => { className?: string | undefined; 'data-reference'?: string };
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {columns.map((c, i) => (
                <td key={i} data-label={c.header}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
