import 'server-only';
import type { PaymentMethod } from '@/domain/checkout';
import type { PaymentProvider } from './provider';
import { bankTransferProvider, simulatorProvider } from './simulator';
import { getStripe, paymentSimulatorOn, stripeProvider } from './stripe';
import { wechatConfig, wechatProvider } from './wechat';

/** The provider behind a payment method (the money already recorded under it refunds through it). */
export function paymentProvider(id: PaymentMethod): PaymentProvider {
  switch (id) {
    case 'stripe':
      return stripeProvider;
    case 'simulated':
      return simulatorProvider;
    case 'bank_transfer':
      return bankTransferProvider;
    case 'wechat':
      return wechatProvider;
    case 'alipay':
      // Issue 19 adds these providers (lib/payments/alipay.ts, wechat.ts); nothing records money under them yet.
      throw new Error(`payment provider ${id} is not built yet`);
  }
}

/** The providers a buyer may choose at checkout on this installation. */
export function checkoutProvider(choice: 'stripe' | 'simulated' | 'wechat'): PaymentProvider | null {
  if (choice === 'wechat') return wechatConfig() ? wechatProvider : null;
  if (choice === 'stripe') return getStripe() ? stripeProvider : null;
  return paymentSimulatorOn() ? simulatorProvider : null;
}
