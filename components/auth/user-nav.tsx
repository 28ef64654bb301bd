'use client';

import { signOutAction } from '@/lib/actions/accounts';
import { IntentLink } from '../layout/intent-link';
import { useMe } from '../layout/me-store';

/** Where 登录 brings the visitor back to: the page they are on (read after load: pages are static). */
export function loginHref(path: string, search: string): string {
  const auth = ['/login', '/register'].some((p) => path === p || path.startsWith(`${p}/`));
  return auth || path === '/' ? '/login' : `/login?next=${encodeURIComponent(path + search)}`;
}

/**
 * 登录 with ?next= set to the page the visitor is on. Pages are static and the header outlives client
 * navigations, so the link reads the address when it is pointed at, focused or followed.
 */
export function LoginLink({ className, label = '登录' }: { className: string; label?: string }) {
  const here = () => loginHref(window.location.pathname, window.location.search);
  return (
    <a
      href="/login"
      className={className}
      onPointerEnter={(e) => (e.currentTarget.href = here())}
      onFocus={(e) => (e.currentTarget.href = here())}
      onClick={(e) => (e.currentTarget.href = here())}
    >
      {label}
    </a>
  );
}

export function SignOutButton({ className }: { className: string }) {
  return (
    <form
      action={async () => {
        await signOutAction(null, {});
        window.location.assign('/');
      }}
    >
      <button type="submit" className={className}>
        退出登录
      </button>
    </form>
  );
}

/** The signed-in part of the wide header: 登录/注册, or 我的, the user's portals and 退出登录. */
export function UserNav() {
  const me = useMe();
  const link = 'flex min-h-11 items-center rounded-md px-3 whitespace-nowrap hover:bg-neutral-100';
  if (!me) return <span className="min-h-11 w-24" aria-hidden="true" />;
  if (!me.signedIn) {
    return (
      <>
        <LoginLink className={link} />
        <IntentLink href="/register" className={link}>
          注册
        </IntentLink>
      </>
    );
  }
  return (
    <>
      <IntentLink href="/me" className={link}>
        我的
      </IntentLink>
      {me.portals
        .filter((p) => p.href !== '/account')
        .map((p) => (
          <IntentLink key={p.href} href={p.href} className={`${link} hidden lg:flex`}>
            {p.label}
          </IntentLink>
        ))}
      <SignOutButton className={link} />
    </>
  );
}
