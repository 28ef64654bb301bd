'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { signOutAction } from '@/lib/actions/accounts';

type Me = { signedIn: false } | { signedIn: true; name: string; portals: { href: string; label: string }[] };

/**
 * The signed-in part of the header. It asks /api/me after load, so that every catalog page stays a
 * static, cacheable document for everyone.
 */
export function UserNav() {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/me', { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<Me>) : { signedIn: false as const }))
      .then((m) => live && setMe(m))
      .catch(() => live && setMe({ signedIn: false }));
    return () => {
      live = false;
    };
  }, []);
  const link = 'flex min-h-11 items-center rounded-md px-3 hover:bg-neutral-100';
  if (!me) return <span className="min-h-11 w-16" aria-hidden="true" />;
  if (!me.signedIn) {
    return (
      <>
        <Link href="/login" className={link}>
          登录
        </Link>
        <Link href="/register" className={link}>
          注册
        </Link>
      </>
    );
  }
  return (
    <>
      {me.portals.map((p) => (
        <Link key={p.href} href={p.href} className={link}>
          {p.label}
        </Link>
      ))}
      <form
        action={async () => {
          await signOutAction(null, {});
          window.location.assign('/');
        }}
      >
        <button type="submit" className={link}>
          退出登录
        </button>
      </form>
    </>
  );
}
