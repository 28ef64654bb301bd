import { and, eq, sql } from 'drizzle-orm';
import { channelOfKind, type BenefitChannel, type HouseholdCategory, type PayoutKind } from '@/domain/benefit';
import { chinaDate } from '@/domain/time';
import { encryptText } from '@/lib/crypto/pii';
import type { Db, Tx } from '../client';
import { dividendRules, dividendRuleMembers, households, payouts, products, suppliers, users } from '../schema';

/**
 * 演示数据 (issue 17): the embroidery workshop's 46 workers and two cooperatives' households, with a year
 * of payouts before the first seeding. Every payout's note says 演示数据 and the few demo names carry
 * （演示）; no ID numbers are seeded. Households are keyed by code; payouts and the dividend rule are
 * seeded once per supplier, when it has none, so a re-run changes nothing.
 */

type Register = {
  supplier: string;
  prefix: string;
  count: number;
  township: string;
  villages: string[];
  channels: BenefitChannel[];
  /** Monthly payouts per household: kind, quantity range (× 100), rate range (fen), months that pay. */
  pay: { kind: Exclude<PayoutKind, 'dividend'>; qty: [number, number]; rate: [number, number]; months?: number[] }[];
  product?: string;
};

const REGISTERS: Register[] = [
  {
    supplier: 'datun-xingfu-embroidery',
    prefix: 'DT',
    count: 46,
    township: 'datun',
    villages: ['幸福社区'],
    channels: ['employment'],
    pay: [{ kind: 'piece_rate', qty: [800, 3200], rate: [2800, 4500] }],
    product: 'embroidered-insoles',
  },
  {
    supplier: 'jijie-vegetable-coop',
    prefix: 'JJ',
    count: 24,
    township: 'jijie',
    villages: ['红土村', '大新寨村', '乍甸村'],
    channels: ['production', 'employment', 'dividend'],
    pay: [
      { kind: 'purchase_premium', qty: [30_000, 90_000], rate: [30, 60], months: [3, 4, 5, 6, 9, 10, 11] },
      { kind: 'day_wage', qty: [300, 1200], rate: [9000, 12000], months: [2, 8] },
    ],
  },
  {
    supplier: 'manhao-tropical-fruit-coop',
    prefix: 'MH',
    count: 20,
    township: 'manhao',
    villages: ['蔓耗村', '坝堡村'],
    channels: ['production', 'employment'],
    pay: [
      { kind: 'purchase_premium', qty: [40_000, 150_000], rate: [40, 80], months: [5, 6, 7, 8] },
      { kind: 'day_wage', qty: [400, 1500], rate: [10000, 13000], months: [4, 10] },
    ],
  },
];

const SURNAMES = ['普', '李', '杨', '王', '白', '马', '陈', '龙', '罗', '张'];
const GIVEN = ['秀英', '春梅', '玉兰', '桂芳', '丽萍', '金花', '翠英', '美珍', '春花', '会芬'];

