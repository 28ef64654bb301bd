import { z } from 'zod';
import { buildCsv } from '@/domain/csv';
import { WAYBILL_HEADERS, waybillRows } from '@/domain/recipient-shipping';
import { requireSupplierMember } from '@/lib/auth/guards';
import { download } from '@/lib/bulk/xlsx-export';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { supplierShippingList } from '@/lib/orders/recipients';
import { orderNoSchema } from '@/lib/validation/orders';

/**
 * GET /workshop/orders/[orderNo]/waybills.csv?supplier=ID: the 面单 CSV of this supplier's parcels, in a
 * common courier batch-import layout, formula-escaped. Only a manager of that supplier, for a paid or
 * shippable order; the export is recorded in the audit log.
 */
export const GET = route(
  {
    name: 'waybill export',
    params: z.object({ orderNo: orderNoSchema }),
    query: z.object({ supplier: z.coerce.number().int().positive().max(2_147_483_647) }),
    notFound: '订单不存在',
    invalid: '参数无效：supplier 为供应商编号',
  },
  async ({ params: { orderNo }, query: { supplier } }) => {
    const user = await requireSupplierMember(supplier);
    const list = await supplierShippingList({ orderNo, supplierId: supplier, actorId: user.id, purpose: 'export' });
    if (!list) throw new AppError('not_found', '订单不存在、未付款，或不含本供应商的收货人');
    const rows = waybillRows(
      list.orderNo,
      list.parcels.map((p) => ({ ...p, item: `${p.productName}（${p.productSpec}）` })),
    );
    return download(buildCsv(WAYBILL_HEADERS, rows), `面单-${list.orderNo}.csv`, 'text/csv; charset=utf-8');
  },
);
