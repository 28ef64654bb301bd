import 'server-only';
import { randomBytes } from 'node:crypto';
import { insertOrder, insertOrderItems, insertOrderRecipients, nextOrderSequence } from '@/db/queries/orders';
import {
  certificatesInForce,
  listedProductsBySlugs,
  livestreamFeaturing,
  takeStockAndCommit,
  tierPricesOf,
} from '@/db/queries/stock';
import { transaction } from '@/db/tx';
import { mergeLines, priceOrder, type PaymentMethod, type RequestedLine } from '@/domain/checkout';
import { distinctRecipients, type FundSource } from '@/domain/fund-source';
import { formatOrderNo } from '@/domain/order-number';
import { normalizeMobile } from '@/domain/phone';
import { holdMinutes } from '@/domain/order-holds';
import { transferReference, uncertifiedNotKept, type PaymentTerms, type Recipient } from '@/domain/purchase-order';
import { saleChannel } from '@/domain/target-accounting';
import { unitPriceFor } from '@/domain/tier-pricing';
import { chinaDate } from '@/domain/time';
import { mobileLookupHash } from '@/lib/accounts/login-key';
import { encryptText } from '@/lib/crypto/pii';
import { AppError } from '@/lib/errors';
import { assertAllowed, recordHit } from '@/lib/security/rate-limit';
import { hashAccessToken, newAccessToken } from './access-token';
import { checkFundSource } from './fund-rules';
import { addressHashOf, assertWithinHoldCaps, guestHoldPolicy, isCappedBuyer } from './retail-limits';

/** Some lines ask for more than is in stock. */
export class OutOfStockError extends AppError {
  constructor(readonly slugs: string[]) {
    super('out_of_stock', undefined, Object.fromEntries(slugs.map((s) => [s, '库存不足'])));
  }
}
/** Some lines name a product that does not exist or is not listed. */
export class UnknownProductError extends AppError {
  constructor(readonly slugs: string[]) {
    super(
      'invalid_input',
      '商品不存在或已下架，请调整后重试',
      Object.fromEntries(slugs.map((s) => [s, '商品不存在或已下架'])),
    );
  }
}
/** A unit's purchase order is below a product's unit minimum (单位采购起订量). */
export class MinimumQuantityError extends AppError {
  constructor(readonly items: { slug: string; min: number }[]) {
    super('invalid_input', `未达到单位采购起订量：${items.map((i) => `${i.slug} 至少 ${i.min} 件`).join('、')}`);
  }
}

/** A unit order holds uncertified lines the buyer did not tick to keep (不计入认购). */
export class UncertifiedLinesError extends AppError {
  constructor(readonly lines: { slug: string; name: string }[]) {
    super(
      'invalid_input',
      `${lines.map((l) => l.name).join('、')} 未获扶贫产品认定，不计入认购：如仍要采购，请在预览中勾选“仍要采购（不计入认购）”后再提交`,
      { keep: lines.map((l) => l.slug).join(',') },
    );
  }
}

export type Address = { province: string; city: string; district: string; detail: string };
export type { Recipient };
/** A government unit's purchase order: tier prices, the unit minimum, approval first, bank transfer. */
export type UnitOrderOptions = {
  unitId: string;
  unitName: string;
  creditCode: string;
  roundId: number | null;
  paymentTerms: PaymentTerms;
  recipients: Recipient[];
  /** No approver of the unit may decide it (separation of duties): the programme office does. */
  officeApproval?: boolean;
  /**
   * The uncertified products (slugs) the buyer ticked to keep (不计入认购). When given, any other
   * uncertified line refuses the order, checked against the certificates in force in the transaction.
   */
  keepUncertified?: readonly string[];
  /**
   * 经费来源 (食堂 when not given): a union order is checked against the office's rules in the
   * transaction (lib/orders/fund-rules).
   */
  fundSource?: FundSource;
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
  /** The client address of a retail order (lib/http/client-address.ts): rate limit and open-order cap. */
  clientAddress?: string | null;
  /** A payment provider's shortest session (Stripe: 30 minutes); even a capped hold lasts that long. */
  minHoldMinutes?: number;
};
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

