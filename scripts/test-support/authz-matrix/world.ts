import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadActions, type ActionFn } from '@/scripts/test-support/actions';
import { one, useSeededDatabase } from '@/scripts/test-support/database';
import { usePaymentProviders } from '@/scripts/test-support/payment-providers';
import { session } from './request';

/**
 * The authorization matrix (lib/actions/authz-matrix/): every exported server action × every actor, one test
 * file per capability. Denied calls use resources that belong to someone else and must leave the database
 * exactly as it was. This module holds the actors, the world they act in, and the runner of a capability's rows.
 */
export type Actor = 'anonymous' | 'buyer' | 'unitBuyer' | 'unitApprover' | 'managerA' | 'admin';
export const ACTORS: Actor[] = ['anonymous', 'buyer', 'unitBuyer', 'unitApprover', 'managerA', 'admin'];
const EMAIL: Record<Exclude<Actor, 'anonymous'>, string> = {
  buyer: 'buyer@example.com',
  unitBuyer: 'unit@example.com',
  unitApprover: 'approver@example.com',
  managerA: 'workshop@example.com',
  admin: 'admin@example.com',
};
/** The actors' and their resources' ids, read when the database is ready. */
export const ids = {} as Record<Exclude<Actor, 'anonymous'>, string> & {
  demoUnit: string;
  foreignUnit: string;
  buyerAddress: string;
  supplierA: number;
  supplierB: number;
};
let seq = 0;
/** A number no other call of this file has had. */
export const nextSeq = () => seq++;
export const unique = () => `${Date.now().toString(36)}${nextSeq().toString(36)}`;

