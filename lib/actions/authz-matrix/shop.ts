import {
  newInviteToken,
  resetTokenFor,
  spareAddressOf,
  throwawayUser,
} from '@/scripts/test-support/authz-matrix/accounts';
import { placeFor } from '@/scripts/test-support/authz-matrix/orders';
import { session } from '@/scripts/test-support/authz-matrix/request';
import { ACTORS, ids, unique, type Matrix } from '@/scripts/test-support/authz-matrix/world';

/** The storefront and the buyer's account: cart, checkout, the guest lookup, sign-up, invites, addresses, passwords. */

const newPassword = { password: 'reset-password-2026', confirm: 'reset-password-2026' };

export const shop: Matrix = {
  cases: {
    addToCartAction: { allowed: ACTORS, input: async () => ({ slug: 'manhao-bananas', quantity: '1' }) },
    setCartQuantityAction: { allowed: ACTORS, input: async () => ({ slug: 'manhao-bananas', quantity: '2' }) },
    checkoutAction: {
      allowed: ACTORS,
      input: async () => {
        const { setCartQuantity } = await import('@/lib/cart/cart');
        await setCartQuantity(session.userId, 'manhao-bananas', 1);
        return {
          name: '买家',
          mobile: '13912345678',
          province: '云南省',
          city: '红河哈尼族彝族自治州',
          district: '个旧市',
          detail: '金湖东路 1 号',
        };
      },
    },
    lookupOrderAction: {
      allowed: ACTORS,
      input: async () => ({ orderNo: await placeFor(null), mobile: '13912345678' }),
    },
    registerAction: {
      allowed: ACTORS,
      input: async () => ({ name: '新用户', login: `u${unique()}@example.com`, password: 'a-good-password-123' }),
    },
    acceptInviteAction: {
      allowed: ACTORS,
      input: async () => ({
        token: await newInviteToken(),
        name: '受邀人',
        login: `inv${unique()}@example.com`,
        password: 'a-good-password-123',
      }),
    },
    addAddressAction: {
      allowed: ['buyer', 'unitBuyer', 'unitApprover', 'managerA', 'admin'],
      input: async () => ({
        recipient: '收件人',
        mobile: '13912340000',
        province: '云南省',
        city: '红河哈尼族彝族自治州',
        district: '个旧市',
        detail: '测试路 1 号',
      }),
    },
    deleteAddressAction: {
      allowed: ['buyer'],
      input: async (actor) => {
        if (actor !== 'buyer') return { id: ids.buyerAddress }; // someone else's address
        return { id: await spareAddressOf(ids.buyer) };
      },
    },
    signOutAction: { allowed: ['buyer', 'unitBuyer', 'unitApprover', 'managerA', 'admin'], input: async () => ({}) },
    // ── issue 13: passwords and resets ──────────────────────────────────────────────────────────────
    // 修改密码: any signed-in account, with its own current password (each actor runs it once).
    changePasswordAction: {
      allowed: ['buyer', 'unitBuyer', 'unitApprover', 'managerA', 'admin'],
      input: async () => ({ current: 'demo12345', password: 'a-new-password-2026', confirm: 'a-new-password-2026' }),
    },
    // A reset link works for whoever holds it (the token is the credential), once.
    resetPasswordAction: {
      allowed: ACTORS,
      input: async () => ({ token: await resetTokenFor(await throwawayUser()), ...newPassword }),
    },
  },
  foreign: [
    {
      action: 'lookupOrderAction',
      actor: 'buyer',
      input: async () => ({ orderNo: await placeFor(null), mobile: '13800000000' }),
    },
    // A used reset link does not work twice.
    {
      action: 'resetPasswordAction',
      actor: 'anonymous',
      input: async () => {
        const token = await resetTokenFor(await throwawayUser());
        const { resetPassword } = await import('@/lib/accounts/passwords');
        await resetPassword({ token, password: newPassword.password });
        return { token, ...newPassword };
      },
    },
    // A wrong current password changes nothing.
    {
      action: 'changePasswordAction',
      actor: 'buyer',
      input: async () => ({
        current: 'not-the-password',
        password: 'another-new-password',
        confirm: 'another-new-password',
      }),
    },
  ],
};
