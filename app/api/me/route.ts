import { optionalUser } from '@/lib/auth/guards';
import { portalsFor } from '@/lib/auth/portals';
import { cartItemCount } from '@/lib/cart/cart';
import { paymentSimulatorOn } from '@/lib/payments/stripe';
import { route } from '@/lib/http/route';

/**
 * Who is signed in, and how many items their cart holds, for the navigation, and whether the payment
 * simulator is on (the demo banner: read at run time, so one build serves a demo and a real store). Never cached.
 */
export const GET = route({ name: 'me' }, async () => {
  const user = await optionalUser();
  const cartCount = await cartItemCount(user?.id ?? null);
  const demoPayment = paymentSimulatorOn();
  const body = user
    ? { signedIn: true, name: user.name, portals: portalsFor(user), cartCount, demoPayment }
    : { signedIn: false, cartCount, demoPayment };
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
});
