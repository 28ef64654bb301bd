import 'server-only';
import { AppError } from '@/lib/errors';
import { assertAllowed, consume, recordHit } from '@/lib/security/rate-limit';
import { findOrderNoForGuest } from './order-view';

/**
 * A guest finds an order by its number and the mobile number given at checkout. Order numbers are
 * sequential and a supplier sees mobiles masked (136****1111), so the guesses are limited twice: per
 * client address (10 a minute) and per order (5 wrong mobiles close that order's lookup for the hour,
 * from every address). A refused lookup writes nothing; a wrong mobile is counted.
 */
export async function lookupGuestOrder(p: { orderNo: string; mobile: string; address: string }): Promise<string> {
  await assertAllowed('lookupOrder', p.orderNo);
  await consume('lookupAddress', p.address);
  const found = await findOrderNoForGuest(p);
  if (!found) {
    await recordHit('lookupOrder', p.orderNo);
    throw new AppError('not_found', '没有找到该订单，请核对订单号和手机号');
  }
  return found;
}
