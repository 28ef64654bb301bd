import type { PaymentMethod } from '@/domain/checkout';
import type { BuyerDevice } from '@/lib/http/device';

/**
 * The one interface every way of paying implements (Stripe, the offline simulator, the bank transfer;
 * Alipay and WeChat Pay next). Checkout, the notification routes, refunds, cancellation and expiry go
 * through it; what a provider reports becomes movements of the money model (lib/payments/movements.ts).
 */
export type PaymentRequest = {
  orderId: string;
  orderNo: string;
  /** The order's balance due, in fen. */
  amountFen: bigint;
  /** No later than the order's own expiry. */
  expiresAt: Date;
  /** The order's lines and shipping, shown by providers that itemise (when the balance is the whole total). */
  lines: { name: string; spec: string; unitPriceFen: number; quantity: number }[];
  shippingFen: bigint;
  /** The buyer's device (lib/http/device.ts): a provider may open a phone or a desktop cashier. */
  device?: BuyerDevice;
  /** The buyer's address (lib/http/client-address.ts), which WeChat Pay H5 requires. */
  clientIp?: string | null;
};

export type OpenedPayment = {
  /** Where the buyer pays: the provider's page, or the simulator's capability link. */
  payUrl: string;
  /** The provider's reference for this payment (a Checkout Session id), to close it with the order. */
  sessionRef: string | null;
};

export type ProviderRefund = { externalRef: string; amountFen: bigint; currency: string };

/** What a verified notification says, in the money model's terms. */
export type Notification =
  | {
      type: 'payment';
      sessionRef: string | null;
      /** The order reference the provider carries (ours is the order id). */
      orderRef: string | null;
      externalRef: string;
      amountFen: bigint;
      currency: string;
    }
  | {
      type: 'refunds';
      /** The payment the refunds come out of (its external reference). */
      paymentRef: string;
      /** Whether the payment carries our order reference (a payment of ours not yet recorded is retried). */
      ours: boolean;
      refunds: ProviderRefund[];
    }
  | { type: 'closed'; sessionRef: string; orderRef: string | null; to: 'cancelled' | 'expired'; reason: string }
  | { type: 'ignored' };

export type ParsedNotification = { eventId: string; eventType: string; notification: Notification };

/** An opened payment read again: still open (where to continue paying), or what became of it. */
export type PaymentLookup = { state: 'open'; payUrl: string } | { state: 'done'; parsed: ParsedNotification };

/** A notification whose signature or body does not verify: answered 400, nothing written. */
export class InvalidNotificationError extends Error {
  override readonly name = 'InvalidNotificationError';
}

export interface PaymentProvider {
  readonly id: PaymentMethod;
  /** Money it reports was charged as quoted: applied only when it is exactly the balance due. */
  readonly exact: boolean;
  /** The store itself records its refunds (no money leaves through a provider's API). */
  readonly recordsRefunds: boolean;
  /** Opens a payment for the order's balance. */
  createPayment(p: PaymentRequest): Promise<OpenedPayment>;
  /** Verifies a notification (throws InvalidNotificationError) and reads it. */
  parseNotification(raw: string, headers: Headers): Promise<ParsedNotification>;
  /** Refunds part or all of a payment; the same idempotency key refunds once. */
  refund(p: { paymentRef: string; amountFen: bigint; idempotencyKey: string }): Promise<ProviderRefund>;
  /** Closes an unpaid payment so that it can no longer be paid (best effort: a payment already made still reports). */
  close(sessionRef: string): Promise<void>;
  /**
   * Reads an opened payment again (the buyer came back before its notification arrived, or wants to
   * continue paying): null when the provider cannot say (lib/payments/resume.ts).
   */
  lookup?(sessionRef: string): Promise<PaymentLookup | null>;
}
