import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { LIVESTREAM_STATUSES } from '@/domain/livestream';
import { products, suppliers } from './catalog';
import { users } from './accounts';

/** 推介会: the programme's promotion rounds for government units. */
export const promotionRounds = pgTable('promotion_rounds', {
  id: serial('id').primaryKey(),
  roundNo: integer('round_no').notNull().unique(),
  name: text('name').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  /** Orders placed from heldOn through endsOn belong to this round by default. */
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  venue: text('venue').notNull(),
  /** Open rounds may be chosen by unit buyers. */
  open: boolean('open').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The amount reported upward, per programme year. */
export const programmeTargets = pgTable('programme_targets', {
  year: integer('year').primaryKey(),
  targetFen: bigint('target_fen', { mode: 'bigint' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const livestreamStatus = pgEnum('livestream_status', LIVESTREAM_STATUSES);

/** 直播带货 sessions of a supplier. */
export const livestreams = pgTable(
  'livestreams',
  {
    id: serial('id').primaryKey(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    streamUrl: text('stream_url').notNull(),
    status: livestreamStatus('status').notNull().default('scheduled'),
    description: text('description').notNull().default(''),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('livestreams_starts_at_idx').on(t.startsAt), index('livestreams_supplier_idx').on(t.supplierId)],
);

export const livestreamProducts = pgTable(
  'livestream_products',
  {
    livestreamId: integer('livestream_id')
      .notNull()
      .references(() => livestreams.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.livestreamId, t.productId] })],
);

/** Settings the programme office changes at run time (e.g. whether certificate expiry delists). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who did what to which record. Never holds personal data in clear. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data'),
    system: boolean('system').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/**
 * Cache tag invalidations shared by every app instance (lib/cache/shared-tags-handler.js): an
 * instance that expires a tag records it here with a new version; the others poll for versions they
 * have not seen and expire the tag in their own in-memory cache.
 */
export const cacheTagVersionSeq = pgSequence('cache_tag_version_seq', { startWith: 1, increment: 1 });
export const cacheTags = pgTable('cache_tags', {
  tag: text('tag').primaryKey(),
  version: bigint('version', { mode: 'bigint' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
