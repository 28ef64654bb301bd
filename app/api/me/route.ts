import { optionalUser } from '@/lib/auth/guards';
import { portalsFor } from '@/lib/auth/portals';
import { cartItemCount } from '@/lib/cart/cart';

/** Who is signed in, and how many items their cart holds, for the navigation. Never cached. */
export async function GET(): Promise<Response> {
  const user = await optionalUser();
  const cartCount = await cartItemCount(user?.id ?? null);
  const body = user
    ? { signedIn: true, name: user.name, portals: portalsFor(user), cartCount }
    : { signedIn: false, cartCount };
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
}
