import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbKind, getDb } from '@/db/client';
import { pgErrorCode, transaction } from '@/db/tx';
import { one, useSeededDatabase } from '@/scripts/test-support/database';
import { setStock, stockOf } from '@/scripts/test-support/orders';
import { takeStockAndCommit, type StockLine } from './stock';

useSeededDatabase();

const product = (slug: string) =>
  one<{ id: number; priceFen: number }>(sql`select id, price_fen as "priceFen" from products where slug = ${slug}`);
/** Lines for products by slug at their current price, sorted by id as checkout sorts them. */
async function lines(...wanted: [string, number][]): Promise<StockLine[]> {
  const out = await Promise.all(
    wanted.map(async ([slug, quantity]) => ({ ...(await product(slug)), quantity }) as const),
  );
  return out
    .map((p) => ({ productId: p.id, quantity: p.quantity, priceFen: p.priceFen }))
    .sort((a, b) => a.productId - b.productId);
}
class Refused extends Error {}

describe('takeStockAndCommit: stock for checkout, taken by take_stock (migration 0018)', () => {
  it('takes every line when all have stock, and nothing when any is short: it reports exactly the short ones', async () => {
    await setStock('manhao-mangoes', 5);
    await setStock('manhao-bananas', 2);
    await setStock('kafang-black-tea', 1);
    const ls = await lines(['manhao-mangoes', 3], ['manhao-bananas', 3], ['kafang-black-tea', 2]);
    const short = await transaction(async (tx) => {
      const s = await takeStockAndCommit(ls, tx);
      if (s.length) throw new Refused(s.join(','));
      return s;
    }).catch((e: unknown) => (e instanceof Refused ? e.message.split(',').map(Number) : Promise.reject(e)));
    const ids = await lines(['manhao-bananas', 1], ['kafang-black-tea', 1]);
    expect([...short].sort((a, b) => a - b)).toEqual(ids.map((l) => l.productId));
    expect([
      await stockOf('manhao-mangoes'),
      await stockOf('manhao-bananas'),
      await stockOf('kafang-black-tea'),
    ]).toEqual([5, 2, 1]);

    const ok = await transaction((tx) =>
      takeStockAndCommit(
        ls.map((l) => ({ ...l, quantity: 1 })),
        tx,
      ),
    );
    expect(ok).toEqual([]);
    expect([
      await stockOf('manhao-mangoes'),
      await stockOf('manhao-bananas'),
      await stockOf('kafang-black-tea'),
    ]).toEqual([4, 1, 0]);
  });

  it('a price or listing changed since the line was read is a serialization failure (checkout runs again), and takes nothing', async () => {
    await setStock('manhao-mangoes', 10);
    await setStock('manhao-bananas', 10);
    const ls = await lines(['manhao-mangoes', 1], ['manhao-bananas', 1]);
    const stale = ls.map((l, i) => (i === 1 ? { ...l, priceFen: l.priceFen + 1 } : l));
    const err = await transaction((tx) => takeStockAndCommit(stale, tx)).catch((e: unknown) => e);
    expect(pgErrorCode(err)).toBe('40001');
    expect([await stockOf('manhao-mangoes'), await stockOf('manhao-bananas')]).toEqual([10, 10]);

    await getDb().execute(sql`update products set status = 'draft' where slug = 'manhao-bananas'`);
    try {
      const delisted = await transaction((tx) => takeStockAndCommit(ls, tx)).catch((e: unknown) => e);
      expect(pgErrorCode(delisted)).toBe('40001');
      expect([await stockOf('manhao-mangoes'), await stockOf('manhao-bananas')]).toEqual([10, 10]);
    } finally {
      await getDb().execute(sql`update products set status = 'listed' where slug = 'manhao-bananas'`);
    }
  });

  it('a product that does not exist is short; a quantity of 0 or below is refused, not added to stock', async () => {
    await setStock('manhao-mangoes', 10);
    const [mango] = await lines(['manhao-mangoes', 1]);
    const missing = await transaction(async (tx) => {
      const s = await takeStockAndCommit([{ productId: 2_000_000_000, quantity: 1, priceFen: 100 }], tx);
      throw new Refused(s.join(','));
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Refused);
    expect((missing as Error).message).toBe('2000000000');
    for (const quantity of [0, -5]) {
      const err = await transaction((tx) => takeStockAndCommit([{ ...mango!, quantity }], tx)).catch((e: unknown) => e);
      expect(pgErrorCode(err)).toBe('22023');
    }
    expect(await stockOf('manhao-mangoes')).toBe(10);
  });

  it('refuses anything but integers before any SQL: the values are written into the statement', async () => {
    await setStock('manhao-mangoes', 10);
    const [mango] = await lines(['manhao-mangoes', 1]);
    const hostile = [
      { ...mango!, productId: '1]::integer[], array[1]::integer[], array[1]::integer[]); drop table products; --' },
      { ...mango!, quantity: 1.5 },
      { ...mango!, priceFen: Number.NaN },
      { ...mango!, quantity: 2 ** 60 },
    ] as unknown as StockLine[];
    for (const line of hostile) {
      await expect(transaction((tx) => takeStockAndCommit([line], tx))).rejects.toThrow('integers only');
    }
    expect(await stockOf('manhao-mangoes')).toBe(10);
  });
});

describe.skipIf(dbKind() === 'pglite')('takeStockAndCommit on PostgreSQL: one round trip with the COMMIT', () => {
  it('the order is committed when the statement returns: another connection sees it before the transaction ends', async () => {
    await setStock('manhao-mangoes', 10);
    const ls = await lines(['manhao-mangoes', 2]);
    const seenInside = await transaction(async (tx) => {
      expect(await takeStockAndCommit(ls, tx)).toEqual([]);
      // Another pool connection: before, it saw 10 until the transaction's own COMMIT.
      return stockOf('manhao-mangoes');
    });
    expect(seenInside).toBe(8);
    expect(await stockOf('manhao-mangoes')).toBe(8);
  });

  it('the product row is not left locked for the app: a second checkout takes stock while the first is still in its callback', async () => {
    await setStock('manhao-mangoes', 10);
    const ls = await lines(['manhao-mangoes', 1]);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = transaction(async (tx) => {
      await takeStockAndCommit(ls, tx);
      await held; // the app is slow to come back: the row must already be free
    });
    // Wait until the first has taken its unit, then take another while it still waits.
    for (let i = 0; i < 200 && (await stockOf('manhao-mangoes')) !== 9; i++)
      await new Promise((r) => setTimeout(r, 10));
    const second = await transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '5s'`); // fail, not hang, if the row were still locked
      return takeStockAndCommit(ls, tx);
    });
    release();
    await first;
    expect(second).toEqual([]);
    expect(await stockOf('manhao-mangoes')).toBe(8);
  });

  it('20 checkouts at once on stock 7 take exactly 7 units, and the rest are told they are short', async () => {
    await setStock('manhao-mangoes', 7);
    const ls = await lines(['manhao-mangoes', 1]);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        transaction(async (tx) => {
          const s = await takeStockAndCommit(ls, tx);
          if (s.length) throw new Refused('short');
          return 'taken';
        }).catch((e: unknown) => (e instanceof Refused ? 'short' : Promise.reject(e))),
      ),
    );
    expect(results.filter((r) => r === 'taken')).toHaveLength(7);
    expect(results.filter((r) => r === 'short')).toHaveLength(13);
    expect(await stockOf('manhao-mangoes')).toBe(0);
  });
});
