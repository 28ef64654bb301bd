import 'server-only';
import { CHECKOUT_METHODS, type CheckoutMethod, type PaymentMethod } from '@/domain/checkout';
import { alipayProvider, getAlipay } from './alipay';
import type { PaymentProvider } from './provider';
import { bankTransferProvider, simulatorProvider } from './simulator';
import { getStripe, paymentSimulatorOn, stripeProvider } from './stripe';
import { wechatProvider } from './wechat';
import { wechatConfig } from './wechat-client';

/** The provider behind a payment method (the money already recorded under it refunds through it). */
export function paymentProvider(id: PaymentMethod): PaymentProvider {
  switch (id) {
    case 'stripe':
      return stripeProvider;
    case 'simulated':
      return simulatorProvider;
    case 'bank_transfer':
      return bankTransferProvider;
    case 'alipay':
      return alipayProvider;
    case 'wechat':
      return wechatProvider;
  }
}

/** The provider for a buyer's choice at checkout, when it is configured on this installation. */
export function checkoutProvider(choice: CheckoutMethod): PaymentProvider | null {
  switch (choice) {
    case 'alipay':
      return getAlipay() ? alipayProvider : null;
    case 'wechat':
      return wechatConfig() ? wechatProvider : null;
    case 'stripe':
      return getStripe() ? stripeProvider : null;
    case 'simulated':
      return paymentSimulatorOn() ? simulatorProvider : null;
  }
}

/**
 * Every way to pay a buyer may choose here, in the order offered: the providers whose env vars are set
 * (README), and the simulator when PAYMENT_SIMULATOR is on (by default: when none is configured).
 */
export function configuredProviders(): CheckoutMethod[] {
  return CHECKOUT_METHODS.filter((m) => checkoutProvider(m) !== null);
}
