import { mergeIntoUserCart } from '@/db/queries/cart';
import { signIn } from '@/lib/auth/auth';
import { clearGuestCart, readGuestCart } from '@/lib/cart/cart';
import { checkLogin } from '@/lib/auth/login';
import { issueLoginTicket } from '@/lib/auth/login-ticket';
import { clientAddress } from '@/lib/http/client-address';
import { apiError } from '@/lib/http/errors';
import { loginSchema } from '@/lib/validation/accounts';
import { cleanInput } from '@/lib/validation/clean-input';

/**
 * POST /api/auth/login {login, password, next?}: JSON for the login form (and API clients), or a
 * form post without JavaScript (answered with a redirect). 429 after too many failures.
 */
export async function POST(req: Request): Promise<Response> {
  const isForm = (req.headers.get('content-type') ?? '').includes('form');
  let raw: unknown = null;
  try {
    raw = cleanInput(isForm ? Object.fromEntries(await req.formData()) : await req.json());
  } catch {
    raw = null;
  }
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message]));
    return isForm ? redirectTo(req, `/login?error=invalid`) : apiError('invalid_input', '请填写账号和密码', fields);
  }
  const { login, password, next } = parsed.data;
  const outcome = await checkLogin({ login, password, address: clientAddress(req.headers) });
  if (!outcome.ok) {
    if (isForm) return redirectTo(req, `/login?error=${outcome.code}`);
    return apiError(outcome.code === 'rate_limited' ? 'rate_limited' : 'unauthorized', outcome.message);
  }
  await signIn('credentials', { ticket: issueLoginTicket(outcome.userId), redirect: false });
  // The guest cart joins the account's cart.
  const guest = await readGuestCart();
  if (guest.length) {
    await mergeIntoUserCart({ userId: outcome.userId, lines: guest });
    await clearGuestCart();
  }
  return isForm
    ? redirectTo(req, next)
    : Response.json({ ok: true, redirectTo: next }, { headers: { 'Cache-Control': 'no-store' } });
}

function redirectTo(req: Request, path: string): Response {
  return new Response(null, { status: 303, headers: { Location: new URL(path, req.url).toString() } });
}
