import Link from 'next/link';
import { formatBps, formatFen } from '@/domain/money';
import type { Cell, ReportTable } from '@/lib/reports/monthly-tables';

/** One cell of the 通报: money with a link to its rows, counts, shares, text. data-* carry the exact value. */
function CellView({ c }: { c: Cell }) {
  const link = (href: string | undefined, body: string) =>
    href ? (
      <Link href={href} className="text-brand-700 underline underline-offset-2 print:text-black print:no-underline">
        {body}
      </Link>
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
          {t.rows.length ? (
            <div className="mt-1 overflow-x-auto" role="region" aria-labelledby={`rt-${t.id}`} tabIndex={0}>
              <table
                className={`w-full border-collapse text-left text-sm print:min-w-0 ${t.columns.length > 3 ? 'min-w-[28rem]' : ''}`}
              >
                <thead>
                  <tr className="border-b border-neutral-400">
                    {t.columns.map((h, i) => (
                      <th
                        key={h}
                        scope="col"
                        className={`py-1 pr-3 font-medium ${numeric(t.rows[0]?.[i]) ? 'text-right' : ''}`}
                      >
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((r, i) => (
                    <tr key={i} className="border-b border-neutral-100">
                      {r.map((c, j) => (
                        <td key={j} className={`py-1 pr-3 ${numeric(c) ? 'text-right tabular' : ''}`}>
                          <CellView c={c} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                {t.footer ? (
                  <tfoot>
                    <tr className="border-t border-neutral-400 font-medium">
                      {t.footer.map((c, j) => (
                        <td key={j} className={`py-1 pr-3 ${numeric(c) ? 'text-right tabular' : ''}`}>
                          <CellView c={c} />
                        </td>
                      ))}
                    </tr>
                  </tfoot>
                ) : null}
              </table>
            </div>
          ) : (
            <p className="mt-1 text-sm text-neutral-700">{t.empty}</p>
          )}
        </section>
      ))}
    </div>
  );
}
