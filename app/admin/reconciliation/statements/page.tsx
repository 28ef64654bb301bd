import type { Metadata } from 'next';
import { StatementImport } from '@/components/admin/statement-import';
import { PageHeading } from '@/components/ui/page-heading';
import { chinaDateOffset } from '@/domain/time';
import { importStatementAction } from '@/lib/actions/statements';
import { requireAdmin } from '@/lib/auth/guards';

export const metadata: Metadata = { title: '对账单核对' };

/** 对账单核对: a provider's daily statement against the store's payments and refunds (issue 19). */
export default async function StatementsPage() {
  await requireAdmin();
  return (
    <div className="space-y-4">
      <PageHeading title="对账单核对" />
      <p className="text-sm text-neutral-700">
        从支付宝商家中心下载“业务明细”对账单，或从微信支付商户平台下载“交易账单”，选择账单日期后导入。
        按支付平台单号逐笔核对商城的收款与退款，列出双方缺失和金额不一致之处，金额精确到分。导入只读取文件，不改动订单，并记入操作日志。
      </p>
      <StatementImport action={importStatementAction} today={chinaDateOffset(-1)} />
    </div>
  );
}
