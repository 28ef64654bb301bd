import { IntentLink } from '@/components/layout/intent-link';
import { formatBps, formatFen } from '@/domain/money';
import type { Cell, ReportTable } from '@/lib/reports/monthly-tables';
import { DataTable } from '../ui/data-table';

/** One cell of the 通报: money with a link to its rows, counts, shares, text. data-* carry the exact value. */
function CellView({ c }: { c: Cell }) {
  const link = (href: string | undefined, body: string) =>
    href ? (
      <IntentLink
        href={href}
        className="text-brand-700 underline underline-offset-2 print:text-black print:no-underline"
      >
        {body}
      </IntentLink>
    ) : (
      body
    );
  switch (c.kind) {
    case 'text':
      return <>{link(c.href, c.text)}</>;
    case 'fen':
      return <span data-fen={String(c.fen)}>{link(c.href, formatFen(c.fen))}</span>;
    case 'int':
      return <span data-n={c.n}>{link(c.href, String(c.n))}</span>;
    case 'bps':
      return <span data-bps={c.bps}>{formatBps(c.bps)}</span>;
  }
}

const numeric = (c: Cell | undefined) => c?.kind === 'fen' || c?.kind === 'int' || c?.kind === 'bps';

/** The 通报's tables, as the page and the printout show them (the XLSX and CSV are made from the same tables). */
export function ReportTables({ tables }: { tables: ReportTable[] }) {
  return (
    <div className="space-y-6 print:space-y-4">
      {tables.map((t) => (
        <section key={t.id} aria-labelledby={`rt-${t.id}`} className="break-inside-avoid" data-table={t.id}>
          <h2 id={`rt-${t.id}`} className="font-semibold">
            {t.title}
          </h2>
          <DataTable
            caption={t.title}
            dense
            className="mt-1"
            minWidth={t.columns.length > 3 ? 'min-w-[28rem] print:min-w-0' : ''}
            rows={t.rows.map((cells, i) => ({ i, cells }))}
            rowKey={(r) => r.i}
            empty={t.empty}
            columns={t.columns.map((header, j) => ({
              header,
              numeric: numeric(t.rows[0]?.[j]),
              cell: (r: { cells: Cell[] }) => <CellView c={r.cells[j]!} />,
              foot: t.footer ? <CellView c={t.footer[j]!} /> : undefined,
            }))}
          />
        </section>
      ))}
    </div>
  );
}
