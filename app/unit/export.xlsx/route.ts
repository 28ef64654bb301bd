import { listUnitPurchaseLines } from '@/db/queries/unit-orders';
import { requireUser } from '@/lib/auth/guards';
import { buildWorkbook, dateTime, download, money, XLSX_TYPE } from '@/lib/bulk/xlsx-export';
import { fundSourceText } from '@/domain/fund-source';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { maskedUnitRecipients } from '@/lib/orders/recipients';

/**
 * The signed-in member's unit's purchases, line by line, as .xlsx: money as numbers with a ¥ format, times
 * in China time; and, when its orders ship to recipients, a 收货人 sheet (masked) with each parcel.
 */
export const GET = route({ name: 'unit export' }, async () => {
  const user = await requireUser();
  const membership = user.unitMemberships.find((m) => m.unitStatus === 'verified');
  if (!membership) throw new AppError('forbidden', '您不是已认证单位的成员');
  const [lines, recipients] = await Promise.all([
    listUnitPurchaseLines({ unitId: membership.unitId }),
    maskedUnitRecipients({ unitId: membership.unitId }),
  ]);
  const purchases = {
    name: '采购明细',
    headers: [
      '订单号',
      '下单时间',
      '状态',
      '经费来源',
      '推介会',
      '商品',
      '规格',
      '单价（元）',
      '数量',
      '金额（元）',
      '认定产品',
    ],
    rows: lines.map((l) => [
      l.orderNo,
      dateTime(l.createdAt),
      ORDER_STATUS_LABELS[l.status],
      fundSourceText(l.fundSource),
      l.roundName ?? '',
      l.productName,
      l.productSpec,
      money(l.unitPriceFen),
      l.quantity,
      money(l.lineTotalFen),
      l.certifiedAtSale ? '是' : '否',
    ]),
  };
  const people = {
    name: '收货人',
    headers: [
      '订单号',
      '收货人编号',
      '收货人',
      '手机号',
      '地址',
      '商品',
      '规格',
      '数量',
      '快递公司',
      '运单号',
      '发货时间',
    ],
    rows: recipients.map((r) => [
      r.orderNo,
      r.recipientNo,
      r.name,
      r.mobile,
      r.address,
      r.productName,
      r.productSpec,
      r.quantity,
      r.shipment?.carrier ?? '待发货',
      r.shipment?.trackingNo ?? '',
      r.shipment ? dateTime(r.shipment.at) : '',
    ]),
  };
  const xlsx = await buildWorkbook(recipients.length ? [purchases, people] : [purchases]);
  return download(xlsx, '单位采购明细.xlsx', XLSX_TYPE);
});
