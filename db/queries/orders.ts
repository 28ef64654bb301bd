import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { encryptText, decryptText } from '@/lib/crypto/pii';
import { mergeLines, priceOrder, type RequestedLine } from '@/domain/checkout';
import { formatOrderNo } from '@/domain/order-number';
import { unitPriceFor } from '@/domain/tier-pricing';
import type { OrderStatus } from '@/domain/order-state';
import { maskMobile, maskName, normalizeMobile } from '@/domain/phone';
import { getDb, rowsOf } from '../client';
import {
  certifications,
  orderItems,
  orderRecipients,
  orders,
  payments,
  products,
  productTierPrices,
  shipments,
} from '../schema';
import { withTxRetry } from '../tx';
import { mobileLookupHash } from './users';
import { chinaDate } from '@/domain/time';
import type { PaymentMethod } from '@/domain/checkout';

export class OutOfStockError extends Error {
  constructor(readonly slugs: string[]) {
    super('out of stock');
  }
}
export class UnknownProductError extends Error {
  constructor(readonly slugs: string[]) {
    super('unknown product');
  }
}

export class MinimumQuantityError extends Error {
  constructor(readonly items: { slug: string; min: number }[]) {
    super('below the unit minimum quantity');
  }
}

export type Address = { province: string; city: string; district: string; detail: string };
export type Recipient = { slug: string; quantity: number; name: string; mobile: string; address: string; row: number };
/** A government unit's purchase order: tier prices, the unit minimum, approval first, bank transfer. */
export type UnitOrderOptions = {
  unitId: string;
  unitName: string;
  creditCode: string;
  roundId: number | null;
  paymentTerms: 'prepay' | 'pay_later';
  recipients: Recipient[];
};
export type PlaceOrderInput = {
  items: RequestedLine[];
  contact: { name: string; mobile: string };
  shippingAddress: Address;
  paymentMethod: PaymentMethod;
  invoice?: { title: string; taxNo?: string | null } | null;
  userId: string | null;
  timeoutMinutes: number;
  unit?: UnitOrderOptions;
  /** The livestream the buyer came from; it counts only if it features a product in the order. */
  livestreamId?: number | null;
};

/** Unit purchase orders hold their stock for 7 days while they wait for approval. */
export const APPROVAL_HOLD_DAYS = 7;
const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 对公转账识别码: 10 characters without look-alikes (0/O, 1/I). */
function transferReference(): string {
  const bytes = randomBytes(8);
  return 'ZZ' + Array.from(bytes, (b) => REF_ALPHABET[b % REF_ALPHABET.length]).join('');
}
export type PlacedOrder = {
  orderId: string;
  orderNo: string;
  totalFen: bigint;
  shippingFen: bigint;
  accessToken: string;
  expiresAt: Date;
  /** The priced lines, as snapshotted on the order. */
  lines: { name: string; spec: string; unitPriceFen: number; quantity: number }[];
};

export const hashAccessToken = (token: string) => createHash('sha256').update(`order:${token}`).digest('hex');

/**
 * Places an order and reserves its stock atomically: lines for one product are summed, product rows
 * are locked in id order, and each is decremented with a conditional UPDATE (stock >= n). Prices and
 * the certification in force come from the database at this moment. Deadlocks are retried.
 */