/** A digest of every table an action may write. */
export async function snapshot(): Promise<string> {
  const tables = [
    'users',
    'units',
    'unit_members',
    'invites',
    'addresses',
    'suppliers',
    'supplier_members',
    'audit_log',
    'login_attempts',
    'orders',
    'order_items',
    'payment_movements',
    'payment_sessions',
    'sales_ledger',
    'cart_items',
    'webhook_events',
    'certifications',
    'settings',
    'shipments',
    'promotion_rounds',
    'unit_pledges',
    'products',
    'product_tier_prices',
    'product_images',
    'media_blobs',
    'stock_adjustments',
    'livestreams',
    'livestream_products',
    // issue 13
    'password_resets',
    // 带贫成效 (issue 17).
    'households',
    'payouts',
    'dividend_rules',
    'dividend_rule_members',
    'benefit_reviewers',
    // 售后 (issue 16).
    'after_sales_cases',
    'after_sales_photos',
    'order_events',
    // 工会慰问品 recipients and their parcels (issue 15).
    'order_recipients',
    'recipient_shipments',
    // 验收 (issue 15).
    'order_receipts',
  ];
  const stock = await one<{ d: string }>(
    sql`select md5(string_agg(id || ':' || stock || ':' || sales_count, ',' order by id)) as d from products`,
  );
  const parts = await Promise.all(
    tables.map((t) =>
      one<{ d: string | null }>(
        sql.raw(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from ${t} x`),
      ),
    ),
  );
  return parts.map((p) => p.d).join(',') + stock.d;
}

/** A 400×400 JPEG (product photos, payout receipts), made when the database is ready. */
export let photo: Uint8Array;

/**
 * A capability's row: the actors allowed to call the action, and its input (a resource of the caller's own when
 * allowed).
 */
export type Case = { allowed: Actor[]; input: (actor: Actor) => Promise<Record<string, unknown>> };
/** An extra denial with foreign ids for an actor who is allowed on their own resources. */
export type Denial = { action: string; actor: Actor; input: () => Promise<Record<string, unknown>> };
export type Matrix = { cases: Record<string, Case>; foreign: Denial[] };

/** Every exported action of lib/actions/, by name (loaded once the database is ready). */
export const actions: Record<string, ActionFn> = {};

/** Calls an action; a redirect (what a successful checkout or payment ends with) counts as success. */
export async function call(name: string, input: unknown): Promise<{ ok: boolean; code?: string; error?: string }> {
  try {
    return await actions[name]!(null, input);
  } catch (e) {
    if (String((e as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT')) return { ok: true };
    throw e;
  }
}

/**
 * What a matrix file runs in: every payment provider configured (their notify routes are entry points of the
 * matrix too), a seeded database, the actors' ids, the photo and every action. Call once, at the top of the file.
 */
export async function useAuthzWorld() {
  const providers = await usePaymentProviders();
  useSeededDatabase();

  beforeAll(async () => {
    for (const [actor, email] of Object.entries(EMAIL))
      ids[actor as keyof typeof EMAIL] = (
        await one<{ id: string }>(sql`select id from users where email = ${email}`)
      ).id;
    ids.demoUnit = (
      await one<{ unit_id: string }>(sql`select unit_id from unit_members where user_id = ${ids.unitBuyer}`)
    ).unit_id;
    ids.buyerAddress = (
      await one<{ id: string }>(sql`select id from addresses where user_id = ${ids.buyer} limit 1`)
    ).id;
    await getDb().execute(
      sql`update products set stock = 100000 where slug in ('manhao-bananas', 'jijie-chinese-cabbage', 'yi-embroidered-scarf', 'jijie-tomatoes')`,
    );
    ids.supplierA = (
      await one<{ id: number }>(sql`select id from suppliers where slug = 'datun-xingfu-embroidery'`)
    ).id;
    ids.supplierB = (await one<{ id: number }>(sql`select id from suppliers where slug = 'jijie-vegetable-coop'`)).id;
    const foreignAdmin = (
      await one<{ id: string }>(
        sql`insert into users (email, name, password_hash, role) values ('foreign-admin@example.com', '外单位管理员', 'x', 'unit_member') returning id`,
      )
    ).id;
    ids.foreignUnit = (
      await one<{ id: string }>(
        sql`insert into units (name, credit_code, type, contact_name, status) values ('外单位', 'FOREIGN-UNIT', 'other', '外', 'verified') returning id`,
      )
    ).id;
    await getDb().execute(
      sql`insert into unit_members (unit_id, user_id, role, is_admin) values (${ids.foreignUnit}, ${foreignAdmin}, 'buyer', true)`,
    );

    const sharp = (await import('sharp')).default;
    photo = new Uint8Array(
      await sharp({ create: { width: 400, height: 400, channels: 3, background: '#a42a2a' } })
        .jpeg()
        .toBuffer(),
    );

    Object.assign(actions, await loadActions());
  });
  return providers;
}

/** The tests of a capability's rows, for every actor, then its denials with foreign ids. */
export function matrixTests({ cases, foreign }: Matrix): void {
  for (const [name, c] of Object.entries(cases)) {
    for (const actor of ACTORS) {
      const allowed = c.allowed.includes(actor);
      it(`${name} × ${actor}: ${allowed ? 'allowed' : 'denied, nothing written'}`, async () => {
        session.userId = actor === 'anonymous' ? null : ids[actor];
        const input = await c.input(actor);
        const before = await snapshot();
        const result = await call(name, input);
        if (allowed) {
          expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        } else {
          expect(result.ok).toBe(false);
          expect(['unauthorized', 'forbidden', 'not_found']).toContain(result.code);
          expect(result.error).toMatch(/[\u4e00-\u9fff]/);
          expect(await snapshot()).toBe(before);
        }
      });
    }
  }

  for (const f of foreign) {
    it(`${f.action} × ${f.actor} with a foreign id: denied, nothing written`, async () => {
      session.userId = ids[f.actor as keyof typeof EMAIL];
      const input = await f.input();
      const before = await snapshot();
      const result = await call(f.action, input);
      expect(result.ok).toBe(false);
      expect(await snapshot()).toBe(before);
    });
  }
}
