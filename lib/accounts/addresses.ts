import 'server-only';
import type { z } from 'zod';
import { clearDefaultAddress, countAddresses, insertAddress, listAddressRecords } from '@/db/queries/accounts';
import { transaction } from '@/db/tx';
import { decryptText, encryptText } from '@/lib/crypto/pii';
import { AppError } from '@/lib/errors';
import type { addressSchema } from '@/lib/validation/accounts';

/** A buyer's saved delivery addresses (personal data, encrypted at rest, shown only to the buyer). */

const MAX_ADDRESSES = 20;

export async function listAddresses({ userId }: { userId: string }) {
  return (await listAddressRecords({ userId })).map((r) => ({
    id: r.id,
    recipient: decryptText(r.recipientEnc),
    mobile: decryptText(r.mobileEnc),
    province: r.province,
    city: r.city,
    district: r.district,
    detail: decryptText(r.detailEnc),
    isDefault: r.isDefault,
  }));
}

/** Saves an address; the first one (or one marked so) becomes the default. At most 20. */
export async function addAddress({ userId, a }: { userId: string; a: z.output<typeof addressSchema> }): Promise<void> {
  await transaction(async (tx) => {
    const n = await countAddresses({ userId }, tx);
    if (n >= MAX_ADDRESSES) throw new AppError('invalid_input', `最多保存 ${MAX_ADDRESSES} 个收货地址`);
    const isDefault = a.isDefault || n === 0;
    if (isDefault) await clearDefaultAddress({ userId }, tx);
    await insertAddress(
      {
        userId,
        recipientEnc: encryptText(a.recipient),
        mobileEnc: encryptText(a.mobile),
        province: a.province,
        city: a.city,
        district: a.district,
        detailEnc: encryptText(a.detail),
        isDefault,
      },
      tx,
    );
  });
}