export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  const lines = mergeLines(input.items);
  const accessToken = randomBytes(24).toString('base64url');
  const mobile = normalizeMobile(input.contact.mobile);
  const today = chinaDate();
  return withTxRetry(() =>
    getDb().transaction(async (tx) => {
      // Read without locks; the stock rows are locked only by the conditional UPDATEs at the end, so
      // that a popular product's row is held for as short a time as possible.
      const found = await tx
        .select({
          id: products.id,
          slug: products.slug,
          name: products.name,
          spec: products.spec,
          priceFen: products.priceFen,
          supplierId: products.supplierId,
        })
        .from(products)
        .where(
          and(
            inArray(
              products.slug,
              lines.map((l) => l.slug),
            ),
            eq(products.status, 'listed'),
          ),
        );
      const bySlug = new Map(found.map((p) => [p.slug, p]));
      const unknown = lines.filter((l) => !bySlug.has(l.slug)).map((l) => l.slug);
      if (unknown.length) throw new UnknownProductError(unknown);

      const ordered = lines.map((l) => ({ ...l, p: bySlug.get(l.slug)! })).sort((a, b) => a.p.id - b.p.id);
      const inForce = await tx
        .selectDistinctOn([certifications.productId], {
          productId: certifications.productId,
          id: certifications.id,
          no: certifications.certificateNo,
        })
        .from(certifications)
        .where(
          and(
            inArray(
              certifications.productId,
              ordered.map((l) => l.p.id),
            ),
            eq(certifications.status, 'approved'),
            sql`${certifications.expiresOn} >= ${today}::date`,
          ),
        )
        .orderBy(certifications.productId, desc(certifications.expiresOn));
      const certOf = new Map(inForce.map((c) => [c.productId, c]));

      const unit = input.unit;
      let unitPrices = new Map<number, number>();
      if (unit) {
        const tiers = await tx
          .select()
          .from(productTierPrices)
          .where(
            inArray(
              productTierPrices.productId,
              ordered.map((l) => l.p.id),
            ),
          );
        const mins = await tx
          .select({ id: products.id, min: products.unitMinQuantity })
          .from(products)
          .where(
            inArray(
              products.id,
              ordered.map((l) => l.p.id),
            ),
          );
        const below = ordered.filter((l) => l.quantity < (mins.find((m) => m.id === l.p.id)?.min ?? 1));
        if (below.length)
          throw new MinimumQuantityError(
            below.map((l) => ({ slug: l.slug, min: mins.find((m) => m.id === l.p.id)!.min })),
          );
        unitPrices = new Map(
          ordered.map((l) => [
            l.p.id,
            unitPriceFor(
              l.p.priceFen,
              tiers.filter((t) => t.productId === l.p.id),
              l.quantity,
            ),
          ]),
        );
      }
      const priceOf = (l: (typeof ordered)[number]) => unitPrices.get(l.p.id) ?? l.p.priceFen;
      let livestreamId: number | null = null;
      if (!unit && input.livestreamId) {
        const [hit] = rowsOf<{ id: number }>(
          await tx.execute(sql`select l.id from livestreams l join livestream_products lp on lp.livestream_id = l.id
            where l.id = ${input.livestreamId} and l.status <> 'cancelled'
              and lp.product_id in (${sql.join(
                ordered.map((l) => sql`${l.p.id}`),
                sql`, `,
              )}) limit 1`),
        );
        livestreamId = hit?.id ?? null;
      }
      const priced = priceOrder(
        ordered.map((l) => ({ productId: l.p.id, quantity: l.quantity, unitPriceFen: priceOf(l) })),
      );
      const [{ seq } = { seq: '0' }] = rowsOf<{ seq: string }>(
        await tx.execute(sql`select nextval('order_no_seq')::text as seq`),
      );
      const now = new Date();
      const expiresAt = new Date(now.getTime() + (unit ? APPROVAL_HOLD_DAYS * 24 * 60 : input.timeoutMinutes) * 60_000);
      const invoice = unit ? { title: unit.unitName, taxNo: unit.creditCode } : input.invoice;
      const [order] = await tx
        .insert(orders)
        .values({
          orderNo: formatOrderNo(now, BigInt(seq)),
          userId: input.userId,
          unitId: unit?.unitId ?? null,
          roundId: unit?.roundId ?? null,
          channel: unit ? (unit.roundId ? 'round' : 'unit') : livestreamId ? 'livestream' : 'online',
          livestreamId,
          status: unit ? 'pending_approval' : 'pending_payment',
          paymentTerms: unit?.paymentTerms ?? 'prepay',
          transferReference: input.paymentMethod === 'bank_transfer' ? transferReference() : null,
          itemsFen: priced.itemsFen,
          shippingFen: priced.shippingFen,
          totalFen: priced.totalFen,
          paymentMethod: input.paymentMethod,
          contactNameEnc: encryptText(input.contact.name),
          contactMobileEnc: encryptText(mobile),
          contactMobileHash: mobileLookupHash(mobile),
          shippingAddressEnc: encryptText(JSON.stringify(input.shippingAddress)),
          invoiceTitle: invoice?.title ?? null,
          invoiceTaxNo: invoice?.taxNo ?? null,
          accessTokenHash: hashAccessToken(accessToken),
          expiresAt,
        })
        .returning({ id: orders.id, orderNo: orders.orderNo });
      await tx.insert(orderItems).values(
        ordered.map((l, i) => {
          const c = certOf.get(l.p.id);
          return {
            orderId: order!.id,
            productId: l.p.id,
            supplierId: l.p.supplierId,
            productName: l.p.name,
            productSpec: l.p.spec,
            unitPriceFen: priceOf(l),
            quantity: l.quantity,
            lineTotalFen: priced.lines[i]!.lineTotalFen,
            certificationId: c?.id ?? null,
            certificateNo: c?.no ?? null,
            certifiedAtSale: !!c,
          };
        }),
      );
      if (unit?.recipients.length) {
        await tx.insert(orderRecipients).values(
          unit.recipients.map((r) => ({
            orderId: order!.id,
            productId: bySlug.get(r.slug)!.id,
            quantity: r.quantity,
            nameEnc: encryptText(r.name),
            mobileEnc: encryptText(r.mobile),
            addressEnc: encryptText(r.address),
            sourceRow: r.row,
          })),
        );
      }
      // Reserve stock in product-id order. The UPDATE re-checks the price and listing read above; if
      // either changed meanwhile, the whole transaction runs again with fresh values.
      const short: string[] = [];
      for (const l of ordered) {
        const r = await tx.execute(
          sql`update products set stock = stock - ${l.quantity}, updated_at = now() where id = ${l.p.id} and stock >= ${l.quantity} and price_fen = ${l.p.priceFen} and status = 'listed' returning id`,
        );
        if (rowsOf(r).length) continue;
        const [now] = rowsOf<{ price_fen: number; status: string }>(
          await tx.execute(sql`select price_fen, status from products where id = ${l.p.id}`),
        );
        if (now && (now.price_fen !== l.p.priceFen || now.status !== 'listed'))
          throw Object.assign(new Error('product changed during checkout'), { code: '40001' });
        short.push(l.slug);
      }
      if (short.length) throw new OutOfStockError(short);
      return {
        orderId: order!.id,
        orderNo: order!.orderNo,
        totalFen: priced.totalFen,
        shippingFen: priced.shippingFen,
        accessToken,
        expiresAt,
        lines: ordered.map((l) => ({ name: l.p.name, spec: l.p.spec, unitPriceFen: priceOf(l), quantity: l.quantity })),
      };
    }),
  );
}

