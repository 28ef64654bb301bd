'use client';

import { useEffect } from 'react';
import { setCartCount } from '../layout/me-store';

/** The cart page knows the count after every change: the header and the tab bar show it at once. */
export function CartCountSync({ count }: { count: number }) {
  useEffect(() => setCartCount(count), [count]);
  return null;
}
