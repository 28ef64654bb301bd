import { listUnitPurchaseLines } from '@/db/queries/unit-orders';
import { requireUser } from '@/lib/auth/guards';
import { buildXlsx, download, XLSX_TYPE } from '@/lib/bulk/xlsx-export';
import { fenToYuanText } from '@/domain/money';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';

/** The signed-in member's unit's purchases, line by line, as .xlsx. */
export const GET = route({ name: 'unit export' }, async () => {
  const user = await requireUser();
  const membership = user.unitMemberships.find((m) => m.unitStatus === 'verified');
  if (!membership) throw new AppError('forbidden', '您不是已认证单位的成员');
  const lines = await listUnitPurchaseLines({ unitId: membership.unitId });
  const rows = lines.map((l) => [
    l.orderNo,
    formatChinaDateTime(l.createdAt),
    ORDER_STATUS_LABELS[l.status],
    l.roundName ?? '',
    l.productName,
    l.productSpec,
    Number(fenToYuanText(l.unitPriceFen)),
    l.quantity,
    Number(fenToYuanText(l.lineTotalFen)),
    l.certifiedAtSale ? '是' : '否',
  ]);
  const xlsx = await buildXlsx(
    '采购明细',
    ['订单号', '下单时间', '状态', '推介会', '商品', '规格', '单价（元）', '数量', '金额（元）', '认定产品'],
    rows,
  );
  return download(xlsx, '单位采购明细.xlsx', XLSX_TYPE);
});
