import { revalidatePath, revalidateTag, updateTag } from 'next/cache';
import { getEnv } from '@/lib/env';
import { CATALOG_TAG, IMPACT_TAG, SITE_TAG, productTag } from './tags';

/**
 * The one cache-invalidation module: a named helper per thing that changed. Each knows which cached
 * reads (tags, lib/cache/reads.ts) and which pages show it, so that callers never name a tag or a path.
 *
 * - A manager's own listing edits and the office's certificate decisions: read-your-own-writes
 *   (updateTag, server actions only): the very next request renders afresh.
 * - Stock and the target figure after orders and payments: expire at once (revalidateTag, expire 0),
 *   from actions and route handlers (the webhook) alike.
 * - Catalog-wide changes nobody waits for (a new supplier, a profile): stale-while-revalidate ('max').
 *
 * Outside a Next server (scripts, tests, benchmarks) there is no cache, and nothing is done. Inside the
 * server but outside a request (the expiry sweep), Next's revalidateTag throws ("static generation store
 * missing"); `invalidateInBackground` expires the tags through the cache handler instead, which shares
 * them with the other instances through cache_tags (lib/cache/shared-tags-handler.js).
 */
const inNext = () => !!getEnv().NEXT_RUNTIME;

function expireNow(tags: string[]): void {
  if (inNext()) for (const t of tags) revalidateTag(t, { expire: 0 });
}
function readYourWrites(tags: string[]): void {
  if (inNext()) for (const t of tags) updateTag(t);
}
function catalogWhenConvenient(): void {
  if (inNext()) revalidateTag(CATALOG_TAG, 'max');
}
function pages(...paths: string[]): void {
  if (inNext()) for (const p of paths) revalidatePath(p);
}

/** The tags of an order's products (stock, sold count) and the target figure. */
async function orderTags(ref: { orderId?: string; orderNo?: string }): Promise<string[]> {
  const { orderProductSlugs } = await import('@/db/queries/orders');
  return [...(await orderProductSlugs(ref)).map(productTag), IMPACT_TAG];
}

/** Products whose stock or sold count changed, and the target figure, after an order changed. */
async function orderEffects(ref: { orderId?: string; orderNo?: string }): Promise<void> {
  if (inNext()) expireNow(await orderTags(ref));
}

type TagHandler = { updateTags(tags: string[], durations?: { expire?: number }): Promise<void> };
const handlerKey = Symbol.for('gejiu.cache-handler');

/** Outside a request: the cache handler expires the tags here and publishes them to the other instances. */
async function expireThroughHandler(tags: string[]): Promise<void> {
  const handler = (globalThis as { [handlerKey]?: TagHandler })[handlerKey];
  if (inNext() && handler && tags.length) await handler.updateTags(tags, { expire: 0 });
}

/** Invalidations from background work (the expiry sweep), which runs outside any request. */
export const invalidateInBackground = {
  /** The sweep expired an order: its products' stock reappears, and the target figure. */
  order: async (ref: { orderId: string }) => expireThroughHandler(inNext() ? await orderTags(ref) : []),
  /** The sweep expired certificates: badges and listings anywhere in the catalog. */
  catalog: () => expireThroughHandler([CATALOG_TAG]),
};

