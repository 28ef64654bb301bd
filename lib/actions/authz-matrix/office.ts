import { randomUUID } from 'node:crypto';
import { fakeCode, pendingUnit, throwawayUser } from '@/scripts/test-support/authz-matrix/accounts';
import { placeFor } from '@/scripts/test-support/authz-matrix/orders';
import { pendingCertOf, productIdOf } from '@/scripts/test-support/authz-matrix/suppliers';
import { ids, nextSeq, unique, type Matrix } from '@/scripts/test-support/authz-matrix/world';

/**
 * The programme office (admin portal): units, suppliers, accounts, certifications, targets, rounds and
 * pledges, orders it cancels or refunds, the payee account, the union fund rules and the site's contact.
 */

/** A festival window of its own (a day in the 2090s that no other window holds), for the union rules' actions. */
const festivalWindow = () => {
  const day = new Date(Date.UTC(2090, 0, 1) + nextSeq() * 2 * 86_400_000).toISOString().slice(0, 10);
  return { festival: '春节' as const, from: day, to: day };
};

export const office: Matrix = {
  cases: {
    setPledgeAction: { allowed: ['admin'], input: async () => ({ unitId: ids.demoUnit, amount: '600000' }) },
    reviewCertificationAction: {
      allowed: ['admin'],
      input: async () => ({ id: String(await pendingCertOf(await productIdOf('jijie-chayote'))), decision: 'approve' }),
    },
    setExpiryDelistsAction: { allowed: ['admin'], input: async () => ({ value: 'false' }) },
    setTargetAction: {
      allowed: ['admin'],
      input: async () => ({ year: String(new Date().getUTCFullYear()), amount: '40000000' }),
    },
    setCertificationExpiryAction: {
      allowed: ['admin'],
      input: async () => ({ certificateNo: 'GJXF-0001', expiresOn: '2030-12-31', reason: '认定机构延长有效期' }),
    },
    createRoundAction: {
      allowed: ['admin'],
      input: async () => ({ name: '第七轮推介会', heldOn: '2027-01-01', endsOn: '2027-01-31', venue: '个旧市' }),
    },
    adminCancelOrderAction: {
      allowed: ['admin'],
      input: async () => ({ orderNo: await placeFor(ids.buyer), reason: '买家电话要求取消' }),
    },
    adminRefundOrderAction: {
      allowed: ['admin'],
      input: async () => ({ orderNo: await placeFor(ids.buyer, true), amount: '10', requestId: randomUUID() }),
    },
    verifyUnitAction: { allowed: ['admin'], input: async () => ({ unitId: await pendingUnit() }) },
    rejectUnitAction: {
      allowed: ['admin'],
      input: async () => ({ unitId: await pendingUnit(), reason: '信用代码与名称不符' }),
    },
    createSupplierAction: {
      allowed: ['admin'],
      input: async () => ({
        name: '新合作社' + unique(),
        slug: `coop-${unique()}`,
        type: 'cooperative',
        townshipSlug: 'jijie',
        creditCode: await fakeCode(),
        povertyHouseholds: '12',
        benefitShareBps: '1000',
        benefitMechanism: '按销售额分红',
      }),
    },
    inviteSupplierManagerAction: {
      allowed: ['admin'],
      input: async () => ({ supplierId: String(ids.supplierB), inviteeName: '新管理员' }),
    },
    setUserActiveAction: { allowed: ['admin'], input: async () => ({ userId: ids.managerA, active: 'true' }) },
    // Only the programme office starts a reset.
    startPasswordResetAction: { allowed: ['admin'], input: async () => ({ userId: await throwawayUser() }) },
    // Issue 15: the account units transfer to is the office's alone (a changed account is the first fraud).
    savePayeeAction: {
      allowed: ['admin'],
      input: async () => ({
        accountName: '个旧市消费帮扶商城运营中心（演示）',
        bank: '农业银行个旧支行',
        accountNo: '6228480012345678',
      }),
    },
    // Issue 15: the union fund rules are the office's alone (every change audited).
    addFestivalWindowAction: { allowed: ['admin'], input: async () => festivalWindow() },
    removeFestivalWindowAction: {
      allowed: ['admin'],
      input: async () => {
        const window = festivalWindow();
        const { addFestivalWindow } = await import('@/lib/programme/union-rules');
        await addFestivalWindow({ window, actorId: ids.admin });
        return window;
      },
    },
    saveUnionAllowanceAction: {
      allowed: ['admin'],
      input: async () => ({ year: '2099', perMember: '¥1,000', excluded: ['embroidery'] }),
    },
    // issue 16 (phone storefront): the operator's contact details are the office's alone.
    saveSiteContactAction: {
      allowed: ['admin'],
      input: async () => ({
        host: '个旧市消费帮扶工作领导小组办公室',
        hotline: '0873-1234567',
        hours: '每天 9:00–18:00',
      }),
    },
  },
  foreign: [
    // The office does not reset its own password here.
    { action: 'startPasswordResetAction', actor: 'admin', input: async () => ({ userId: ids.admin }) },
  ],
};
