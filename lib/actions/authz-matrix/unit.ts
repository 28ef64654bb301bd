import { approverInvitedBy, fakeCode, forgetInviters } from '@/scripts/test-support/authz-matrix/accounts';
import { officeOrder, unitOrder } from '@/scripts/test-support/authz-matrix/orders';
import { ACTORS, ids, unique, type Matrix } from '@/scripts/test-support/authz-matrix/world';
import { welfareOrder } from '@/scripts/test-support/recipients';

/** Units: sign-up, members, 采购单 (preview, submit, approve, the office's approval, reorder) and 验收. */

export const unit: Matrix = {
  cases: {
    submitPurchaseOrderAction: {
      allowed: ['unitBuyer'],
      input: async () => ({
        unitId: ids.demoUnit,
        lines: 'GJ0020 10',
        paymentTerms: 'prepay',
        fundSource: 'canteen',
        contactName: '采购员',
        contactMobile: '13912345678',
        province: '云南省',
        city: '红河哈尼族彝族自治州',
        district: '个旧市',
        detail: '机关大院 1 号',
      }),
    },
    // Issue 15: the preview before 提交采购单 is the unit's buyers' own (it writes nothing even for them).
    previewPurchaseOrderAction: {
      allowed: ['unitBuyer'],
      input: async () => ({
        unitId: ids.demoUnit,
        lines: 'GJ0020，１０',
        paymentTerms: 'prepay',
        fundSource: 'canteen',
        contactName: '采购员',
        contactMobile: '13912345678',
        province: '云南省',
        city: '红河哈尼族彝族自治州',
        district: '个旧市',
        detail: '机关大院 1 号',
      }),
    },
    // Only an approver of the same unit decides, and never on an order they submitted.
    decidePurchaseOrderAction: {
      allowed: ['unitApprover'],
      input: async () => ({ orderNo: await unitOrder('pending_approval'), decision: 'approve' }),
    },
    reorderAction: {
      allowed: ['unitBuyer'],
      input: async () => ({ unitId: ids.demoUnit, orderNo: await unitOrder('pending_payment') }),
    },
    registerUnitAction: {
      allowed: ACTORS,
      input: async () => ({
        unitName: '新单位' + unique(),
        creditCode: await fakeCode(),
        unitType: 'public_institution',
        contactName: '联系人',
        contactMobile: '13800001111',
        login: `unit${unique()}@example.com`,
        password: 'a-good-password-123',
      }),
    },
    inviteUnitMemberAction: {
      allowed: ['unitBuyer'],
      input: async () => ({ unitId: ids.demoUnit, role: 'approver', inviteeName: '新审批人' }),
    },
    setUnitMemberRoleAction: {
      allowed: ['unitBuyer'],
      input: async () => ({ unitId: ids.demoUnit, userId: ids.unitApprover, role: 'approver' }),
    },
    // Only the office, and only for a purchase order no approver of its unit may decide.
    officeDecidePurchaseOrderAction: {
      allowed: ['admin'],
      input: async () => ({ orderNo: await officeOrder(), decision: 'approve' }),
    },
    // Issue 15: 验收 is for the members of the order's own unit (buyer or approver), nobody else.
    confirmUnitReceiptAction: {
      allowed: ['unitBuyer', 'unitApprover'],
      input: async () => ({ orderNo: (await welfareOrder('shipped')).orderNo, note: '50 份全部收到' }),
    },
  },
  foreign: [
    {
      action: 'inviteUnitMemberAction',
      actor: 'unitBuyer',
      input: async () => ({ unitId: ids.foreignUnit, role: 'buyer', inviteeName: 'x' }),
    },
    {
      action: 'inviteUnitMemberAction',
      actor: 'unitApprover',
      input: async () => ({ unitId: ids.demoUnit, role: 'buyer', inviteeName: 'x' }),
    },
    // An administrator of the demo unit cannot change a member of another unit, even by naming their own unit.
    {
      action: 'setUnitMemberRoleAction',
      actor: 'unitBuyer',
      input: async () => ({ unitId: ids.foreignUnit, userId: ids.unitApprover, role: 'buyer' }),
    },
    {
      action: 'setUnitMemberRoleAction',
      actor: 'unitBuyer',
      input: async () => ({ unitId: ids.demoUnit, userId: ids.managerA, role: 'buyer' }),
    },
    // An approver cannot approve a purchase order they submitted themselves.
    {
      action: 'decidePurchaseOrderAction',
      actor: 'unitApprover',
      input: async () => ({ orderNo: await unitOrder('pending_approval', ids.unitApprover), decision: 'approve' }),
    },
    // An approver of another unit cannot approve it either (the foreign unit's admin is not an approver here).
    {
      action: 'submitPurchaseOrderAction',
      actor: 'unitBuyer',
      input: async () => ({
        unitId: ids.foreignUnit,
        lines: 'GJ0020 10',
        paymentTerms: 'prepay',
        fundSource: 'canteen',
        contactName: 'x',
        contactMobile: '13912345678',
        province: '云南省',
        city: '红河',
        district: '个旧市',
        detail: '机关大院 1 号',
      }),
    },
    // Nor preview one for another unit (prices and who approves are the unit's business).
    {
      action: 'previewPurchaseOrderAction',
      actor: 'unitBuyer',
      input: async () => ({
        unitId: ids.foreignUnit,
        lines: 'GJ0020 10',
        paymentTerms: 'prepay',
        fundSource: 'canteen',
        contactName: 'x',
        contactMobile: '13912345678',
        province: '云南省',
        city: '红河',
        district: '个旧市',
        detail: '机关大院 1 号',
      }),
    },
    // 再来一单 names an order of the caller's unit only.
    {
      action: 'reorderAction',
      actor: 'unitBuyer',
      input: async () => ({ unitId: ids.foreignUnit, orderNo: await unitOrder('pending_payment') }),
    },
    // Separation of duties: an approver invited by the submitter cannot approve the submitter's order.
    {
      action: 'decidePurchaseOrderAction',
      actor: 'unitApprover',
      input: async () => {
        await approverInvitedBy(ids.unitBuyer);
        return { orderNo: await unitOrder('pending_approval'), decision: 'approve' };
      },
    },
    // The office does not decide an order that an approver of its unit may decide.
    {
      action: 'officeDecidePurchaseOrderAction',
      actor: 'admin',
      input: async () => {
        await forgetInviters();
        return { orderNo: await unitOrder('pending_approval'), decision: 'approve' };
      },
    },
  ],
};
