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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { PAYMENT_METHODS } from '@/domain/checkout';
import { LEDGER_KINDS } from '@/domain/ledger';
import { MOVEMENT_KINDS, MOVEMENT_STATES, type UnmatchedReason } from '@/domain/money-movements';
import { ORDER_STATUSES } from '@/domain/order-state';
import type { FundSource } from '@/domain/fund-source';
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
export const movementKind = pgEnum('movement_kind', MOVEMENT_KINDS);
export const movementState = pgEnum('movement_state', MOVEMENT_STATES);

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
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** 确认收货: when the buyer confirmed receipt, or the sweep did 10 days after the last shipment (domain/receipt). */
    receivedAt: timestamp('received_at', { withTimezone: true }),
    /** Unit purchase orders: who approved or rejected, and why. */
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    /** A purchase order none of whose unit's approvers may decide (separation of duties): the office decides it. */
    officeApproval: boolean('office_approval').notNull().default(false),
    /** Keyed hash of the client address that placed a retail order, for the cap on open unpaid orders. */
    clientAddressHash: text('client_address_hash'),
    /** prepay, or pay_later (due in 30 days) for verified units. */
    paymentTerms: text('payment_terms').$type<PaymentTerms>().notNull().default('prepay'),
    /** 经费来源 of a unit purchase order (domain/fund-source): 食堂, 工会 or 其他; null for retail orders. */
    fundSource: text('fund_source').$type<FundSource>(),
    /** The heads a union order was divided by (its recipients, or the unit's members): its per-head share. */
    fundHeads: integer('fund_heads'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('orders_amounts_nonneg', sql`${t.totalFen} >= 0 and ${t.paidFen} >= 0 and ${t.refundedFen} >= 0`),
    check('orders_refund_le_paid', sql`${t.refundedFen} <= ${t.paidFen}`),
    check('orders_fund_source', sql`${t.fundSource} in ('canteen', 'union', 'other')`),
    check('orders_fund_heads_positive', sql`${t.fundHeads} > 0`),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_unit_idx').on(t.unitId, t.createdAt),
    index('orders_status_expires_idx').on(t.status, t.expiresAt),
    index('orders_mobile_hash_idx').on(t.contactMobileHash),
    index('orders_client_address_idx').on(t.clientAddressHash),
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

/**
 * Every movement of money (domain/money-movements): a payment or bank transfer received, or a refund
 * sent, keyed by the provider's own reference (a Stripe payment intent or refund id, a simulator or
 * transfer reference), unique per provider. An order's paid_fen and refunded_fen are sums of its
 * applied rows (db/queries/payments syncOrderMoney), written in the same transaction as the rows.
 * Unmatched rows are 待处理款项: money received that no order took.
 */
export const paymentMovements = pgTable(
  'payment_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: movementKind('kind').notNull(),
    provider: paymentMethod('provider').notNull(),
    externalRef: text('external_ref').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    /** Lower-case ISO code as the provider reports it; only 'cny' is ever applied to an order. */
    currency: text('currency').notNull().default('cny'),
    /** The order it was paid for or refunded from; null when the provider named no order of ours. */
    orderId: uuid('order_id').references(() => orders.id),
    state: movementState('state').notNull(),
    /** A refund: the received movement it returns money from. */
    sourceId: uuid('source_id').references((): AnyPgColumn => paymentMovements.id),
    unmatchedReason: text('unmatched_reason').$type<UnmatchedReason>(),
    /** The order reference the provider gave when it names no order of ours (truncated), for the office. */
    givenOrderRef: text('given_order_ref'),
    /** Who recorded it (a confirmed transfer, an office refund), and who settled an unmatched one. */
    actorId: uuid('actor_id').references(() => users.id),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_movements_provider_ref_idx').on(t.provider, t.externalRef),
    index('payment_movements_order_idx').on(t.orderId),
    index('payment_movements_source_idx').on(t.sourceId),
    index('payment_movements_unmatched_idx')
      .on(t.createdAt)
      .where(sql`${t.state} = 'unmatched'`),
    check('payment_movements_amount_positive', sql`${t.amountFen} > 0`),
    check('payment_movements_refund_source', sql`(${t.kind} = 'refund') = (${t.sourceId} is not null)`),
  ],
);

/**
 * A payment opened with a provider for an order's balance (a Stripe Checkout Session), so that
 * cancelling or expiring the order can close it.
 */
export const paymentSessions = pgTable(
  'payment_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    provider: paymentMethod('provider').notNull(),
    externalRef: text('external_ref').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    status: text('status').$type<'open' | 'completed' | 'closed'>().notNull().default('open'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_sessions_provider_ref_idx').on(t.provider, t.externalRef),
    index('payment_sessions_order_idx').on(t.orderId, t.status),
  ],
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

/**
 * One parcel per recipient (issue 15): the shipment of one order_recipients row by the supplier of its
 * product. Unique per recipient, so two managers shipping the same parcel at once record it once.
 */
export const recipientShipments = pgTable(
  'recipient_shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => orderRecipients.id, { onDelete: 'cascade' }),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    carrier: text('carrier').notNull(),
    trackingNo: text('tracking_no').notNull(),
    shippedBy: uuid('shipped_by').references(() => users.id),
    shippedAt: timestamp('shipped_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('recipient_shipments_recipient_idx').on(t.recipientId),
    index('recipient_shipments_order_idx').on(t.orderId, t.supplierId),
  ],
);
