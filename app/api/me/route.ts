import { optionalUser } from '@/lib/auth/guards';
import { portalsFor } from '@/lib/auth/portals';

/** Who is signed in, for the navigation. Never cached. */
export async function GET(): Promise<Response> {
  const user = await optionalUser();
  const body = user ? { signedIn: true, name: user.name, portals: portalsFor(user) } : { signedIn: false };
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
}