/** A small deterministic generator, so that every fresh store gets the same demo ledger. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (lo: number, hi: number) => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return lo + (s % (hi - lo + 1));
  };
}

function householdRows(r: Register, supplierId: number) {
  const rand = rng(r.prefix.charCodeAt(0) * 131 + r.prefix.charCodeAt(1));
  return Array.from({ length: r.count }, (_, i) => {
    const roll = rand(1, 100);
    const category: HouseholdCategory = roll <= 65 ? 'poverty_lifted' : roll <= 85 ? 'monitored' : 'general';
    return {
      supplierId,
      code: `${r.prefix}-${String(i + 1).padStart(4, '0')}`,
      townshipSlug: r.township,
      village: r.villages[i % r.villages.length]!,
      category,
      members: rand(1, 6),
      channels: r.channels,
      shares: rand(1, 5),
      nameEnc: i < 8 ? encryptText(`${SURNAMES[i % 10]}${GIVEN[(i * 3) % 10]}（演示）`) : null,
    };
  });
}

export async function seedDemoBenefit(db: Db, now: number): Promise<void> {
  const today = chinaDate(new Date(now));
  await db.transaction(async (tx) => {
    const sup = new Map(
      (await tx.select({ id: suppliers.id, slug: suppliers.slug }).from(suppliers)).map((s) => [s.slug, s.id]),
    );
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.com'));
    const [manager] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'workshop@example.com'));
    for (const r of REGISTERS) {
      const supplierId = sup.get(r.supplier);
      if (!supplierId) continue;
      await tx.insert(households).values(householdRows(r, supplierId)).onConflictDoNothing();
      const [paid] = await tx
        .select({ id: payouts.id })
        .from(payouts)
        .where(eq(payouts.supplierId, supplierId))
        .limit(1);
      if (paid) continue;
      const own = await tx
        .select({ id: households.id, code: households.code })
        .from(households)
        .where(and(eq(households.supplierId, supplierId), sql`${households.code} like ${r.prefix + '-%'}`));
      const [product] = r.product
        ? await tx.select({ id: products.id }).from(products).where(eq(products.slug, r.product))
        : [];
      const rand = rng(supplierId * 7919);
      const rows: (typeof payouts.$inferInsert)[] = [];
      for (let back = 12; back >= 0; back--) {
        // The 10th of each of the past twelve months; this month's on the 10th, or today if that is earlier.
        const tenth = shiftMonths(`${today.slice(0, 7)}-10`, -back);
        const paidOn = tenth > today ? today : tenth;
        const current = paidOn.slice(0, 7) === today.slice(0, 7);
        for (const h of own) {
          for (const p of r.pay) {
            if (p.months && !p.months.includes(Number(paidOn.slice(5, 7)))) continue;
            // Whole pieces, half days, kilograms to one decimal.
            const step = { piece_rate: 100, day_wage: 50, purchase_premium: 10 }[p.kind];
            const quantityCenti = Math.max(step, Math.round(rand(p.qty[0], p.qty[1]) / step) * step);
            const unitRateFen = rand(p.rate[0], p.rate[1]);
            const amountFen = (BigInt(quantityCenti) * BigInt(unitRateFen) + 50n) / 100n;
            const method = rand(1, 10) <= 7 ? 'bank' : rand(1, 2) === 1 ? 'wechat' : 'cash';
            const returned = current && rand(1, 40) === 1;
            rows.push({
              supplierId,
              householdId: h.id,
              kind: p.kind,
              channel: channelOfKind(p.kind),
              paidOn,
              amountFen,
              quantityCenti,
              unitRateFen,
              productId: p.kind === 'piece_rate' ? (product?.id ?? null) : null,
              method,
              note: '演示数据',
              status: current ? (returned ? 'returned' : 'submitted') : 'verified',
              confirmation: method === 'cash' ? 'household_code' : 'not_needed',
              confirmedAt: method === 'cash' ? new Date(now) : null,
              recordedBy: r.supplier === 'datun-xingfu-embroidery' ? (manager?.id ?? null) : null,
              reviewedBy: current && !returned ? null : (admin?.id ?? null),
              reviewedAt: current && !returned ? null : new Date(now),
              returnReason: returned ? '演示数据：收款凭证与金额不符，请核对' : null,
            });
          }
        }
      }
      for (let i = 0; i < rows.length; i += 500) await tx.insert(payouts).values(rows.slice(i, i + 500));
    }
    await seedDemoDividendRule(tx, sup.get('jijie-vegetable-coop'), today);
  });
}

/** The vegetable cooperative's year-end dividend (15% of its counted sales this year), declared once. */
async function seedDemoDividendRule(tx: Tx, supplierId: number | undefined, today: string) {
  if (!supplierId) return;
  const [any] = await tx
    .select({ id: dividendRules.id })
    .from(dividendRules)
    .where(eq(dividendRules.supplierId, supplierId))
    .limit(1);
  if (any) return;
  const [rule] = await tx
    .insert(dividendRules)
    .values({
      supplierId,
      title: `${today.slice(0, 4)} 年销售分红（演示数据）`,
      periodFrom: `${today.slice(0, 4)}-01-01`,
      periodTo: `${today.slice(0, 4)}-12-31`,
      shareBps: 1500,
      split: 'shares',
    })
    .returning({ id: dividendRules.id });
  const members = await tx
    .select({ id: households.id, shares: households.shares })
    .from(households)
    .where(
      and(
        eq(households.supplierId, supplierId),
        eq(households.active, true),
        sql`'dividend' = any(${households.channels})`,
      ),
    );
  if (members.length)
    await tx
      .insert(dividendRuleMembers)
      .values(members.map((m) => ({ ruleId: rule!.id, householdId: m.id, shares: m.shares })));
}

/** YYYY-MM-DD moved by whole months, keeping the day (the 10th here). */
function shiftMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-${day.slice(8, 10)}`;
}
