import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import {
  BENEFIT_CHANNELS,
  HOUSEHOLD_CATEGORIES,
  PAYOUT_CONFIRMATIONS,
  PAYOUT_KINDS,
  PAYOUT_METHODS,
  PAYOUT_STATUSES,
} from '@/domain/benefit';
import { DIVIDEND_SPLITS } from '@/domain/dividend';
import { users } from './accounts';
import { products, suppliers, townships } from './catalog';
import { orders } from './orders';
import { bytea } from './types';

export const householdCategory = pgEnum('household_category', HOUSEHOLD_CATEGORIES);
export const benefitChannel = pgEnum('benefit_channel', BENEFIT_CHANNELS);
export const payoutKind = pgEnum('payout_kind', PAYOUT_KINDS);
export const payoutMethod = pgEnum('payout_method', PAYOUT_METHODS);
export const payoutStatus = pgEnum('payout_status', PAYOUT_STATUSES);
export const payoutConfirmation = pgEnum('payout_confirmation', PAYOUT_CONFIRMATIONS);
export const dividendSplit = pgEnum('dividend_split', DIVIDEND_SPLITS);

/**
 * 带贫户台账: the households and workers a supplier benefits, under a pseudonymous code. The real
 * name and ID number are optional and encrypted (AES-256-GCM, lib/crypto/pii): only the supplier's
 * managers and the programme office may reveal them, and every reveal is audited.
 */
export const households = pgTable(
  'households',
  {
    id: serial('id').primaryKey(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    code: text('code').notNull(),
    /** The household's township, which scopes the invited reviewers. */
    townshipSlug: text('township_slug')
      .notNull()
      .references(() => townships.slug),
    /** 村/社区. */
    village: text('village').notNull(),
    category: householdCategory('category').notNull(),
    members: integer('members').notNull(),
    channels: benefitChannel('channels').array().notNull(),
    /** 股数 for dividends split by shares. */
    shares: integer('shares').notNull().default(1),
    nameEnc: bytea('name_enc'),
    idNumberEnc: bytea('id_number_enc'),
    active: boolean('active').notNull().default(true),
    /** The confirmation code the community committee printed for the household: a keyed hash only. */
    confirmCodeHash: text('confirm_code_hash'),
    confirmCodeFailures: integer('confirm_code_failures').notNull().default(0),
    confirmCodeIssuedAt: timestamp('confirm_code_issued_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_supplier_code_idx').on(t.supplierId, t.code),
    index('households_township_idx').on(t.townshipSlug),
    check('households_members_range', sql`${t.members} between 1 and 30`),
    check('households_shares_range', sql`${t.shares} between 1 and 10000`),
    check('households_has_channel', sql`cardinality(${t.channels}) >= 1`),
  ],
);

/** 分红规则: a share of the supplier's counted sales in a period, split over its dividend households. */
export const dividendRules = pgTable(
  'dividend_rules',
  {
    id: serial('id').primaryKey(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    title: text('title').notNull(),
    /** China-time dates, both included. */
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    shareBps: integer('share_bps').notNull(),
    split: dividendSplit('split').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dividend_rules_supplier_idx').on(t.supplierId),
    check('dividend_rules_share_range', sql`${t.shareBps} between 1 and 10000`),
    check('dividend_rules_period', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);

/** The households a rule was declared over, with their shares at that moment. */
export const dividendRuleMembers = pgTable(
  'dividend_rule_members',
  {
    ruleId: integer('rule_id')
      .notNull()
      .references(() => dividendRules.id, { onDelete: 'cascade' }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    shares: integer('shares').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.householdId] })],
);

/** 收益发放: one payment to a household or worker. Amounts are integer fen; only verified ones count. */
export const payouts = pgTable(
  'payouts',
  {
    id: serial('id').primaryKey(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    kind: payoutKind('kind').notNull(),
    channel: benefitChannel('channel').notNull(),
    /** The China-time date the money was paid. */
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    /** Pieces, days or kilograms × 100, and the rate per unit (fen); none for dividends. */
    quantityCenti: integer('quantity_centi'),
    unitRateFen: integer('unit_rate_fen'),
    /** 计件工资: the product made, and the sold order it was made for (optional). */
    productId: integer('product_id').references(() => products.id),
    orderId: uuid('order_id').references(() => orders.id),
    dividendRuleId: integer('dividend_rule_id').references(() => dividendRules.id),
    method: payoutMethod('method').notNull(),
    note: text('note').notNull().default(''),
    /** A receipt scan, re-encoded (lib/media); shown to the supplier, the office and its reviewer only. */
    receiptContentType: text('receipt_content_type'),
    receiptBytes: bytea('receipt_bytes'),
    status: payoutStatus('status').notNull(),
    confirmation: payoutConfirmation('confirmation').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payouts_supplier_idx').on(t.supplierId, t.paidOn),
    index('payouts_household_idx').on(t.householdId, t.paidOn),
    index('payouts_status_idx').on(t.status, t.paidOn),
    index('payouts_rule_idx').on(t.dividendRuleId),
    check('payouts_amount_positive', sql`${t.amountFen} > 0`),
    check(
      'payouts_channel_of_kind',
      sql`${t.channel} = case ${t.kind} when 'purchase_premium' then 'production'::benefit_channel when 'dividend' then 'dividend'::benefit_channel else 'employment'::benefit_channel end`,
    ),
    check(
      'payouts_kind_details',
      sql`(${t.kind} = 'dividend' and ${t.dividendRuleId} is not null) or (${t.kind} <> 'dividend' and ${t.quantityCenti} > 0 and ${t.unitRateFen} > 0)`,
    ),
    check('payouts_verified_reviewed', sql`${t.status} <> 'verified' or ${t.reviewedBy} is not null`),
  ],
);

/** 核实员: a community or village reviewer the office invited, scoped to one township. */
export const benefitReviewers = pgTable('benefit_reviewers', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  townshipSlug: text('township_slug')
    .notNull()
    .references(() => townships.slug),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
