import { formatFen } from '@/domain/money';
import type { DayPoint } from '@/domain/target-accounting';
import { cardClass } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { Money } from '../ui/money';

/**
 * Counted sales by day or week as an SVG bar chart drawn on the server (no chart library shipped to
 * phones), with the same figures in a table beside it for screen readers and for checking.
 */
export function TrendChart({ points, title, unit }: { points: DayPoint[]; title: string; unit: '日' | '周' }) {
  const shown = points.slice(-60);
  const max = shown.reduce((m, p) => (p.countedFen > m ? p.countedFen : m), 0n);
  const w = 600;
  const h = 160;
  const bw = shown.length ? Math.min(w / shown.length, 40) : w;
  return (
    <figure className={`p-4 ${cardClass}`}>
      <figcaption className="font-medium">{title}</figcaption>
      {shown.length ? (
        <svg
          viewBox={`0 0 ${w} ${h + 20}`}
          className="mt-2 w-full"
          role="img"
          aria-label={`${title}，共 ${shown.length} 个${unit}，数据见下表`}
        >
          {shown.map((p, i) => {
            const bh = max > 0n && p.countedFen > 0n ? Math.max(2, Number((p.countedFen * BigInt(h)) / max)) : 0;
            return (
              <rect
                key={p.day}
                x={i * bw + bw * 0.1}
                y={h - bh}
                width={bw * 0.8}
                height={bh}
                rx={2}
                className="fill-brand-600"
              >
                <title>{`${p.day}：${formatFen(p.countedFen)}`}</title>
              </rect>
            );
          })}
          <line x1={0} x2={w} y1={h} y2={h} className="stroke-neutral-300" />
          <text x={0} y={h + 16} className="fill-neutral-600 text-[11px]">
            {shown[0]!.day}
          </text>
          <text x={w} y={h + 16} textAnchor="end" className="fill-neutral-600 text-[11px]">
            {shown.at(-1)!.day}
          </text>
        </svg>
      ) : (
        <p className="mt-2 text-sm text-neutral-700">还没有销售。</p>
      )}
      {shown.length ? (
        <details className="mt-2 text-sm">
          <summary className="flex min-h-11 cursor-pointer items-center text-brand-700">查看数据表</summary>
          <DataTable
            caption={title}
            dense
            rows={[...shown].reverse()}
            rowKey={(p) => p.day}
            columns={[
              { header: unit === '日' ? '日期' : '周（周一起）', cell: (p) => p.day },
              { header: '计入目标', numeric: true, cell: (p) => <Money fen={p.countedFen} /> },
              { header: '未认定', numeric: true, cell: (p) => <Money fen={p.uncountedFen} /> },
            ]}
          />
        </details>
      ) : null}
    </figure>
  );
}
