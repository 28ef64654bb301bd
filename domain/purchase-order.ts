/**
 * Government-unit purchase orders (采购单): approval first, then payment by bank transfer.
 * The rules here are the whole of it; lib/orders/purchase-orders.ts applies them in a transaction.
 */

import type { FundSource } from './fund-source';

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

/** One line of a purchase order as its preview and its approver show it. */
export type FactLine = {
  slug: string;
  code: string;
  name: string;
  spec: string;
  unitPriceFen: number;
  quantity: number;
  lineTotalFen: bigint;
  /** Certified (扶贫产品认定 in force) at the time: only these count toward the pledge and the target. */
  certified: boolean;
};

/**
 * What a purchase order is, as the buyer previews it before 提交采购单 and the approver (or the office)
 * sees it before 通过 / 驳回: the same facts, one component (components/unit/purchase-facts).
 */
export type PurchaseFacts = {
  unitName: string;
  submitterName: string | null;
  paymentTerms: PaymentTerms;
  roundName: string | null;
  lines: FactLine[];
  itemsFen: bigint;
  shippingFen: bigint;
  totalFen: bigint;
  recipientsCount: number;
  /** No approver of the unit may decide it: the programme office does. */
  officeApproval: boolean;
  /** 经费来源 (null for orders from before fund sources were recorded). */
  fundSource: FundSource | null;
};

/** The goods in uncertified lines: bought and paid for, but 不计入认购 (nor the target). */
export function uncountedFen(lines: readonly Pick<FactLine, 'certified' | 'lineTotalFen'>[]): bigint {
  return lines.reduce((s, l) => (l.certified ? s : s + l.lineTotalFen), 0n);
}

/**
 * No silent traps: a unit order keeps an uncertified line only when the buyer ticked it (`kept` holds
 * the ticked products' slugs). Returns the lines that were not ticked; any of them refuses the order.
 */
export function uncertifiedNotKept<L extends { slug: string; certified: boolean }>(
  lines: readonly L[],
  kept: readonly string[],
): L[] {
  const k = new Set(kept);
  return lines.filter((l) => !l.certified && !k.has(l.slug));
}

/** PurchaseFacts as JSON (fen as strings), to travel in an action result to the preview. */
export function factsToJson(f: PurchaseFacts): string {
  return JSON.stringify(f, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** The preview's facts back from factsToJson. */
export function factsFromJson(json: string): PurchaseFacts {
  const f = JSON.parse(json) as PurchaseFacts;
  const big = (v: unknown) => BigInt(v as string);
  return {
    ...f,
    itemsFen: big(f.itemsFen),
    shippingFen: big(f.shippingFen),
    totalFen: big(f.totalFen),
    lines: f.lines.map((l) => ({ ...l, lineTotalFen: big(l.lineTotalFen) })),
  };
}
