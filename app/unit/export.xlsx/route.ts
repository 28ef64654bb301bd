import { listUnitPurchaseLines } from '@/db/queries/unit-orders';
import { requireUser } from '@/lib/auth/guards';
import { buildXlsx, download, XLSX_TYPE } from '@/lib/bulk/xlsx-export';
import { fenToYuanText } from '@/domain/money';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@/domain/order-state';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';

/** The signed-in member's unit's purchases, line by line, as .xlsx. */
export const GET = route({ name: 'unit export' }, async () => {
  const user = await requireUser();
  const membership = user.unitMemberships.find((m) => m.unitStatus === 'verified');
  if (!membership) throw new AppError('forbidden', '您不是已认证单位的成员');
  const lines = await listUnitPurchaseLines({ unitId: membership.unitId });
  const rows = lines.map((l) => [
    l.order_no,
    l.created_at.slice(0, 19),
    ORDER_STATUS_LABELS[l.status as OrderStatus] ?? l.status,
    l.round_name ?? '',
    l.product_name,
    l.product_spec,
    Number(fenToYuanText(l.unit_price_fen)),
    l.quantity,
    Number(fenToYuanText(BigInt(l.line_total_fen))),
    l.certified_at_sale ? '是' : '否',
  ]);
  const xlsx = await buildXlsx(
    '采购明细',
    ['订单号', '下单时间', '状态', '推介会', '商品', '规格', '单价（元）', '数量', '金额（元）', '认定产品'],
    rows,
  );
  return download(xlsx, '单位采购明细.xlsx', XLSX_TYPE);
});
