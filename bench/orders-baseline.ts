/**
 * The database's own limit for placing orders: a bare postgres.js loop that issues, per order, the same
 * statements POST /api/v1/orders issues (read from PostgreSQL's statement log of one API order):
 *
 *   rate-limit read · begin · listed product by slug · certificate in force · nextval(order_no_seq) ·
 *   insert order · insert order line · take_stock + commit and chain (one simple query) · commit ·
 *   rate-limit upsert
 *
 * with the same pool size and the same number of concurrent clients, and nothing else: no HTTP, no
 * validation, no Next.js, no encryption (fixed ciphertext-sized bytes), no ORM. An unpaid order writes no
 * ledger row or rollup: those are written when it is paid (lib/orders/payment-effects.ts), in a path the
 * bench does not drive, so neither side does them here.
 */
import { createHash, randomBytes } from 'node:crypto';
import type autocannon from 'autocannon';
import postgres from 'postgres';

export type LoopResult = {
  orders: number;
  /** How long the loop ran. */
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  outOfStock: number;
  errors: number;
};

export async function bareOrderLoop(p: {
  url: string;
  poolSize: number;
  connections: number;
  seconds: number;
  slug: string;
}): Promise<LoopResult> {
  // Named, so that pg_stat_activity tells its connections from the app's.
  const sql = postgres(p.url, {
    max: p.poolSize,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: 'bench-bare-loop' },
  });
  const keyHash = createHash('sha256')
    .update(`bench-baseline:${randomBytes(4).toString('hex')}`)
    .digest('hex');
  const blob = (n: number) => randomBytes(n);
  const latencies: number[] = [];
  let outOfStock = 0;
  let errors = 0;
  const end = Date.now() + p.seconds * 1000;

  async function placeOne(): Promise<void> {
    const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await sql`select hits, last_hit_at from rate_limits where key_hash = ${keyHash} and window_start = ${windowStart} limit 1`;
    const placed = await sql.begin(async (tx) => {
      const [prod] = await tx<{ id: number; name: string; spec: string; price_fen: number; supplier_id: number }[]>`
        select id, slug, name, spec, price_fen, supplier_id, unit_min_quantity from products
        where slug in ${tx([p.slug])} and status = 'listed'`;
      if (!prod) throw new Error(`no listed product ${p.slug}`);
      const [cert] = await tx<{ id: number; certificate_no: string }[]>`
        select distinct on (product_id) product_id, id, certificate_no from certifications
        where product_id in ${tx([prod.id])} and status = 'approved' and expires_on >= current_date
        order by product_id, expires_on desc`;
      const [{ seq }] = (await tx`select nextval('order_no_seq')::text as seq`) as unknown as [{ seq: string }];
      const total = prod.price_fen + 800;
      const [order] = await tx<{ id: string }[]>`
        insert into orders (order_no, channel, status, items_fen, shipping_fen, total_fen, payment_method,
          contact_name_enc, contact_mobile_enc, contact_mobile_hash, shipping_address_enc, access_token_hash,
          expires_at, office_approval, client_address_hash, payment_terms)
        values (${`GJX${seq.padStart(12, '0')}`}, 'online', 'pending_payment', ${prod.price_fen}, 800, ${total},
          'simulated', ${blob(35)}, ${blob(40)}, ${keyHash}, ${blob(140)}, ${keyHash},
          now() + interval '15 minutes', false, ${keyHash}, 'prepay')
        returning id, order_no`;
      await tx`
        insert into order_items (order_id, product_id, supplier_id, product_name, product_spec, unit_price_fen,
          quantity, line_total_fen, certification_id, certificate_no, certified_at_sale)
        values (${order!.id}, ${prod.id}, ${prod.supplier_id}, ${prod.name}, ${prod.spec}, ${prod.price_fen}, 1,
          ${prod.price_fen}, ${cert?.id ?? null}, ${cert?.certificate_no ?? null}, ${!!cert})`;
      // Stock taken and the transaction committed in one simple query, as db/queries/stock.ts does.
      await tx
        .unsafe(
          `select take_stock(array[${prod.id}]::integer[], array[1]::integer[], array[${prod.price_fen}]::integer[]); commit and chain`,
        )
        .catch((e: { code?: string }) => {
          throw e.code === 'GJ409' ? new OutOfStock() : e;
        });
      return order!.id;
    });
    const now = new Date();
    await sql`
      insert into rate_limits (key_hash, window_start, hits, last_hit_at) values (${keyHash}, ${windowStart}, 1, ${now})
      on conflict (key_hash, window_start) do update set hits = rate_limits.hits + 1, last_hit_at = ${now}
      returning hits`;
    return void placed;
  }

  const client = async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        await placeOne();
        latencies.push(performance.now() - t0);
      } catch (e) {
        if (e instanceof OutOfStock) outOfStock++;
        else errors++;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: p.connections }, client));
  const elapsed = (performance.now() - t0) / 1000;
  await sql.end({ timeout: 5 });
  latencies.sort((x, y) => x - y);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    orders: latencies.length,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    outOfStock,
    errors,
  };
}

