import { householdOf, payoutOf, productIdOf } from '@/scripts/test-support/authz-matrix/suppliers';
import { ids, nextSeq, type Matrix } from '@/scripts/test-support/authz-matrix/world';

/**
 * 带贫成效 (issue 17): households, payouts, dividend rules, reviewers. Suppliers' managers keep their own
 * register and payouts; the office (and an invited reviewer of the household's township, benefit.test.ts)
 * verifies or returns payouts and never edits them; names are revealed to the supplier's managers and the
 * office only.
 */

/** A new household's form. */
export const householdFields = () => ({
  code: `HH-${String(nextSeq()).padStart(6, '0')}`,
  townshipSlug: 'datun',
  village: '幸福社区',
  category: 'monitored',
  members: '4',
  channels: ['employment', 'dividend'],
  name: '新登记户',
  idNumber: '11010519491231002X',
});

export const benefit: Matrix = {
  cases: {
    registerHouseholdAction: {
      allowed: ['managerA'],
      input: async () => ({ supplierId: String(ids.supplierA), ...householdFields() }),
    },
    updateHouseholdAction: {
      allowed: ['managerA'],
      input: async () => ({
        householdId: String(await householdOf(ids.supplierA, 'datun')),
        ...householdFields(),
        active: 'true',
      }),
    },
    // Revealing writes an audit entry: allowed for the supplier's managers and the office, nothing for others.
    revealHouseholdAction: {
      allowed: ['managerA', 'admin'],
      input: async () => ({ householdId: String(await householdOf(ids.supplierA, 'datun')) }),
    },
    recordPayoutAction: {
      allowed: ['managerA'],
      input: async () => ({
        supplierId: String(ids.supplierA),
        householdId: String(await householdOf(ids.supplierA, 'datun')),
        kind: 'piece_rate',
        productId: String(await productIdOf('yi-embroidered-scarf')),
        quantity: '12',
        unitRate: '35',
        paidOn: '2026-01-05',
        method: 'wechat',
      }),
    },
    confirmPayoutAction: {
      allowed: ['managerA'],
      input: async () => {
        const { issueConfirmCodes } = await import('@/lib/benefit/confirm-codes');
        const h = await householdOf(ids.supplierA, 'datun');
        const [sheet] = await issueConfirmCodes({ actorId: ids.admin, townshipSlug: null, householdIds: [h] });
        return {
          payoutId: String(await payoutOf(ids.supplierA, 'awaiting_confirmation', h)),
          confirmCode: sheet!.confirmCode,
        };
      },
    },
    voidPayoutAction: {
      allowed: ['managerA'],
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA, 'returned')) }),
    },
    declareDividendRuleAction: {
      allowed: ['managerA'],
      input: async () => {
        await householdOf(ids.supplierA, 'datun');
        return {
          supplierId: String(ids.supplierA),
          title: '年终分红',
          periodFrom: '2026-01-01',
          periodTo: '2026-06-30',
          sharePercent: '10',
          split: 'equal',
        };
      },
    },
    verifyPayoutAction: {
      allowed: ['admin'],
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA)) }),
    },
    returnPayoutAction: {
      allowed: ['admin'],
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA)), reason: '金额与凭证不符' }),
    },
    issueConfirmCodesAction: {
      allowed: ['admin'],
      input: async () => ({ householdIds: [String(await householdOf(ids.supplierA, 'datun'))] }),
    },
    inviteReviewerAction: {
      allowed: ['admin'],
      input: async () => ({ townshipSlug: 'datun', inviteeName: '社区核实员' }),
    },
  },
  foreign: [],
};
