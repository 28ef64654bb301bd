import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { suppliers } from './catalog';
import { bytea } from './types';

export const userRole = pgEnum('user_role', ['buyer', 'unit_member', 'supplier_manager', 'admin']);
export const unitType = pgEnum('unit_type', [
  'admin_agency', // 行政机关
  'public_institution', // 事业单位
  'state_enterprise', // 国有企业
  'mass_organization', // 群团组织
  'other', // 其他
]);
export const unitStatus = pgEnum('unit_status', ['pending', 'verified', 'rejected']);
export const unitMemberRole = pgEnum('unit_member_role', ['admin', 'buyer', 'approver']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').unique(),
    /** Mainland mobile number used as a login name. Stored as a keyed hash only (see lib/crypto). */
    mobileHash: text('mobile_hash').unique(),
    mobileEnc: bytea('mobile_enc'),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull().default('buyer'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [check('users_has_login', sql`${t.email} is not null or ${t.mobileHash} is not null`)],
);

/** 行政、事业单位 and other public bodies that buy in bulk against a pledge. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull().unique(),
    type: unitType('type').notNull(),
    /** 主管部门: the supervising unit, if any. */
    parentUnitId: uuid('parent_unit_id'),
    contactName: text('contact_name').notNull(),
    contactMobileEnc: bytea('contact_mobile_enc'),
    status: unitStatus('status').notNull().default('pending'),
    rejectReason: text('reject_reason'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('units_parent_idx').on(t.parentUnitId)],
);

export const unitMembers = pgTable(
  'unit_members',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: unitMemberRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId] }), index('unit_members_user_idx').on(t.userId)],
);

/** 认购目标: a unit's pledge for one programme year. */
export const unitPledges = pgTable(
  'unit_pledges',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    pledgeFen: bigint('pledge_fen', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] }), check('unit_pledges_positive', sql`${t.pledgeFen} > 0`)],
);

export const supplierMembers = pgTable(
  'supplier_members',
  {
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.userId] }), index('supplier_members_user_idx').on(t.userId)],
);

/** Saved shipping addresses. Personal fields are encrypted at rest (PIPL). */
export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipientEnc: bytea('recipient_enc').notNull(),
    mobileEnc: bytea('mobile_enc').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    district: text('district').notNull(),
    detailEnc: bytea('detail_enc').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('addresses_user_idx').on(t.userId)],
);
