'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { resolveCart } from '@/db/queries/cart';
import { getLivestream } from '@/db/queries/livestreams';
import { optionalUser } from '@/lib/auth/guards';
import { clientAddress } from '@/lib/http/client-address';
import { attributedLivestream, forgetLivestream, rememberLivestream } from '@/lib/cart/attribution';
import { cartItemCount, clearCart, readCart, setCartQuantity } from '@/lib/cart/cart';
import { rememberOrderAccess } from '@/lib/orders/access';
import { startCheckout } from '@/lib/payments/checkout';
import { getStripe } from '@/lib/payments/stripe';
import { cartLineSchema, checkoutFormSchema } from '@/lib/validation/orders';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { MAX_LINE_QUANTITY, stockRefusal } from '@/domain/checkout';
import { wechatPayFlow } from '@/domain/browser';
import { validatedAction } from './safe-action';

const addSchema = cartLineSchema.extend({
  quantity: cartLineSchema.shape.quantity.pipe(z.number().min(1, '数量至少为 1')),
  buyNow: z.enum(['1', '']).optional(),
  // Set when the product is added from a livestream page: the order is attributed to that stream.
  livestreamId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** 加入购物车, and 立即购买 (that item alone, at its own checkout, leaving the cart as it was). Anyone may keep a cart. */
export const addToCartAction = validatedAction(addSchema, async ({ slug, quantity, buyNow, livestreamId }) => {
  const user = await optionalUser();
  const userId = user?.id ?? null;
  const [p] = await resolveCart({ lines: [{ slug, quantity }] });
  if (!p) throw new AppError('not_found', '商品不存在或已下架');
  if (buyNow === '1') {
    // 立即购买: this item alone goes to its own checkout; the cart stays as it was.
    const refusal = stockRefusal({ quantity, stock: p.stock });
    if (refusal) throw new AppError('out_of_stock', refusal, { quantity: refusal });
    if (livestreamId) {
      const stream = await getLivestream({ id: livestreamId });
      if (stream?.productSlugs.includes(slug)) await rememberLivestream(stream.id);
    }
    redirect(`/checkout?buy=${slug}&qty=${quantity}`);
  }
  // More than the stock is refused with the stock shown, never cut down to it.
  const inCart = (await readCart(userId)).find((l) => l.slug === slug)?.quantity ?? 0;
  const refusal = stockRefusal({ quantity: inCart + quantity, stock: p.stock, inCart });
  if (refusal) throw new AppError('out_of_stock', refusal, { quantity: refusal });
  if (inCart + quantity > MAX_LINE_QUANTITY)
    throw new AppError('invalid_input', `每种商品最多 ${MAX_LINE_QUANTITY} 件`, {
      quantity: `每种商品最多 ${MAX_LINE_QUANTITY} 件`,
    });
  if (livestreamId) {
    const stream = await getLivestream({ id: livestreamId });
    if (stream?.productSlugs.includes(slug)) await rememberLivestream(stream.id);
  }
  if (!(await setCartQuantity(userId, slug, inCart + quantity)))
    throw new AppError('invalid_input', '购物车最多 50 种商品');
  invalidate.cart();
  return { ok: true, message: '已加入购物车', data: { cartCount: String(await cartItemCount(userId)) } };
});

/** Changes a cart line's quantity; 0 removes it. Raising it above the stock is refused with the stock shown. */
export const setCartQuantityAction = validatedAction(cartLineSchema, async ({ slug, quantity }) => {
  const user = await optionalUser();
  const userId = user?.id ?? null;
  if (quantity > 0) {
    const [p] = await resolveCart({ lines: [{ slug, quantity }] });
    if (!p) throw new AppError('not_found', '商品不存在或已下架');
    const inCart = (await readCart(userId)).find((l) => l.slug === slug)?.quantity ?? 0;
    const refusal = stockRefusal({ quantity, stock: p.stock, inCart });
    if (refusal) throw new AppError('out_of_stock', refusal, { quantity: refusal });
  }
  if (!(await setCartQuantity(userId, slug, quantity))) throw new AppError('not_found', '商品不存在或已下架');
  invalidate.cart();
  return {
    ok: true,
    message: quantity === 0 ? '已移除' : '已更新数量',
    data: { cartCount: String(await cartItemCount(userId)) },
  };
});

/**
 * 提交订单: the cart (or, from 立即购买, the one item in `buySlug` × `buyQty`, the cart left as it was)
 * becomes an order with its stock reserved, then the buyer is sent to pay.
 */
export const checkoutAction = validatedAction(checkoutFormSchema, async (f) => {
  const user = await optionalUser();
  const buyNow = f.buySlug ? [{ slug: f.buySlug, quantity: f.buyQty }] : null;
  const lines = buyNow ?? (await readCart(user?.id ?? null));
  if (!lines.length) throw new AppError('invalid_input', '购物车是空的');
  const h = await headers();
  const placed = await startCheckout({
    items: lines,
    contact: { name: f.name, mobile: f.mobile },
    shippingAddress: { province: f.province, city: f.city, district: f.district, detail: f.detail },
    paymentMethod: f.paymentMethod || (getStripe() ? 'stripe' : 'simulated'),
    invoice: f.invoiceTitle ? { title: f.invoiceTitle, taxNo: f.invoiceTaxNo || null } : null,
    userId: user?.id ?? null,
    livestreamId: await attributedLivestream(),
    clientAddress: clientAddress(h),
    client: { phone: wechatPayFlow(h.get('user-agent')) === 'h5', ip: clientAddress(h) },
  });
  await rememberOrderAccess(placed.orderNo, placed.accessToken);
  if (!buyNow) {
    await clearCart(user?.id ?? null);
    await forgetLivestream();
  }
  redirect(placed.payUrl);
});
