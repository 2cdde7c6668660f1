import { useEffect, useRef, useState, type ReactNode } from 'react';

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
  const wrap = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(wrap);
  return (
    <div
      className="table-wrap"
      ref={wrap}
      // A table wider than the screen scrolls on its own: a keyboard must reach it too (WCAG 2.1.1).
      {...(scrolls && { tabIndex: 0, role: 'region', 'aria-label': caption })}
    >
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

/** Whether the element is narrower than what it holds, as the window is resized. */
function useScrolls(ref: { current: HTMLElement | null }): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => {
      setScrolls(element.scrollWidth > element.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const inner = element.firstElementChild;
    if (inner) observer.observe(inner);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return scrolls;
}
