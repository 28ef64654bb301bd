import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { withCreditCodeCheck } from '@/domain/credit-code';
import { productArtSvg, type Motif } from '@/lib/images/product-art';
import type { Db } from './client';
import { seedDemoAccounts } from './seed-accounts';
import { seedDemoBenefit } from './seed-data/benefit';
import {
  categories,
  certifications,
  productImages,
  products,
  productTierPrices,
  programmeTargets,
  promotionRounds,
  livestreams,
  livestreamProducts,
  settings,
  suppliers,
  townships,
} from './schema';
import { CATEGORIES, SUPPLIERS, TOWNSHIPS } from './seed-data/catalog';
import { PRODUCTS, type SeedProduct } from './seed-data/products';
import {
  CURRENT_ROUND,
  demoUnionRules,
  DEFAULT_TARGET_FEN,
  DEMO_LIVESTREAMS,
  DEMO_SITE_CONTACT,
  PROMOTION_ROUNDS,
} from './seed-data/programme';
import { SITE_CONTACT_SETTING } from '@/domain/site-contact';
import { UNION_RULES_SETTING } from '@/domain/fund-source';

/** Demo categories whose products their suppliers mark 鲜活易腐. */
const PERISHABLE_CATEGORIES = new Set(['vegetables', 'fruit']);

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Products whose listing is not public yet in the demo. */
const STATUS_OVERRIDES: Record<string, 'in_review' | 'delisted'> = {
  'embroidered-baby-carrier': 'in_review',
};

/** Unit tier prices: 5% off from 10 items and 10% off from 50, rounded down to 10 fen. */
function tiersFor(p: SeedProduct): { minQuantity: number; priceFen: number }[] {
  if (p.priceFen < 2000) return [];
  return [
    { minQuantity: 10, priceFen: Math.floor((p.priceFen * 95) / 1000) * 10 },
    { minQuantity: 50, priceFen: Math.floor((p.priceFen * 90) / 1000) * 10 },
  ];
}

function certificateFor(p: SeedProduct, index: number, now: number) {
  const no = `GJXF-${String(index + 1).padStart(4, '0')}`;
  const base = { certificateNo: no, issuer: '个旧市扶贫开发领导小组办公室', catalogueBatch: '扶贫产品认定目录第三批' };
  switch (p.cert) {
    case 'ok':
      return {
        ...base,
        status: 'approved' as const,
        issuedOn: isoDay(now - 240 * DAY),
        expiresOn: isoDay(now + 490 * DAY),
      };
    case 'expired':
      return {
        ...base,
        catalogueBatch: '扶贫产品认定目录第一批',
        status: 'expired' as const,
        issuedOn: isoDay(now - 800 * DAY),
        expiresOn: isoDay(now - 70 * DAY),
      };
    case 'pending':
      return {
        ...base,
        catalogueBatch: '扶贫产品认定目录第四批（申报中）',
        status: 'pending' as const,
        issuedOn: isoDay(now - 10 * DAY),
        expiresOn: isoDay(now + 720 * DAY),
      };
    case 'none':
      return null;
  }
}

/**
 * Idempotent demo data: every insert skips rows that already exist, so a re-run changes nothing.
 * Dates are relative to the first run, so certificates are in force whenever a fresh store starts.
 */
