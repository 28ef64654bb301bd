import type { Metadata } from 'next';
import { CartLines } from '@/components/cart/cart-lines';

export const metadata: Metadata = {
  title: '购物车',
  description: '个旧消费扶贫商城购物车：核对商品数量与金额，去结算。',
};

/** One static document for everyone: the visitor's lines come from GET /api/cart after load. */
export default function CartPage() {
  return (
    // At least a screen tall: the footer stays below the fold while the cart loads (no layout shift).
    <div className="mx-auto min-h-[70dvh] max-w-3xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">购物车</h1>
      <CartLines />
    </div>
  );
}