class OutOfStock extends Error {}

/** The bare loop as the API bench runs it: the app's pool size, 50 clients, the hot product manhao-bananas. */
function bareLoopBesideApi(env: { DATABASE_URL: string; DATABASE_POOL_SIZE: string }, seconds: number) {
  return bareOrderLoop({
    url: env.DATABASE_URL,
    poolSize: Number(env.DATABASE_POOL_SIZE),
    connections: 50,
    seconds,
    slug: 'manhao-bananas',
  });
}

/** One phase of load on one side: orders placed, over how long, and their latency. */
export type Phase = { orders: number; seconds: number; p50: number; p99: number; failed: number };

export type Interleaved = {
  /** Each phase's length. */
  seconds: number;
  api: Phase[];
  bare: Phase[];
  /** Orders/s over all of a side's phases. */
  apiRate: number;
  bareRate: number;
  /** API ÷ bare loop over all phases, and per round. */
  ratio: number;
  rounds: number[];
};

/**
 * The API and the bare loop in alternation, A B A B A B, `rounds` phases of `seconds` each: this machine's
 * speed drifts by more than the gap being measured between runs minutes apart (README "Orders against the
 * database's own limit"), and a hot product's row lock made one phase's rate swing with the moment; in
 * alternation both sides meet the same drift. The ratio is over all phases of each side.
 */
async function interleaved(p: {
  rounds: number;
  seconds: number;
  api: (seconds: number) => Promise<Phase>;
  bare: (seconds: number) => Promise<Phase>;
}): Promise<Interleaved> {
  const api: Phase[] = [];
  const bare: Phase[] = [];
  for (let i = 0; i < p.rounds; i++) {
    api.push(await p.api(p.seconds));
    bare.push(await p.bare(p.seconds));
  }
  const rate = (xs: Phase[]) => xs.reduce((a, x) => a + x.orders, 0) / xs.reduce((a, x) => a + x.seconds, 0);
  const perPhase = (x: Phase) => x.orders / x.seconds;
  return {
    seconds: p.seconds,
    api,
    bare,
    apiRate: rate(api),
    bareRate: rate(bare),
    ratio: rate(api) / rate(bare),
    rounds: api.map((a, i) => perPhase(a) / perPhase(bare[i]!)),
  };
}

/** An autocannon run of POST /api/v1/orders as a phase: 201s are orders; anything else failed. */
function apiPhase(r: autocannon.Result, seconds: number): Phase {
  return { orders: r['2xx'], seconds, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors };
}

/** The bare loop as a phase. */
function barePhase(r: LoopResult): Phase {
  return { orders: r.orders, seconds: r.seconds, p50: r.p50, p99: r.p99, failed: r.errors + r.outOfStock };
}

/** The median of the phases' latencies, for the table. */
export function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * The benches' comparison: POST /api/v1/orders (through `post`) on the hot product manhao-bananas against
 * the bare loop beside it, in alternation, three phases each, two thirds of `seconds` per phase.
 */
export function ordersAgainstBareLoop(
  post: (slug: string, seconds: number) => Promise<autocannon.Result>,
  env: { DATABASE_URL: string; DATABASE_POOL_SIZE: string },
  seconds: number,
): Promise<Interleaved> {
  return interleaved({
    rounds: 3,
    seconds: Math.max(5, Math.round((seconds * 2) / 3)),
    api: async (s) => apiPhase(await post('manhao-bananas', s), s),
    bare: async (s) => barePhase(await bareLoopBesideApi(env, s)),
  });
}
