import type { ProductStatus } from './certification';

/**
 * A supplier's listing lifecycle. Only certified products are sold: a product is listed when the
 * programme office approves its certificate, or straight away when it already has one in force.
 */
export type ListingFacts = { status: ProductStatus; hasPendingCert: boolean; hasCertInForce: boolean };

export type Transition = { ok: true; next: ProductStatus } | { ok: false; error: string };

/** 提交审核 / 上架. */
export function submitTransition(f: ListingFacts): Transition {
  if (f.status === 'listed') return { ok: false, error: '商品已上架' };
  if (f.status === 'in_review') return { ok: false, error: '商品已在审核中' };
  if (f.hasCertInForce && !f.hasPendingCert) return { ok: true, next: 'listed' };
  if (f.hasPendingCert) return { ok: true, next: 'in_review' };
  return { ok: false, error: '请先提交扶贫产品认定证书' };
}

/** 下架. */
export function delistTransition(status: ProductStatus): Transition {
  if (status === 'listed' || status === 'in_review') return { ok: true, next: 'delisted' };
  return { ok: false, error: status === 'delisted' ? '商品已下架' : '草稿商品无需下架' };
}

/**
 * Certification names a product by its name and spec. Changing either sends every approved
 * certificate back to the programme office, and a listed product waits in review meanwhile.
 */
export function editTransition(p: {
  status: ProductStatus;
  before: { name: string; spec: string };
  after: { name: string; spec: string };
  hasApprovedCert: boolean;
}): { reReview: boolean; next: ProductStatus } {
  const changed = p.before.name.trim() !== p.after.name.trim() || p.before.spec.trim() !== p.after.spec.trim();
  if (!changed || !p.hasApprovedCert) return { reReview: false, next: p.status };
  return { reReview: true, next: p.status === 'listed' ? 'in_review' : p.status };
}

/** Stock at or below this shows on the manager's dashboard. */
export const LOW_STOCK = 10;

/** A manual stock change: non-zero, and never below zero. */
export function checkStockAdjustment(current: number, delta: number): string | null {
  if (!Number.isInteger(delta) || delta === 0) return '调整数量须为非零整数';
  if (current + delta < 0) return `库存不足：当前 ${current}，最多减少 ${current}`;
  if (current + delta > 1_000_000) return '库存不能超过 1,000,000';
  return null;
}

/** Certificates expiring within this many days show on the manager's dashboard. */
export const EXPIRY_WARNING_DAYS = 30;
