import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { ledgerKind, orderItems, orders, salesChannel } from './orders';

/**
 * The sales ledger: one row per paid order line and per refund, written in the payment's transaction.
 * Counted sales toward the target are SUM(amount_fen) WHERE counted (domain/target-accounting).
 */
export const salesLedger = pgTable(
  'sales_ledger',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    orderItemId: bigint('order_item_id', { mode: 'bigint' })
      .notNull()
      .references(() => orderItems.id),
    kind: ledgerKind('kind').notNull(),
    /** Positive for sales, negative for refunds. */
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    counted: boolean('counted').notNull(),
    channel: salesChannel('channel').notNull(),
    supplierId: integer('supplier_id').notNull(),
    categoryId: integer('category_id').notNull(),
    townshipSlug: text('township_slug').notNull(),
    unitId: uuid('unit_id'),
    roundId: integer('round_id'),
    livestreamId: integer('livestream_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sales_ledger_occurred_idx').on(t.occurredAt),
    index('sales_ledger_order_idx').on(t.orderId),
    // Drill-down from a dashboard figure to its orders, newest first.
    index('sales_ledger_channel_idx').on(t.channel, t.occurredAt),
    index('sales_ledger_supplier_idx').on(t.supplierId, t.occurredAt),
    index('sales_ledger_category_idx').on(t.categoryId, t.occurredAt),
    index('sales_ledger_township_idx').on(t.townshipSlug, t.occurredAt),
    index('sales_ledger_unit_idx').on(t.unitId, t.occurredAt),
    index('sales_ledger_round_idx').on(t.roundId, t.occurredAt),
    index('sales_ledger_livestream_idx').on(t.livestreamId, t.occurredAt),
  ],
);

/**
 * Rollups of the ledger, written in the ledger's own transaction (db/queries/ledger rollUp), so that the
 * dashboard reads one row per group instead of scanning orders. `dim` is total, channel, round,
 * livestream, category, township, supplier or unit; `key` the group's id ('' for total). Years are
 * China-time years of the payment or refund.
 */
export const salesRollup = pgTable(
  'sales_rollup',
  {
    year: integer('year').notNull(),
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    counted: boolean('counted').notNull(),
    /** Sales minus refunds. */
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    saleFen: bigint('sale_fen', { mode: 'bigint' }).notNull(),
    /** Refunds, as a positive amount. */
    refundFen: bigint('refund_fen', { mode: 'bigint' }).notNull(),
    /** Orders with a sale line in this group. */
    orders: integer('orders').notNull(),
    /** Distinct buyers and units with a counted sale in the year (total row only). */
    buyers: integer('buyers').notNull().default(0),
    units: integer('units').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.dim, t.key, t.counted] })],
);

/** The same by China-time day, for the trend. */
export const salesRollupDaily = pgTable(
  'sales_rollup_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    counted: boolean('counted').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    saleFen: bigint('sale_fen', { mode: 'bigint' }).notNull(),
    refundFen: bigint('refund_fen', { mode: 'bigint' }).notNull(),
    orders: integer('orders').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.counted] })],
);

/** Who has bought in a year (buyer or unit), so that the distinct counts above grow exactly once. */
export const salesRollupMembers = pgTable(
  'sales_rollup_members',
  {
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.kind, t.key] })],
);
