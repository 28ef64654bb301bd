import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { z } from 'zod';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { DRILL_DIMS, drillDown } from '@/db/queries/impact';
import { adminPageUser } from '@/lib/auth/admin-page';
import { formatFen } from '@/domain/money';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { cleanInput } from '@/lib/validation/clean-input';

export const metadata: Metadata = { title: '订单明细', robots: { index: false } };

const querySchema = z.object({
  dim: z.enum(DRILL_DIMS).default('total'),
  key: z.string().max(80).default(''),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  // A period of the monthly 通报 (China dates, both included) instead of the programme year.
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function DrillDownPage(props: Props) {
  return (
    <AdminShell title="订单明细">
      <Orders {...props} />
    </AdminShell>
  );
}

async function Orders({ searchParams }: Props) {
  await connection();
  if (!(await adminPageUser('/admin/impact'))) return <Forbidden message="只有消费扶贫办公室可以查看。" />;
  const parsed = querySchema.safeParse(cleanInput(await searchParams));
  if (!parsed.success) return <p className="text-brand-700">查询参数无效。</p>;
  const { dim, key, page, from, to } = parsed.data;
  const days = from && to && from <= to ? { fromDay: from, toDay: to } : undefined;
  const r = await drillDown({ dim, key, page, pageSize: 50, days });
  const period = days ? `&from=${days.fromDay}&to=${days.toDay}` : '';
  const qs = (p: number) => `/admin/impact/orders?dim=${dim}&key=${encodeURIComponent(key)}${period}&page=${p}`;
  return (
    <div className="space-y-4">
      <p className="text-sm text-neutral-700">
        {days ? `${days.fromDay} 至 ${days.toDay}` : `${r.year} 年`} · 维度 {dim}
        {key ? ` = ${key}` : ''} · 每笔订单在该维度下的商品行金额（已扣退款）。
        <Link href="/admin/impact" className="ml-2 text-brand-700 underline underline-offset-2">
          返回看板
        </Link>
      </p>
      <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-neutral-200">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <thead>
            <tr className="text-neutral-600">
              <th className="p-2 font-medium">订单号</th>
              <th className="p-2 font-medium">付款时间</th>
              <th className="p-2 font-medium">状态</th>
              <th className="p-2 text-right font-medium">计入目标</th>
              <th className="p-2 text-right font-medium">未认定</th>
              <th className="p-2 text-right font-medium">退款</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((o) => (
              <tr key={o.orderNo} className="border-t border-neutral-100">
                <td className="p-2">
                  <Link href={`/orders/${o.orderNo}`} className="text-brand-700 tabular underline underline-offset-2">
                    {o.orderNo}
                  </Link>
                </td>
                <td className="p-2">{o.paidAt ? formatChinaDateTime(o.paidAt) : ''}</td>
                <td className="p-2">{ORDER_STATUS_LABELS[o.status as OrderStatus] ?? o.status}</td>
                <td className="p-2 text-right tabular">{formatFen(o.countedFen)}</td>
                <td className="p-2 text-right tabular">{formatFen(o.uncountedFen)}</td>
                <td className="p-2 text-right tabular">{formatFen(o.refundFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.rows.length ? null : <p className="p-4 text-neutral-700">没有订单。</p>}
      </div>
      <nav aria-label="分页" className="flex gap-2">
        {page > 1 ? (
          <Link
            href={qs(page - 1)}
            className="inline-flex min-h-11 items-center rounded-lg px-4 ring-1 ring-neutral-300"
          >
            上一页
          </Link>
        ) : null}
        {r.hasMore ? (
          <Link
            href={qs(page + 1)}
            className="inline-flex min-h-11 items-center rounded-lg px-4 ring-1 ring-neutral-300"
          >
            下一页
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
