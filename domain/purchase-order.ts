/**
 * Government-unit purchase orders (采购单): approval first, then payment by bank transfer.
 * The rules here are the whole of it; lib/orders/purchase-orders.ts applies them in a transaction.
 */

/** A purchase order holds its stock for 7 days while it waits for the approver. */
export const APPROVAL_HOLD_DAYS = 7;

export const PAYMENT_TERMS = ['prepay', 'pay_later'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

/** Once approved, payment is due in 30 days on pay-later terms, 7 days otherwise. */
export function paymentDueDays(terms: PaymentTerms): number {
  return terms === 'pay_later' ? 30 : 7;
}

/** How long an order holds its stock before the expiry sweep closes it, in minutes. */
export function holdMinutes(p: { unitOrder: boolean; paymentTimeoutMinutes: number }): number {
  return p.unitOrder ? APPROVAL_HOLD_DAYS * 24 * 60 : p.paymentTimeoutMinutes;
}

/** 对公转账识别码 characters: no look-alikes (0/O, 1/I). */
export const TRANSFER_REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** ZZ + 8 characters from random bytes (at least 8), e.g. ZZ7KQ2M9XA. */
export function transferReference(random: Uint8Array): string {
  if (random.length < 8) throw new Error('transferReference needs 8 random bytes');
  return (
    'ZZ' + Array.from(random.subarray(0, 8), (b) => TRANSFER_REF_ALPHABET[b % TRANSFER_REF_ALPHABET.length]).join('')
  );
}

/** One delivery line of a spreadsheet purchase order: a recipient of some of a product's quantity. */
export type Recipient = { slug: string; quantity: number; name: string; mobile: string; address: string; row: number };

/** Only an approver of the order's own unit may decide it, and never the buyer who submitted it. */
export function mayDecide(p: { approverRole: string | null; approverId: string; submittedBy: string | null }): boolean {
  return p.approverRole === 'approver' && p.submittedBy !== p.approverId;
}
