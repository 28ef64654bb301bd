import { caseAt, shippedOrderOf } from '@/scripts/test-support/authz-matrix/orders';
import type { Matrix } from '@/scripts/test-support/authz-matrix/world';

/**
 * 售后 (issue 16): the buyer confirms receipt, asks and ships the return; the line's supplier answers and
 * confirms the returned goods; the office decides refused cases (and may confirm a return too).
 */
export const afterSales: Matrix = {
  cases: {
    confirmReceiptAction: {
      allowed: ['buyer'],
      input: async () => ({ orderNo: (await shippedOrderOf(false)).orderNo }),
    },
    requestAfterSalesAction: {
      allowed: ['buyer'],
      input: async () => {
        const o = await shippedOrderOf(true);
        return { orderNo: o.orderNo, orderItemId: o.itemId, kind: 'return_refund', reason: 'quality', quantity: '1' };
      },
    },
    shipReturnAction: {
      allowed: ['buyer'],
      input: async () => ({ ...(await caseAt('awaiting_return')), carrier: '顺丰速运', trackingNo: 'SF998877' }),
    },
    supplierDecideAfterSalesAction: {
      allowed: ['managerA'],
      input: async () => ({ caseId: (await caseAt('requested')).caseId, decision: 'agree' }),
    },
    officeDecideAfterSalesAction: {
      allowed: ['admin'],
      input: async () => ({ caseId: (await caseAt('office_review')).caseId, decision: 'agree' }),
    },
    confirmReturnAction: {
      allowed: ['managerA', 'admin'],
      input: async () => ({ caseId: (await caseAt('return_shipped')).caseId }),
    },
  },
  foreign: [],
};