/**
 * Places an order and reserves its stock atomically: lines for one product are summed, and stock is taken
 * in product-id order by take_stock (stock >= n, same price, still listed), committed with it. Prices and
 * the certification in force come from the database at this moment. Deadlocks are retried.
 * Retail orders count against the client address's order limit, and those of guests and of accounts
 * outside a verified unit against the hold caps (lib/orders/retail-limits.ts), checked before any write.
 */
export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  const lines = mergeLines(input.items);
  const accessToken = newAccessToken();
  const mobile = normalizeMobile(input.contact.mobile);
  const mobileHash = mobileLookupHash(mobile);
  const today = chinaDate();
  const unit = input.unit;
  const addressHash = unit ? null : addressHashOf(input.clientAddress);
  // Orders placed count against the client address; a refused order (caps, stock) writes nothing there.
  const limited = !unit && input.clientAddress ? input.clientAddress : null;
  if (limited) await assertAllowed('orders', limited);
  const placed = await transaction(
    async (tx) => {
      // Read without locks; the stock rows are locked only by take_stock at the end, committed in the same
      // round trip, so that a popular product's row is held for as short a time as possible.
      const found = await listedProductsBySlugs({ slugs: lines.map((l) => l.slug) }, tx);
      const bySlug = new Map(found.map((p) => [p.slug, p]));
      const unknown = lines.filter((l) => !bySlug.has(l.slug)).map((l) => l.slug);
      if (unknown.length) throw new UnknownProductError(unknown);
      const ordered = lines.map((l) => ({ ...l, p: bySlug.get(l.slug)! })).sort((a, b) => a.p.id - b.p.id);
      const productIds = ordered.map((l) => l.p.id);
      const certOf = await certificatesInForce({ productIds, today }, tx);
      if (unit?.keepUncertified) {
        const lines = ordered.map((l) => ({ slug: l.slug, name: l.p.name, certified: certOf.has(l.p.id) }));
        const unticked = uncertifiedNotKept(lines, unit.keepUncertified);
        if (unticked.length) throw new UncertifiedLinesError(unticked);
      }

      let unitPrices = new Map<number, number>();
      if (unit) {
        const below = ordered.filter((l) => l.quantity < l.p.unitMinQuantity);
        if (below.length)
          throw new MinimumQuantityError(below.map((l) => ({ slug: l.slug, min: l.p.unitMinQuantity })));
        const tiers = await tierPricesOf({ productIds }, tx);
        unitPrices = new Map(
          ordered.map((l) => [l.p.id, unitPriceFor(l.p.priceFen, tiers.get(l.p.id) ?? [], l.quantity)]),
        );
      }
      const priceOf = (l: (typeof ordered)[number]) => unitPrices.get(l.p.id) ?? l.p.priceFen;
      const livestreamId =
        !unit && input.livestreamId
          ? await livestreamFeaturing({ livestreamId: input.livestreamId, productIds }, tx)
          : null;
      const priced = priceOrder(
        ordered.map((l) => ({ productId: l.p.id, quantity: l.quantity, unitPriceFen: priceOf(l) })),
      );
      const fundHeads = unit
        ? await checkFundSource(tx, {
            unitId: unit.unitId,
            fundSource: unit.fundSource ?? 'canteen',
            today,
            totalFen: priced.totalFen,
            recipientsCount: distinctRecipients(unit.recipients),
            lines: ordered.map((l) => ({ productId: l.p.id, name: l.p.name })),
          })
        : null;
      const capped = !unit && (await isCappedBuyer(input.userId, tx));
      const policy = guestHoldPolicy();
      if (capped) {
        const capLines = ordered.map((l) => ({ slug: l.slug, name: l.p.name, quantity: l.quantity }));
        await assertWithinHoldCaps(
          { lines: capLines, itemsFen: priced.itemsFen, mobileHash, userId: input.userId, addressHash },
          policy,
          tx,
        );
      }
      const seq = await nextOrderSequence(tx);
      const now = new Date();
      const minutes = holdMinutes({
        unitOrder: !!unit,
        capped,
        paymentTimeoutMinutes: input.timeoutMinutes,
        cappedHoldMinutes: Math.max(policy.holdMinutes, input.minHoldMinutes ?? 0),
      });
      const expiresAt = new Date(now.getTime() + minutes * 60_000);
      const invoice = unit ? { title: unit.unitName, taxNo: unit.creditCode } : input.invoice;
      const order = await insertOrder(
        {
          orderNo: formatOrderNo(now, seq),
          userId: input.userId,
          unitId: unit?.unitId ?? null,
          roundId: unit?.roundId ?? null,
          channel: saleChannel({ unitOrder: !!unit, roundId: unit?.roundId ?? null, livestreamId }),
          livestreamId,
          status: unit ? 'pending_approval' : 'pending_payment',
          paymentTerms: unit?.paymentTerms ?? 'prepay',
          officeApproval: unit?.officeApproval ?? false,
          fundSource: unit ? (unit.fundSource ?? 'canteen') : null,
          fundHeads,
          transferReference: input.paymentMethod === 'bank_transfer' ? transferReference(randomBytes(8)) : null,
          itemsFen: priced.itemsFen,
          shippingFen: priced.shippingFen,
          totalFen: priced.totalFen,
          paymentMethod: input.paymentMethod,
          contactNameEnc: encryptText(input.contact.name),
          contactMobileEnc: encryptText(mobile),
          contactMobileHash: mobileHash,
          clientAddressHash: addressHash,
          shippingAddressEnc: encryptText(JSON.stringify(input.shippingAddress)),
          invoiceTitle: invoice?.title ?? null,
          invoiceTaxNo: invoice?.taxNo ?? null,
          accessTokenHash: hashAccessToken(accessToken),
          expiresAt,
        },
        tx,
      );
      await insertOrderItems(
        ordered.map((l, i) => {
          const c = certOf.get(l.p.id);
          return {
            orderId: order.id,
            productId: l.p.id,
            supplierId: l.p.supplierId,
            productName: l.p.name,
            productSpec: l.p.spec,
            unitPriceFen: priceOf(l),
            quantity: l.quantity,
            lineTotalFen: priced.lines[i]!.lineTotalFen,
            certificationId: c?.id ?? null,
            certificateNo: c?.certificateNo ?? null,
            certifiedAtSale: !!c,
          };
        }),
        tx,
      );
      await insertOrderRecipients(
        (unit?.recipients ?? []).map((r) => ({
          orderId: order.id,
          productId: bySlug.get(r.slug)!.id,
          quantity: r.quantity,
          nameEnc: encryptText(r.name),
          mobileEnc: encryptText(r.mobile),
          addressEnc: encryptText(r.address),
          sourceRow: r.row,
        })),
        tx,
      );
      // Take stock in product-id order, and commit with it in one round trip (takeStockAndCommit): nothing
      // may follow. A product whose price or listing changed since it was read makes the whole
      // transaction run again with fresh values.
      const shortIds = await takeStockAndCommit(
        ordered.map((l) => ({ productId: l.p.id, quantity: l.quantity, priceFen: l.p.priceFen })),
        tx,
      );
      const short = ordered.filter((l) => shortIds.includes(l.p.id)).map((l) => l.slug);
      if (short.length) throw new OutOfStockError(short);
      return {
        orderId: order.id,
        orderNo: order.orderNo,
        totalFen: priced.totalFen,
        shippingFen: priced.shippingFen,
        accessToken,
        expiresAt,
        lines: ordered.map((l) => ({ name: l.p.name, spec: l.p.spec, unitPriceFen: priceOf(l), quantity: l.quantity })),
      };
    },
    { retry: true },
  );
  if (limited) await recordHit('orders', limited);
  return placed;
}
