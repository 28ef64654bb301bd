import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { ledgerKind, orders, paymentMethod } from './orders';

/**
 * The payments table before the money model (issue 14). Nothing reads or writes it: the migration
 * that created payment_movements copied its rows there. Kept declared for that migration; drop it in
 * a later release.
 */
export const legacyPayments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    method: paymentMethod('method').notNull(),
    providerRef: text('provider_ref').notNull().unique(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    kind: ledgerKind('kind').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);
