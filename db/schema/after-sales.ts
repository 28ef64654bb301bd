import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AfterSalesKind, AfterSalesReason, AfterSalesStatus } from '@/domain/after-sales';
import { users } from './accounts';
import { suppliers } from './catalog';
import { orderItems, orders } from './orders';
import { bytea } from './types';

/**
 * 售后申请: one per order line (a second request on the same line is refused by the unique index), with
 * its state (domain/after-sales), the supplier's answer deadline, the return address given when it was
 * accepted, the buyer's return tracking, and the refund's amount (goods only).
 */
export const afterSalesCases = pgTable(
  'after_sales_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    orderItemId: bigint('order_item_id', { mode: 'bigint' })
      .notNull()
      .references(() => orderItems.id),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    requestedBy: uuid('requested_by').references(() => users.id),
    kind: text('kind').$type<AfterSalesKind>().notNull(),
    reason: text('reason').$type<AfterSalesReason>().notNull(),
    description: text('description').notNull().default(''),
    quantity: integer('quantity').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    status: text('status').$type<AfterSalesStatus>().notNull().default('requested'),
    supplierDeadline: timestamp('supplier_deadline', { withTimezone: true }).notNull(),
    supplierNote: text('supplier_note'),
    officeNote: text('office_note'),
    returnAddress: text('return_address'),
    returnCarrier: text('return_carrier'),
    returnTrackingNo: text('return_tracking_no'),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('after_sales_cases_item_idx').on(t.orderItemId),
    index('after_sales_cases_order_idx').on(t.orderId),
    index('after_sales_cases_supplier_idx').on(t.supplierId, t.status),
    index('after_sales_cases_status_idx').on(t.status, t.supplierDeadline),
    check('after_sales_cases_quantity_positive', sql`${t.quantity} > 0`),
    check('after_sales_cases_amount_positive', sql`${t.amountFen} > 0`),
  ],
);

/** Up to 3 photos per case, re-encoded by lib/media (no EXIF), served only to the buyer, the supplier and the office. */
export const afterSalesPhotos = pgTable(
  'after_sales_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => afterSalesCases.id),
    position: integer('position').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [uniqueIndex('after_sales_photos_case_position_idx').on(t.caseId, t.position)],
);

/** The order's timeline of receipt and after-sales steps (who, what, when, and the reason given). */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    caseId: uuid('case_id').references(() => afterSalesCases.id),
    actor: text('actor').$type<'buyer' | 'supplier' | 'office' | 'system'>().notNull(),
    action: text('action').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

/**
 * 验收: a unit's acceptance of a purchase order's goods (issue 15), by a member of the unit with an optional
 * note and one photo (re-encoded by lib/media), or by the sweep 15 days after the last shipment (auto).
 */
export const orderReceipts = pgTable('order_receipts', {
  orderId: uuid('order_id')
    .primaryKey()
    .references(() => orders.id),
  receivedBy: uuid('received_by').references(() => users.id),
  auto: boolean('auto').notNull().default(false),
  note: text('note').notNull().default(''),
  photoContentType: text('photo_content_type'),
  photoBytes: bytea('photo_bytes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
