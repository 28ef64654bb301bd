'use client';

import { useEffect, useSyncExternalStore } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';

/**
 * Who is signed in and how many items their cart holds, for the header, the tab bar and 我的. Asked of
 * /api/me after load (so that every catalog page stays one static document for everyone), again on each
 * navigation, and updated at once by the cart actions' results.
 */
export type Me = (
  | { signedIn: false; cartCount: number }
  | { signedIn: true; name: string; portals: { href: string; label: string }[]; cartCount: number }
) & {
  /** The offline payment simulator is on (the demo banner). */
  demoPayment?: boolean;
};

let me: Me | null = null;
let started = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export async function refreshMe(): Promise<void> {
  started = true;
  const next: Me = await fetch('/api/me', { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<Me>) : { signedIn: false as const, cartCount: 0 }))
    .catch(() => ({ signedIn: false as const, cartCount: 0 }));
  me = next;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started) void refreshMe();
  return () => void listeners.delete(listener);
}

/** null until /api/me has answered (and always during server rendering). */
export function useMe(): Me | null {
  return useSyncExternalStore(
    subscribe,
    () => me,
    () => null,
  );
}

/** A cart action (or the cart page) knows the new count: show it everywhere at once. */
export function setCartCount(count: number): void {
  if (!me) {
    void refreshMe();
    return;
  }
  if (me.cartCount === count) return;
  me = { ...me, cartCount: count };
  emit();
}

/** The page the visitor was on before 我的 or 登录 (recorded by the tab bar), for 登录's ?next=. */
let lastPage: string | null = null;
const AUTH_PAGES = ['/me', '/login', '/register'];

export function recordPage(path: string, search: string): void {
  if (!AUTH_PAGES.includes(path)) lastPage = path + search;
}

/**
 * The page the visitor was on before 我的 (or 登录). A tap that came before this site's scripts had loaded
 * was a full page load, which forgets lastPage: then the previous page of this site, from the referrer.
 */
export function pageBeforeMe(): string | null {
  if (lastPage) return lastPage;
  try {
    const from = new URL(document.referrer);
    if (from.origin === window.location.origin && !AUTH_PAGES.includes(from.pathname))
      return from.pathname + from.search;
  } catch {
    // no referrer, or not a URL
  }
  return null;
}

/** For a cart action's form: its successful result carries the new count (data.cartCount). */
export function useCartCountFrom(state: ActionResult | null): void {
  useEffect(() => {
    if (state?.ok && state.data?.cartCount !== undefined) setCartCount(Number(state.data.cartCount));
  }, [state]);
}

/** The count as a badge shows it. */
export function badgeCount(n: number): string {
  return n > 99 ? '99+' : String(n);
}