export type OrderView = Awaited<ReturnType<typeof getOrderView>>;

/** An order with its lines, payments and shipments. Personal data is decrypted for the owner only. */
export async function getOrderView({ orderNo }: { orderNo: string }) {
  const db = getDb();
  const [o] = await db.select().from(orders).where(eq(orders.orderNo, orderNo)).limit(1);
  if (!o) return null;
  const [items, pays, ships] = await Promise.all([
    db
      .select({ item: orderItems, slug: products.slug })
      .from(orderItems)
      .innerJoin(products, eq(products.id, orderItems.productId))
      .where(eq(orderItems.orderId, o.id))
      .orderBy(asc(orderItems.id)),
    db.select().from(payments).where(eq(payments.orderId, o.id)).orderBy(asc(payments.createdAt)),
    db.select().from(shipments).where(eq(shipments.orderId, o.id)).orderBy(asc(shipments.shippedAt)),
  ]);
  const mobile = decryptText(o.contactMobileEnc);
  return {
    id: o.id,
    orderNo: o.orderNo,
    userId: o.userId,
    unitId: o.unitId,
    paymentTerms: o.paymentTerms,
    status: o.status,
    paymentMethod: o.paymentMethod,
    itemsFen: o.itemsFen,
    shippingFen: o.shippingFen,
    totalFen: o.totalFen,
    paidFen: o.paidFen,
    refundedFen: o.refundedFen,
    accessTokenHash: o.accessTokenHash,
    contact: {
      name: decryptText(o.contactNameEnc),
      mobile,
      mobileMasked: maskMobile(mobile),
      nameMasked: maskName(decryptText(o.contactNameEnc)),
    },
    address: JSON.parse(decryptText(o.shippingAddressEnc)) as Address,
    invoice: o.invoiceTitle ? { title: o.invoiceTitle, taxNo: o.invoiceTaxNo } : null,
    stripeSessionId: o.stripeSessionId,
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    expiresAt: o.expiresAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    items: items.map(({ item: i, slug }) => ({
      id: String(i.id),
      slug,
      productId: i.productId,
      supplierId: i.supplierId,
      name: i.productName,
      spec: i.productSpec,
      unitPriceFen: i.unitPriceFen,
      quantity: i.quantity,
      lineTotalFen: i.lineTotalFen,
      certificateNo: i.certificateNo,
      certifiedAtSale: i.certifiedAtSale,
    })),
    payments: pays.map((p) => ({ kind: p.kind, method: p.method, amountFen: p.amountFen, at: p.createdAt })),
    shipments: ships.map((s) => ({
      supplierId: s.supplierId,
      carrier: s.carrier,
      trackingNo: s.trackingNo,
      at: s.shippedAt,
    })),
  };
}

