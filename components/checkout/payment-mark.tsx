import type { CheckoutMethod } from '@/domain/checkout';
import { PAYMENT_METHOD_LABELS } from '@/domain/labels';

/**
 * A way to pay as the buyer knows it: a small drawn badge in the provider's colour with its character
 * (no external images: the store downloads nothing at run time), beside its Chinese name.
 */
const MARKS: Record<CheckoutMethod, { char: string; color: string }> = {
  alipay: { char: '支', color: '#1677ff' },
  wechat: { char: '微', color: '#07c160' },
  stripe: { char: '卡', color: '#635bff' },
  simulated: { char: '演', color: '#737373' },
};

/** The name shown for a way to pay at checkout. */
export const CHECKOUT_METHOD_LABELS: Record<CheckoutMethod, string> = {
  ...PAYMENT_METHOD_LABELS,
  stripe: '银行卡（Stripe）',
  simulated: '演示支付（不扣款）',
};

export function PaymentMark({ method }: { method: CheckoutMethod }) {
  const m = MARKS[method];
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" className="shrink-0">
      <rect width="24" height="24" rx="6" fill={m.color} />
      <text x="12" y="17" textAnchor="middle" fontSize="14" fontWeight="700" fill="#fff">
        {m.char}
      </text>
    </svg>
  );
}
