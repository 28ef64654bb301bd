import type { Metadata } from 'next';
import { connection } from 'next/server';
import { z } from 'zod';
import { DrillDownOrders } from '@/components/admin/drill-down';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { DRILL_DIMS, drillDown } from '@/db/queries/impact';
import { adminPageUser } from '@/lib/auth/admin-page';
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

export default async function DrillDownPage({ searchParams }: Props) {
  await connection();
  if (!(await adminPageUser('/admin/impact'))) return <Forbidden message="只有消费扶贫办公室可以查看。" />;
  const parsed = querySchema.safeParse(cleanInput(await searchParams));
  if (!parsed.success) return <p className="text-brand-700">查询参数无效。</p>;
  const { dim, key, page, from, to } = parsed.data;
  const days = from && to && from <= to ? { fromDay: from, toDay: to } : undefined;
  const r = await drillDown({ dim, key, page, pageSize: 50, days });
  return (
    <>
      <PageHeading title="订单明细" />
      <DrillDownOrders result={r} dim={dim} drillKey={key} page={page} days={days} />
    </>
  );
}
