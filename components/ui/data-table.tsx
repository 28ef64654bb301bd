import { useId, type Key, type ReactNode } from 'react';

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Figures are right-aligned in tabular numerals. */
  numeric?: boolean;
  /** The footer cell (a 合计 row), when the table has one. */
  foot?: ReactNode;
};

export type DataTableProps<T> = {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => Key;
  /** Extra classes for a row (e.g. a muted pending row). */
  rowClass?: (row: T) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** A Tailwind min-width class (e.g. min-w-[640px]) for tables too wide to squeeze. */
  minWidth?: string;
  /** Tighter cells for tables inside a card. */
  dense?: boolean;
  className?: string;
};

/**
 * An accessible table: a caption (visible or for screen readers) and column headers with scope. A table
 * given a minWidth scrolls in a region of its own on narrow screens, so a 390 px phone scrolls the
 * table, not the page; that region is named by the caption and focusable, so keyboards can scroll it.
 */
export function DataTable<T>({
  caption,
  captionHidden = true,
  columns,
  rows,
  rowKey,
  rowClass,
  empty,
  minWidth = '',
  dense = false,
  className = '',
}: DataTableProps<T>) {
  const captionId = useId();
  if (!rows.length && empty !== undefined) return <p className={`text-sm text-neutral-700 ${className}`}>{empty}</p>;
  const pad = dense ? 'py-1 pr-3 last:pr-0' : 'px-3 py-2';
  const align = (c: Column<T>) => (c.numeric ? 'text-right tabular' : '');
  const hasFoot = columns.some((c) => c.foot !== undefined);
  return (
    <div
      className={`overflow-x-auto ${className}`}
      {...(minWidth ? { role: 'region', tabIndex: 0, 'aria-labelledby': captionId } : {})}
    >
      <table className={`w-full text-left text-sm ${minWidth}`}>
        <caption
          id={captionId}
          className={captionHidden ? 'sr-only' : `pb-2 text-left font-semibold ${dense ? '' : 'px-3 pt-3'}`}
        >
          {caption}
        </caption>
        <thead className={`text-neutral-700 ${dense ? '' : 'bg-neutral-50'}`}>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`${pad} font-medium ${c.numeric ? 'text-right' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className={`border-t border-neutral-100 ${rowClass?.(r) ?? ''}`}>
              {columns.map((c, i) => (
                <td key={i} className={`${pad} ${align(c)}`}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {hasFoot ? (
          <tfoot>
            <tr className="border-t border-neutral-300 font-medium">
              {columns.map((c, i) => (
                <td key={i} className={`${pad} ${align(c)}`}>
                  {c.foot}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