export async function seedDemoData(db: Db, now: number = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(categories)
      .values(CATEGORIES.map((c, i) => ({ slug: c.slug, name: c.name, color: c.color, sortOrder: i })))
      .onConflictDoNothing();
    await tx
      .insert(townships)
      .values(TOWNSHIPS.map((t, i) => ({ ...t, sortOrder: i })))
      .onConflictDoNothing();
    await tx
      .insert(suppliers)
      .values(
        SUPPLIERS.map((s) => ({
          slug: s.slug,
          name: s.name,
          type: s.type,
          townshipSlug: s.township,
          creditCode: withCreditCodeCheck(s.creditBody),
          address: s.address,
          description: s.description,
          povertyHouseholds: s.households,
          benefitMechanism: s.mechanism,
          benefitShareBps: s.shareBps,
        })),
      )
      .onConflictDoNothing();

    const catIds = new Map(
      (await tx.select({ id: categories.id, slug: categories.slug }).from(categories)).map((r) => [r.slug, r.id]),
    );
    const supIds = new Map(
      (await tx.select({ id: suppliers.id, slug: suppliers.slug }).from(suppliers)).map((r) => [r.slug, r.id]),
    );

    await tx
      .insert(products)
      .values(
        PRODUCTS.map((p, i) => {
          const status: 'listed' | 'in_review' | 'delisted' = STATUS_OVERRIDES[p.slug] ?? 'listed';
          return {
            slug: p.slug,
            code: `GJ${String(i + 1).padStart(4, '0')}`,
            name: p.name,
            spec: p.spec,
            description: p.description,
            categoryId: catIds.get(p.category)!,
            supplierId: supIds.get(p.supplier)!,
            priceFen: p.priceFen,
            referencePriceFen: p.refFen,
            stock: p.stock,
            status,
            unitMinQuantity: p.unitMin ?? 1,
            featured: p.featured ?? false,
            // Fresh vegetables and fruit are 鲜活易腐 (no no-reason returns); the rest are standard.
            afterSalesClass: PERISHABLE_CATEGORIES.has(p.category) ? ('perishable' as const) : ('standard' as const),
            // Spread listing times so that "newest" has a stable, meaningful order.
            listedAt: status === 'listed' ? new Date(now - (PRODUCTS.length - i) * 3600_000) : null,
          };
        }),
      )
      .onConflictDoNothing();

    const prodRows = await tx
      .select({ id: products.id, slug: products.slug })
      .from(products)
      .where(
        inArray(
          products.slug,
          PRODUCTS.map((p) => p.slug),
        ),
      );
    const prodIds = new Map(prodRows.map((r) => [r.slug, r.id]));

    const tiers = PRODUCTS.flatMap((p) => tiersFor(p).map((t) => ({ productId: prodIds.get(p.slug)!, ...t })));
    if (tiers.length) await tx.insert(productTierPrices).values(tiers).onConflictDoNothing();

    const motifs = new Map(CATEGORIES.map((c) => [c.slug, { color: c.color, motif: c.motif as Motif }]));
    const images = PRODUCTS.flatMap((p) =>
      [0, 1].map((variant) => {
        const art = motifs.get(p.category)!;
        const svg = Buffer.from(productArtSvg({ name: p.name, spec: p.spec, ...art, variant }));
        return {
          productId: prodIds.get(p.slug)!,
          position: variant,
          alt: variant === 0 ? p.name : `${p.name}（细节）`,
          contentType: 'image/svg+xml',
          sha256: createHash('sha256').update(svg).digest('hex'),
          width: 600,
          height: 600,
          bytes: new Uint8Array(svg),
        };
      }),
    );
    await tx.insert(productImages).values(images).onConflictDoNothing();

    const certs = PRODUCTS.flatMap((p, i) => {
      const c = certificateFor(p, i, now);
      return c ? [{ productId: prodIds.get(p.slug)!, ...c }] : [];
    });
    await tx.insert(certifications).values(certs).onConflictDoNothing();

    await tx
      .insert(promotionRounds)
      .values([
        ...PROMOTION_ROUNDS,
        { ...CURRENT_ROUND, heldOn: isoDay(now - 10 * DAY), endsOn: isoDay(now + 80 * DAY) },
      ])
      .onConflictDoNothing();
    const year = new Date(now).getUTCFullYear();
    await tx.insert(programmeTargets).values({ year, targetFen: DEFAULT_TARGET_FEN }).onConflictDoNothing();

    // Livestreams have no natural key: seed them once, when there are none.
    const [anyStream] = await tx.select({ id: livestreams.id }).from(livestreams).limit(1);
    if (!anyStream) {
      const [workshop] = await tx
        .select({ id: suppliers.id })
        .from(suppliers)
        .where(eq(suppliers.slug, 'datun-xingfu-embroidery'));
      const featured = await tx
        .select({ id: products.id, slug: products.slug })
        .from(products)
        .where(
          inArray(
            products.slug,
            DEMO_LIVESTREAMS.flatMap((l) => l.products),
          ),
        );
      for (const l of workshop ? DEMO_LIVESTREAMS : []) {
        const startsAt = new Date(now + l.offsetHours * 3_600_000);
        const [row] = await tx
          .insert(livestreams)
          .values({
            supplierId: workshop!.id,
            title: l.title,
            description: l.description,
            startsAt,
            streamUrl: l.streamUrl,
            status: l.status,
            startedAt: l.status === 'scheduled' ? null : startsAt,
            endedAt: l.status === 'ended' ? new Date(startsAt.getTime() + 2 * 3_600_000) : null,
          })
          .returning({ id: livestreams.id });
        const ids = featured
          .filter((f) => l.products.includes(f.slug))
          .map((f) => ({ livestreamId: row!.id, productId: f.id }));
        if (ids.length) await tx.insert(livestreamProducts).values(ids);
      }
    }

    // issue 16: the operator's contact details in the footer; the office edits them at /admin/settings.
    await tx.insert(settings).values({ key: SITE_CONTACT_SETTING, value: DEMO_SITE_CONTACT }).onConflictDoNothing();
    // issue 15: union fund rules (festival windows, 人均标准, excluded categories); the office edits them at /admin/settings.
    await tx
      .insert(settings)
      .values({ key: UNION_RULES_SETTING, value: demoUnionRules(now) })
      .onConflictDoNothing();
  });
  await seedDemoAccounts(db, now);
  await seedDemoBenefit(db, now);
}
