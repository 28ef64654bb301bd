import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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
import { INVITE_KINDS, UNIT_MEMBER_ROLES, UNIT_STATUSES, UNIT_TYPES, USER_ROLES } from '@/domain/accounts';
import { suppliers, townships } from './catalog';
import { bytea } from './types';

export const userRole = pgEnum('user_role', USER_ROLES);
export const unitType = pgEnum('unit_type', UNIT_TYPES);
export const unitStatus = pgEnum('unit_status', UNIT_STATUSES);
export const unitMemberRole = pgEnum('unit_member_role', UNIT_MEMBER_ROLES);

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
    /**
     * Every session carries the version it was signed in with; logout, a password change, a reset and a
     * deactivation add one, which ends every session of the account at once (lib/auth/session.ts).
     */
    sessionVersion: integer('session_version').notNull().default(0),
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
    /** 采购员 (buyer) or 审批人 (approver). */
    role: unitMemberRole('role').notNull(),
    /** The unit's administrators manage its members; the person who registers the unit is one. */
    isAdmin: boolean('is_admin').notNull().default(false),
    /**
     * Separation of duties (domain/purchase-order.ts): who invited this member, and who last gave them
     * their role. Neither may have their own purchase orders approved by this member. Null when the
     * office or the seed made the membership.
     */
    invitedBy: uuid('invited_by').references(() => users.id),
    roleGrantedBy: uuid('role_granted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.userId] }),
    index('unit_members_user_idx').on(t.userId),
    check('unit_members_role', sql`${t.role} in ('buyer', 'approver')`),
  ],
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

/** Login attempts, for the rate limit (per account and per client address) and the audit trail. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    /** Keyed hashes: the attempted login name and the client address are personal data. */
    accountHash: text('account_hash').notNull(),
    addressHash: text('address_hash').notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_account_idx').on(t.accountHash, t.createdAt),
    index('login_attempts_address_idx').on(t.addressHash, t.createdAt),
  ],
);

export const inviteKind = pgEnum('invite_kind', INVITE_KINDS);

/** Invitations to join a unit or to manage a supplier. The link carries a token; only its hash is kept. */
export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    kind: inviteKind('kind').notNull(),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    unitRole: unitMemberRole('unit_role'),
    unitAdmin: boolean('unit_admin').notNull().default(false),
    supplierId: integer('supplier_id').references(() => suppliers.id, { onDelete: 'cascade' }),
    /** A payout reviewer's township (issue 17). */
    townshipSlug: text('township_slug').references(() => townships.slug),
    inviteeName: text('invitee_name').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'invites_target',
      sql`(${t.kind} = 'unit_member' and ${t.unitId} is not null and ${t.unitRole} is not null) or (${t.kind} = 'supplier_manager' and ${t.supplierId} is not null) or (${t.kind}::text = 'payout_reviewer' and ${t.townshipSlug} is not null)`,
    ),
  ],
);
