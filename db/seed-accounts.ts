import { eq, inArray } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { encryptText } from '@/lib/crypto/pii';
import { withCreditCodeCheck } from '@/domain/credit-code';
import type { Db } from './client';
import { addresses, supplierMembers, suppliers, unitMembers, unitPledges, units, users } from './schema';

/** The demo accounts of CONTRACT.md, all with the password demo12345. */
export const DEMO_PASSWORD = 'demo12345';
const DEMO_USERS = [
  { email: 'admin@example.com', name: '消费扶贫办公室 王主任', role: 'admin' as const },
  { email: 'buyer@example.com', name: '李秀英', role: 'buyer' as const },
  { email: 'unit@example.com', name: '张建国', role: 'unit_member' as const },
  { email: 'approver@example.com', name: '赵丽华', role: 'unit_member' as const },
  { email: 'workshop@example.com', name: '普春梅', role: 'supplier_manager' as const },
  { email: 'coop@example.com', name: '杨永福', role: 'supplier_manager' as const },
];

export const DEMO_UNIT = {
  name: '个旧市示范机关事务服务中心（演示）',
  creditCode: withCreditCodeCheck('11532501MB0D0001X'),
  parentName: '个旧市示范行政服务局（演示）',
  parentCreditCode: withCreditCodeCheck('11532501MB0D0000X'),
};

export async function seedDemoAccounts(db: Db, now: number): Promise<void> {
  const emails = DEMO_USERS.map((u) => u.email);
  const existing = new Set(
    (await db.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((r) => r.email),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (missing.length) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db
      .insert(users)
      .values(missing.map((u) => ({ ...u, passwordHash })))
      .onConflictDoNothing();
  }
  const ids = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))).map((r) => [
      r.email,
      r.id,
    ]),
  );

  await db.transaction(async (tx) => {
    await tx
      .insert(units)
      .values({
        name: DEMO_UNIT.parentName,
        creditCode: DEMO_UNIT.parentCreditCode,
        type: 'admin_agency',
        contactName: '周明',
        status: 'verified',
        verifiedAt: new Date(now),
      })
      .onConflictDoNothing();
    const [parent] = await tx
      .select({ id: units.id })
      .from(units)
      .where(eq(units.creditCode, DEMO_UNIT.parentCreditCode));
    await tx
      .insert(units)
      .values({
        name: DEMO_UNIT.name,
        creditCode: DEMO_UNIT.creditCode,
        type: 'public_institution',
        parentUnitId: parent!.id,
        contactName: '张建国',
        contactMobileEnc: encryptText('13887312345'),
        status: 'verified',
        verifiedAt: new Date(now),
      })
      .onConflictDoNothing();
    const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.creditCode, DEMO_UNIT.creditCode));
    await tx
      .insert(unitMembers)
      .values([
        { unitId: unit!.id, userId: ids.get('unit@example.com')!, role: 'buyer', isAdmin: true },
        { unitId: unit!.id, userId: ids.get('approver@example.com')!, role: 'approver' },
      ])
      .onConflictDoNothing();
    await tx
      .insert(unitPledges)
      .values({ unitId: unit!.id, year: new Date(now).getUTCFullYear(), pledgeFen: 50_000_000n })
      .onConflictDoNothing();

    const sup = new Map(
      (await tx.select({ id: suppliers.id, slug: suppliers.slug }).from(suppliers)).map((r) => [r.slug, r.id]),
    );
    await tx
      .insert(supplierMembers)
      .values([
        { supplierId: sup.get('datun-xingfu-embroidery')!, userId: ids.get('workshop@example.com')! },
        { supplierId: sup.get('jijie-vegetable-coop')!, userId: ids.get('coop@example.com')! },
      ])
      .onConflictDoNothing();

    const buyerId = ids.get('buyer@example.com')!;
    const [hasAddress] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(eq(addresses.userId, buyerId))
      .limit(1);
    if (!hasAddress) {
      await tx.insert(addresses).values({
        userId: buyerId,
        recipientEnc: encryptText('李秀英'),
        mobileEnc: encryptText('13912345678'),
        province: '云南省',
        city: '红河哈尼族彝族自治州',
        district: '个旧市',
        detailEnc: encryptText('金湖东路 88 号 3 栋 2 单元 501'),
        isDefault: true,
      });
    }
  });
}
