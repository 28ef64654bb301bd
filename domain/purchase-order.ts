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

/**
 * Separation of duties. A unit member's sponsors are whoever invited them and whoever gave them their
 * role, and those members' sponsors in turn (an administrator who invites a second account of their own
 * through a third one is still its sponsor). Only an active approver of the order's own unit may decide
 * it, never one who submitted it, and never one the submitter sponsored.
 */
export type MemberLink = {
  userId: string;
  role: string;
  active: boolean;
  invitedBy: string | null;
  roleGrantedBy: string | null;
};

/** Everyone up the chain of invitations and role grants from this member, within the unit. */
export function sponsorsOf(userId: string, members: readonly MemberLink[]): Set<string> {
  const byId = new Map(members.map((m) => [m.userId, m]));
  const seen = new Set<string>();
  const todo = [userId];
  while (todo.length) {
    const m = byId.get(todo.pop()!);
    for (const s of [m?.invitedBy, m?.roleGrantedBy]) {
      if (!s || seen.has(s)) continue;
      seen.add(s);
      todo.push(s);
    }
  }
  seen.delete(userId);
  return seen;
}

export function mayDecide(p: {
  approverId: string;
  submittedBy: string | null;
  members: readonly MemberLink[];
}): boolean {
  const approver = p.members.find((m) => m.userId === p.approverId);
  if (!approver || approver.role !== 'approver' || !approver.active) return false;
  if (!p.submittedBy || p.submittedBy === p.approverId) return false;
  return !sponsorsOf(p.approverId, p.members).has(p.submittedBy);
}

/** The members who may decide a purchase order submitted by this member. None: the programme office decides. */
export function eligibleApprovers(submittedBy: string | null, members: readonly MemberLink[]): string[] {
  return members.filter((m) => mayDecide({ approverId: m.userId, submittedBy, members })).map((m) => m.userId);
}
