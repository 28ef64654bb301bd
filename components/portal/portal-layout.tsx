import type { ReactNode } from 'react';
import { Suspense } from 'react';
import type { Portal } from '@/lib/auth/portals';
import { PageSkeleton } from '../ui/page-skeleton';
import { PortalGate } from './portal-gate';
import { PortalNav, type PortalLink } from './portal-nav';

const WIDTH = { narrow: 'max-w-3xl', medium: 'max-w-5xl', wide: 'max-w-6xl' } as const;

/**
 * The frame of a portal (/admin, /unit, /workshop), drawn by its layout.tsx: the portal's name, its
 * guard, and its section links once the guard has let the user in. Each page draws its own heading.
 */
export function PortalLayout({
  portal,
  width,
  kicker,
  nav,
  denied,
  children,
}: {
  portal: Portal;
  width: keyof typeof WIDTH;
  kicker?: string;
  nav?: { label: string; links: PortalLink[] };
  denied: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`mx-auto ${WIDTH[width]} px-4 py-6`}>
      {kicker ? <p className="mb-3 text-sm text-neutral-600">{kicker}</p> : null}
      <Suspense fallback={<PageSkeleton title />}>
        <PortalGate portal={portal} denied={denied} menu={nav ? <PortalNav {...nav} /> : null}>
          <div className={nav ? 'mt-4' : ''}>{children}</div>
        </PortalGate>
      </Suspense>
    </div>
  );
}