export async function setStripeSession({ orderId, sessionId }: { orderId: string; sessionId: string }): Promise<void> {
  await getDb().update(orders).set({ stripeSessionId: sessionId }).where(eq(orders.id, orderId));
}

/** Guest lookup: order number plus the mobile number given at checkout. */
export async function findOrderNoForGuest({
  orderNo,
  mobile,
}: {
  orderNo: string;
  mobile: string;
}): Promise<string | null> {
  const [o] = await getDb()
    .select({ orderNo: orders.orderNo })
    .from(orders)
    .where(and(eq(orders.orderNo, orderNo), eq(orders.contactMobileHash, mobileLookupHash(mobile))))
    .limit(1);
  return o?.orderNo ?? null;
}

export async function listOrdersForUser({ userId, limit }: { userId: string; limit: number }) {
  return getDb()
    .select({
      orderNo: orders.orderNo,
      status: orders.status,
      totalFen: orders.totalFen,
      createdAt: orders.createdAt,
      lines: sql<number>`(select count(*)::int from order_items oi where oi.order_id = "orders"."id")`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

export async function listOrdersForAdmin({ status, limit }: { status?: OrderStatus; limit: number }) {
  return getDb()
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      status: orders.status,
      totalFen: orders.totalFen,
      paidFen: orders.paidFen,
      refundedFen: orders.refundedFen,
      paymentMethod: orders.paymentMethod,
      channel: orders.channel,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(status ? eq(orders.status, status) : undefined)
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

/** Slugs of an order's products, to revalidate their cached pages after stock or sales change. */
export async function orderProductSlugs({
  orderId,
  orderNo,
}: {
  orderId?: string;
  orderNo?: string;
}): Promise<string[]> {
  const rows = await getDb()
    .select({ slug: products.slug })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(orderId ? eq(orders.id, orderId) : eq(orders.orderNo, orderNo!));
  return rows.map((r) => r.slug);
}
