import { cookies } from 'next/headers';
import { getCasePhoto } from '@/db/queries/after-sales';
import { getOrderView } from '@/lib/orders/order-view';
import { optionalUser } from '@/lib/auth/guards';
import { orderAccessWith } from '@/lib/orders/access';
import { fileNotFound, privateFile } from '@/lib/http/private-file';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A 售后 photo (re-encoded by lib/media), for the buyer of its order (session, checkout cookie or the
 * lookup's view grant), the supplier of the line and the programme office only; never cached publicly.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!UUID.test(id)) return fileNotFound();
  const photo = await getCasePhoto({ id });
  if (!photo) return fileNotFound();
  const user = await optionalUser();
  const staff = user && (user.role === 'admin' || user.supplierIds.includes(photo.supplierId));
  if (!staff) {
    const order = await getOrderView({ orderNo: photo.orderNo });
    if (!order || !orderAccessWith(order, { userId: user?.id }, await cookies())) return fileNotFound();
  }
  return privateFile(photo.bytes, photo.contentType, 'inline; filename="after-sales.webp"');
}
