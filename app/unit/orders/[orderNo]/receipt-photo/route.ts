import { getReceiptPhoto } from '@/db/queries/unit-receipt';
import { optionalUser } from '@/lib/auth/guards';
import { fileNotFound, privateFile } from '@/lib/http/private-file';
import { orderNoSchema } from '@/lib/validation/orders';

/** The 验收 photo of a unit order, for the members of its unit and the programme office only; never cached publicly. */
export async function GET(_req: Request, { params }: { params: Promise<{ orderNo: string }> }): Promise<Response> {
  const { orderNo } = await params;
  if (!orderNoSchema.safeParse(orderNo).success) return fileNotFound();
  const user = await optionalUser();
  if (!user) return fileNotFound();
  const photo = await getReceiptPhoto({ orderNo });
  if (!photo?.unitId) return fileNotFound();
  if (user.role !== 'admin' && !user.unitMemberships.some((m) => m.unitId === photo.unitId)) return fileNotFound();
  return privateFile(photo.bytes, photo.contentType, 'inline; filename="receipt.webp"');
}