export const invalidate = {
  /** Stock was reserved or given back (checkout). */
  stock: (slugs: string[]) => expireNow(slugs.map(productTag)),
  /** An order was paid, cancelled, expired or refunded: its products' stock and sales, and the target. */
  order: orderEffects,
  /** Certificates expired (the sweep): badges and listings anywhere in the catalog. */
  catalog: catalogWhenConvenient,
  /** A manager changed a listing (fields, price, stock, photos, status). */
  listing({ slug, productId }: { slug: string; productId: number }) {
    readYourWrites([CATALOG_TAG, productTag(slug)]);
    pages('/workshop', `/workshop/products/${productId}`);
  },
  /** A manager created a draft (not in the catalog yet). */
  draft: () => pages('/workshop'),
  /** A manager submitted a certificate: the listing, and the office's review queue. */
  certificateSubmitted(p: { slug: string; productId: number }) {
    pages('/admin/certifications');
    invalidate.listing(p);
  },
  /** The office decided a certificate or changed its expiry: the product's badge and listing. */
  certification(slug: string) {
    readYourWrites([productTag(slug), CATALOG_TAG]);
    pages('/admin/certifications');
  },
  /** The office changed how certificate expiry is handled. */
  certificationSettings: () => pages('/admin/certifications'),
  /** The office set the programme target. */
  target() {
    readYourWrites([IMPACT_TAG]);
    pages('/admin/impact');
  },
  /** The office cancelled an order. */
  async orderByOffice(ref: { orderNo: string }) {
    await orderEffects(ref);
    pages('/admin/orders');
  },
  /** The office refunded money an order held. */
  async refund(ref: { orderId: string }) {
    await orderEffects(ref);
    pages('/admin/orders', '/admin/payments/unmatched');
  },
  /** The office applied or refunded 待处理款项 (applying may reopen an order and take its stock again). */
  async unmatched(ref: { orderId?: string }) {
    if (ref.orderId) await orderEffects({ orderId: ref.orderId });
    pages('/admin/payments/unmatched', '/admin/orders');
  },
  /** A unit placed a purchase order (stock held). */
  async purchaseOrder(ref: { orderId: string }) {
    await orderEffects(ref);
    pages('/unit');
  },
  /** An approver (or the office) decided a purchase order; a rejection released its stock. */
  async purchaseOrderDecided({
    orderNo,
    released,
    byOffice,
  }: {
    orderNo: string;
    released: boolean;
    byOffice?: boolean;
  }) {
    if (released) await orderEffects({ orderNo });
    pages('/unit', `/unit/orders/${orderNo}`, ...(byOffice ? ['/admin/purchase-orders'] : []));
  },
  /** The office confirmed a bank transfer, in full (the order is paid) or in part; any excess is 待处理款项. */
  async transfer({ orderNo, paid, unmatched }: { orderNo: string; paid: boolean; unmatched: boolean }) {
    if (paid) await orderEffects({ orderNo });
    else expireNow([IMPACT_TAG]);
    pages('/admin/transfers', `/unit/orders/${orderNo}`, ...(unmatched ? ['/admin/payments/unmatched'] : []));
  },
  pledge: () => pages('/admin/pledges'),
  round: () => pages('/admin/rounds'),
  /** A unit's verification changed. */
  unit: () => pages('/admin/units'),
  /** A unit's members or invitations changed. */
  unitMembers: () => pages('/unit'),
  /** The office created a supplier. */
  supplier() {
    pages('/admin/suppliers');
    catalogWhenConvenient();
  },
  /** The office invited a supplier's manager. */
  supplierManagers: () => pages('/admin/suppliers'),
  /** A manager changed the supplier's public profile. */
  supplierProfile() {
    catalogWhenConvenient();
    pages('/workshop');
  },
  /** A supplier shipped its lines of an order. */
  shipment: () => pages('/workshop'),
  /** A livestream was scheduled, or its status changed. */
  livestream(id?: number) {
    pages('/livestreams', ...(id ? [`/livestreams/${id}`] : []), '/workshop/livestreams');
  },
  /** An account was activated or deactivated, or the office started a password reset for it. */
  user: () => pages('/admin/users'),
  /** A buyer's saved addresses changed. */
  addresses: () => pages('/account'),

  // 带贫成效 (issue 17).
  /** A supplier's household register changed. */
  households: () => pages('/workshop/households'),
  /** A payout was recorded, confirmed or voided (not counted yet), or a dividend rule declared. */
  payouts: () => pages('/workshop/payouts', '/workshop/dividends', '/admin/payouts', '/review'),
  /** A payout was verified or returned: the recorded figures on /impact and the dashboard change. */
  payoutReviewed() {
    expireNow([IMPACT_TAG]);
    pages('/workshop/payouts', '/workshop/dividends', '/admin/payouts', '/review', '/admin/impact');
  },
  /** Confirmation codes were printed, or a reviewer invited. */
  reviewers: () => pages('/review', '/admin/payouts'),
  // issue 16
  /** The office changed the operator's contact details: the footer of every page, the certificate check. */
  siteContact() {
    readYourWrites([SITE_TAG]);
    pages('/admin/settings');
  },
  /** The office changed the payee account: every page that asks a unit to transfer. */
  payee: () => pages('/admin/settings', '/unit'),
  /** The office changed the union fund rules (festival windows, 人均标准, excluded categories). */
  unionRules: () => pages('/admin/settings', '/unit'),
  /** A unit confirmed receipt (验收) of an order: its pages and the office's list of unreceived orders. */
  unitReceipt: (orderNo: string) => pages('/unit', `/unit/orders/${orderNo}`, '/admin/pledges'),
  /** A visitor's cart changed: the cart and checkout pages render it afresh. */
  cart: () => pages('/cart', '/checkout'),
};
