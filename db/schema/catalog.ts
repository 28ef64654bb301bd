import { sql } from 'drizzle-orm';
import {
  boolean,
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
  jsonb,
} from 'drizzle-orm/pg-core';
import type { AfterSalesClass } from '@/domain/after-sales';
import { SUPPLIER_TYPES } from '@/domain/accounts';
import { CERTIFICATION_STATUSES, PRODUCT_STATUSES } from '@/domain/certification';
import { bytea } from './types';

export const supplierType = pgEnum('supplier_type', SUPPLIER_TYPES);
export const productStatus = pgEnum('product_status', PRODUCT_STATUSES);
export const certificationStatus = pgEnum('certification_status', CERTIFICATION_STATUSES);

export const categories = pgTable('categories', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Brand-safe colour used by generated product art and category chips. */
  color: text('color').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Gejiu's townships (镇/乡) and streets (街道). */
export const townships = pgTable('townships', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull().unique(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const suppliers = pgTable(
  'suppliers',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    type: supplierType('type').notNull(),
    townshipSlug: text('township_slug')
      .notNull()
      .references(() => townships.slug),
    /** 统一社会信用代码 (GB 32100-2015), checked by domain/credit-code. */
    creditCode: text('credit_code').notNull().unique(),
    address: text('address').notNull().default(''),
    description: text('description').notNull().default(''),
    /** 带贫户数: registered poor households linked to this supplier. */
    povertyHouseholds: integer('poverty_households').notNull().default(0),
    /** 带贫机制: how income reaches the households. */
    benefitMechanism: text('benefit_mechanism').notNull().default(''),
    /** Share of sales that reaches the households, in basis points (1/100 of a percent). */
    benefitShareBps: integer('benefit_share_bps').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('suppliers_benefit_share_bps_range', sql`${t.benefitShareBps} between 0 and 10000`),
    check('suppliers_poverty_households_nonneg', sql`${t.povertyHouseholds} >= 0`),
    index('suppliers_township_idx').on(t.townshipSlug),
  ],
);

export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    /** 商品编码, used for quick add and spreadsheet orders. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    spec: text('spec').notNull(),
    description: text('description').notNull().default(''),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    priceFen: integer('price_fen').notNull(),
    /** 市场参考价, for the price-fairness guard. */
    referencePriceFen: integer('reference_price_fen'),
    stock: integer('stock').notNull().default(0),
    status: productStatus('status').notNull().default('draft'),
    /** Minimum quantity for government-unit orders. */
    unitMinQuantity: integer('unit_min_quantity').notNull().default(1),
    /** 已售: units sold in paid orders. */
    salesCount: integer('sales_count').notNull().default(0),
    featured: boolean('featured').notNull().default(false),
    /** 售后: standard (七天无理由), perishable (鲜活易腐) or custom (定制), set by the supplier (domain/after-sales). */
    afterSalesClass: text('after_sales_class').$type<AfterSalesClass>().notNull().default('standard'),
    /** Lower-cased text that search matches against; indexed by uni/bigrams (see migration 0001). */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        (): ReturnType<typeof sql> =>
          sql`lower(${products.name} || ' ' || ${products.spec} || ' ' || ${products.code} || ' ' || ${products.description})`,
      ),
    /**
     * Every character and adjacent pair of search_text (gj_grams, migration 0001), stored so that
     * neither index rechecks nor scans recompute it. Generated columns cannot reference each other,
     * hence the repeated expression.
     */
    searchGrams: text('search_grams')
      .array()
      .notNull()
      .generatedAlwaysAs(
        (): ReturnType<typeof sql> =>
          sql`gj_grams(lower(${products.name} || ' ' || ${products.spec} || ' ' || ${products.code} || ' ' || ${products.description}))`,
      ),
    /** Why the product is (back) in review, e.g. its name changed after certification. */
    reviewNote: text('review_note'),
    listedAt: timestamp('listed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_stock_nonneg', sql`${t.stock} >= 0`),
    check('products_price_positive', sql`${t.priceFen} > 0`),
    check('products_unit_min_quantity_positive', sql`${t.unitMinQuantity} >= 1`),
    check('products_after_sales_class', sql`${t.afterSalesClass} in ('standard', 'perishable', 'custom')`),
    index('products_status_category_idx').on(t.status, t.categoryId),
    index('products_supplier_idx').on(t.supplierId),
    index('products_listed_at_idx').on(t.listedAt),
    index('products_search_grams_gin_idx').using('gin', t.searchGrams),
    index('products_category_idx').on(t.categoryId),
  ],
);

/** 单位阶梯价: price per item for unit orders of at least minQuantity. */
export const productTierPrices = pgTable(
  'product_tier_prices',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    minQuantity: integer('min_quantity').notNull(),
    priceFen: integer('price_fen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.minQuantity] }),
    check('tier_min_quantity_positive', sql`${t.minQuantity} >= 1`),
    check('tier_price_positive', sql`${t.priceFen} > 0`),
  ],
);

/**
 * Images live in the database so that every app instance sharing one PostgreSQL serves them.
 * They are addressed by content hash and served as immutable.
 */
export const productImages = pgTable(
  'product_images',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    alt: text('alt').notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: bytea('bytes').notNull(),
    /**
     * Every size of an uploaded photo, narrowest first, for srcset; this row's own bytes are the
     * card-sized one. The other sizes' bytes are in media_blobs. Empty for generated SVG art.
     */
    variants: jsonb('variants').$type<{ width: number; sha256: string }[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('product_images_product_position_idx').on(t.productId, t.position),
    index('product_images_sha256_idx').on(t.sha256),
  ],
);

export const certifications = pgTable(
  'certifications',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    certificateNo: text('certificate_no').notNull().unique(),
    issuer: text('issuer').notNull(),
    /** 认定目录批次, e.g. 2020年第三批. */
    catalogueBatch: text('catalogue_batch').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    status: certificationStatus('status').notNull().default('pending'),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The scanned certificate (WebP re-encoded image or PDF), checked by content; shown to the office and the supplier only. */
    fileContentType: text('file_content_type'),
    fileBytes: bytea('file_bytes'),
    submittedBy: uuid('submitted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('certifications_product_idx').on(t.productId, t.id),
    check('certifications_dates_ordered', sql`${t.expiresOn} >= ${t.issuedOn}`),
  ],
);

/** Resized image sizes and other content-addressed blobs, shared by every app instance through the database. */
export const mediaBlobs = pgTable('media_blobs', {
  sha256: text('sha256').primaryKey(),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 库存调整: every manual stock change with its reason (orders change stock on their own). */
export const stockAdjustments = pgTable(
  'stock_adjustments',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    delta: integer('delta').notNull(),
    stockAfter: integer('stock_after').notNull(),
    reason: text('reason').notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_adjustments_product_idx').on(t.productId, t.id),
    check('stock_adjustments_delta_nonzero', sql`${t.delta} <> 0`),
  ],
);
