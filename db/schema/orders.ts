import { sql } from 'drizzle-orm';
import {
  bigint,
  pgSequence,
  primaryKey,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PAYMENT_METHODS } from '@/domain/checkout';
import { LEDGER_KINDS } from '@/domain/ledger';
import { ORDER_STATUSES } from '@/domain/order-state';
import type { PaymentTerms } from '@/domain/purchase-order';
import { CHANNELS } from '@/domain/target-accounting';
import { units, users } from './accounts';
import { certifications, products, suppliers } from './catalog';
import { livestreams, promotionRounds } from './programme';
import { bytea } from './types';

// The status lists live once, in domain/ (each in its stored order).
export const orderStatus = pgEnum('order_status', ORDER_STATUSES);
export const salesChannel = pgEnum('sales_channel', CHANNELS);
export const paymentMethod = pgEnum('payment_method', PAYMENT_METHODS);
export const ledgerKind = pgEnum('ledger_kind', LEDGER_KINDS);

/** The running number inside order numbers (domain/order-number). */
export const orderNoSeq = pgSequence('order_no_seq', { startWith: 1, increment: 1 });

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-readable order number, e.g. GJ20261129-000123. */
    orderNo: text('order_no').notNull().unique(),
    userId: uuid('user_id').references(() => users.id),
    unitId: uuid('unit_id').references(() => units.id),
    channel: salesChannel('channel').notNull().default('online'),
    roundId: integer('round_id').references(() => promotionRounds.id),
    livestreamId: integer('livestream_id').references(() => livestreams.id),
    status: orderStatus('status').notNull(),
    itemsFen: bigint('items_fen', { mode: 'bigint' }).notNull(),
    shippingFen: bigint('shipping_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    totalFen: bigint('total_fen', { mode: 'bigint' }).notNull(),
    paidFen: bigint('paid_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    refundedFen: bigint('refunded_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    paymentMethod: paymentMethod('payment_method').notNull(),
    /** Personal data (PIPL): encrypted with DATA_ENCRYPTION_KEY; mobileHash finds guest orders. */
    contactNameEnc: bytea('contact_name_enc').notNull(),
    contactMobileEnc: bytea('contact_mobile_enc').notNull(),
    contactMobileHash: text('contact_mobile_hash').notNull(),
    shippingAddressEnc: bytea('shipping_address_enc').notNull(),
    invoiceTitle: text('invoice_title'),
    invoiceTaxNo: text('invoice_tax_no'),
    /** Bearer token for guests and API clients; only its hash is stored. */
    accessTokenHash: text('access_token_hash').notNull(),
    /** 对公转账识别码 for bank transfers. */
    transferReference: text('transfer_reference').unique(),
    stripeSessionId: text('stripe_session_id').unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** Unit purchase orders: who approved or rejected, and why. */
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    /** prepay, or pay_later (due in 30 days) for verified units. */
    paymentTerms: text('payment_terms').$type<PaymentTerms>().notNull().default('prepay'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('orders_amounts_nonneg', sql`${t.totalFen} >= 0 and ${t.paidFen} >= 0 and ${t.refundedFen} >= 0`),
    check('orders_refund_le_paid', sql`${t.refundedFen} <= ${t.paidFen}`),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_unit_idx').on(t.unitId, t.createdAt),
    index('orders_status_expires_idx').on(t.status, t.expiresAt),
    index('orders_mobile_hash_idx').on(t.contactMobileHash),
  ],
);

/** Order lines snapshot the price and the certification in force when the order was placed. */
export const orderItems = pgTable(
  'order_items',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    productName: text('product_name').notNull(),
    productSpec: text('product_spec').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalFen: bigint('line_total_fen', { mode: 'bigint' }).notNull(),
    certificationId: integer('certification_id').references(() => certifications.id),
    certificateNo: text('certificate_no'),
    certifiedAtSale: boolean('certified_at_sale').notNull(),
  },
  (t) => [
    check('order_items_quantity_positive', sql`${t.quantity} > 0`),
    index('order_items_order_idx').on(t.orderId),
    index('order_items_supplier_idx').on(t.supplierId),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    method: paymentMethod('method').notNull(),
    /** Stripe payment intent / refund id, simulator reference or bank transfer reference. */
    providerRef: text('provider_ref').notNull().unique(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    kind: ledgerKind('kind').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);

/** Each Stripe event id is recorded once, in the same transaction as its effect. */
export const webhookEvents = pgTable('webhook_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    carrier: text('carrier').notNull(),
    trackingNo: text('tracking_no').notNull(),
    shippedAt: timestamp('shipped_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('shipments_order_idx').on(t.orderId),
    uniqueIndex('shipments_order_supplier_idx').on(t.orderId, t.supplierId),
  ],
);

/** Signed-in buyers' carts. Guests keep theirs in a cookie; the two merge at login. */
export const cartItems = pgTable(
  'cart_items',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.productId] }),
    check('cart_items_quantity', sql`${t.quantity} between 1 and 10000`),
  ],
);

/** 工会慰问品: a unit order's lines shipped to many recipients, one shipment each. Personal data encrypted. */
export const orderRecipients = pgTable(
  'order_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    nameEnc: bytea('name_enc').notNull(),
    mobileEnc: bytea('mobile_enc').notNull(),
    addressEnc: bytea('address_enc').notNull(),
    /** The spreadsheet row it came from, for messages. */
    sourceRow: integer('source_row').notNull(),
  },
  (t) => [
    index('order_recipients_order_idx').on(t.orderId),
    check('order_recipients_quantity', sql`${t.quantity} > 0`),
  ],
);
