import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { PORTAL_NAMES, type Portal } from '@/lib/auth/portals';
import { PageSkeleton } from '../ui/page-skeleton';
import { PortalGate } from './portal-gate';
import { PortalNav, type PortalLink } from './portal-nav';

const WIDTH = { narrow: 'max-w-3xl', medium: 'max-w-5xl', wide: 'max-w-6xl' } as const;

type Frame = {
  portal: Portal;
  width: keyof typeof WIDTH;
  kicker?: string;
  /** The portal's section links, labelled with the portal's name. */
  links?: PortalLink[];
  denied: ReactNode;
};

/**
 * The frame of a portal (/admin, /unit, /workshop, /review), drawn by its layout.tsx: the portal's name,
 * its guard, and its section links once the guard has let the user in. Each page draws its own heading.
 */
export function PortalLayout({ portal, width, kicker, links, denied, children }: Frame & { children: ReactNode }) {
  return (
    <div className={`mx-auto ${WIDTH[width]} px-4 py-6`}>
      {kicker ? <p className="mb-3 text-sm text-neutral-600">{kicker}</p> : null}
      <Suspense fallback={<PageSkeleton title />}>
        <PortalGate
          portal={portal}
          denied={denied}
          menu={links ? <PortalNav label={PORTAL_NAMES[portal]} links={links} /> : null}
        >
          <div className={links ? 'mt-4' : ''}>{children}</div>
        </PortalGate>
      </Suspense>
    </div>
  );
}

/** A portal's layout.tsx, whose default export is this: every page of the portal inside its frame. */
export function portalLayout(frame: Frame) {
  return function PortalLayoutRoute({ children }: { children: ReactNode }) {
    return <PortalLayout {...frame}>{children}</PortalLayout>;
  };
}
