import { signIn } from '@/lib/auth/auth';
import { clearGuestCart, mergeIntoUserCart, readGuestCart } from '@/lib/cart/cart';
import { checkLogin } from '@/lib/auth/login';
import { issueLoginTicket } from '@/lib/auth/login-ticket';
import { clientAddress } from '@/lib/http/client-address';
import { AppError, RateLimitError } from '@/lib/errors';
import { issueFields, route } from '@/lib/http/route';
import { loginSchema, nextPath } from '@/lib/validation/accounts';
import { cleanInput } from '@/lib/validation/clean-input';

/**
 * POST /api/auth/login {login, password, next?}: JSON for the login form (and API clients), or a
 * form post without JavaScript (answered with a redirect). 429 with Retry-After while failures are throttled.
 */
export const POST = route({ name: 'login' }, async ({ req }) => {
  const isForm = (req.headers.get('content-type') ?? '').includes('form');
  let raw: unknown = null;
  try {
    raw = cleanInput(isForm ? Object.fromEntries(await req.formData()) : await req.json());
  } catch {
    raw = null;
  }
  const parsed = loginSchema.safeParse(raw);
  // Without JavaScript a refused login goes back to the form keeping where to return afterwards.
  const back = (error: string) => {
    const n = nextPath.safeParse((raw as { next?: unknown } | null)?.next ?? undefined);
    const next = n.success ? n.data : '/';
    return `/login?error=${error}${next === '/' ? '' : `&next=${encodeURIComponent(next)}`}`;
  };
  if (!parsed.success) {
    if (isForm) return redirectTo(req, back('invalid'));
    throw new AppError('invalid_input', '请填写账号和密码', issueFields(parsed.error));
  }
  const { login, password, next } = parsed.data;
  const outcome = await checkLogin({ login, password, address: clientAddress(req.headers) });
  if (!outcome.ok) {
    if (isForm) return redirectTo(req, back(outcome.code));
    if (outcome.code === 'rate_limited') throw new RateLimitError(outcome.message, outcome.retryAfterSeconds);
    throw new AppError('unauthorized', outcome.message);
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
});

function redirectTo(req: Request, path: string): Response {
  return new Response(null, { status: 303, headers: { Location: new URL(path, req.url).toString() } });
}
