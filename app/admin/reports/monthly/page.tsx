import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Forbidden } from '@/components/auth/forbidden';
import { ReportTables } from '@/components/benefit/report-tables';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { PageHeading } from '@/components/ui/page-heading';
import { adminPageUser } from '@/lib/auth/admin-page';
import { buildMonthlyReport } from '@/lib/reports/monthly';
import { monthlyTables } from '@/lib/reports/monthly-tables';
import { cleanInput } from '@/lib/validation/clean-input';
import { monthField } from '@/lib/validation/benefit';
import { chinaDate, chinaMonth, formatChinaDateTime } from '@/domain/time';
import { z } from 'zod';

export const metadata: Metadata = { title: '月度通报', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const querySchema = z.object({ month: monthField.default(() => chinaMonth()) });

export default async function MonthlyReportPage({ searchParams }: Props) {
  await connection();
  if (!(await adminPageUser('/admin/reports/monthly')))
    return <Forbidden message="只有消费扶贫办公室可以查看月度通报。" />;
  const parsed = querySchema.safeParse(cleanInput(await searchParams));
  if (!parsed.success) return <Notice tone="error">月份应为 YYYY-MM（如 2026-07）。</Notice>;
  const { month } = parsed.data;
  const report = await buildMonthlyReport(month);
  const tables = monthlyTables(report);
  return (
    <>
      <div className="print:hidden">
        <PageHeading title="月度通报" />
      </div>
      <article className="mx-auto max-w-[210mm] bg-white p-4 ring-1 ring-neutral-200 print:max-w-none print:p-0 print:ring-0">
        <style>
          {
            '@page { size: A4; margin: 15mm } @media print { header, footer, nav, [role=note] { display: none !important } main { padding: 0 } }'
          }
        </style>
        <form method="get" className="flex flex-wrap items-end gap-2 print:hidden" aria-label="选择月份">
          <Field id="month" label="月份">
            {(c) => <input {...c} type="month" name="month" defaultValue={month} className={inputClass} />}
          </Field>
          <Button type="submit" variant="secondary">
            查看
          </Button>
          <ButtonLink href={`/admin/reports/monthly/export?month=${month}&format=xlsx`} download>
            导出 Excel
          </ButtonLink>
          <ButtonLink href={`/admin/reports/monthly/export?month=${month}&format=csv`} variant="secondary" download>
            导出 CSV
          </ButtonLink>
        </form>
        <div className="mt-4 text-center">
          <h2 className="text-xl font-bold tracking-wide">个旧市消费扶贫月度通报</h2>
          <p className="mt-1 text-sm">
            {month}（{report.first} 至 {report.last}，北京时间）· 数据截至 {formatChinaDateTime(new Date())} ·
            个旧市消费扶贫办公室
          </p>
        </div>
        <p className="mt-3 text-xs text-neutral-700">
          销售额按计入目标的规则统计（已付款、下单时处于认定有效期的扶贫产品商品金额，减退款，不含运费）；带贫发放只统计已核实的记录。点击金额可查看构成该数字的订单或发放记录。本页与导出文件的每个数字一致。
        </p>
        <div className="mt-4">
          <ReportTables tables={tables} />
        </div>
        <p className="mt-6 text-right text-sm">报送日期：{chinaDate()}</p>
      </article>
    </>
  );
}
