import { Suspense, type ReactNode } from 'react';
import { PageSkeleton } from '../ui/page-skeleton';

type Frame = {
  title: string;
  width: 'max-w-md' | 'max-w-xl' | 'max-w-3xl' | 'max-w-6xl';
  /** A page that stands alone, off any menu (a one-time link), gets more room above and below. */
  roomy?: boolean;
  children: ReactNode;
};

/** A page's column and its heading; what follows the heading is the page's own. */
export function PageFrame({ title, width, roomy = false, children }: Frame) {
  return (
    <div className={`mx-auto ${width} px-4 ${roomy ? 'py-8' : 'py-6'}`}>
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

/**
 * A page whose heading shows at once while its body, which reads the session or a link's token, streams
 * in behind a skeleton (the account pages, 接受邀请, 重置密码).
 */
export function StreamedPage({ children, ...frame }: Frame) {
  return (
    <PageFrame {...frame}>
      <div className="mt-4">
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </div>
    </PageFrame>
  );
}
