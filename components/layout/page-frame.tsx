import { Suspense, type ReactNode } from 'react';
import { PageSkeleton } from '../ui/page-skeleton';

/**
 * A page whose heading shows at once while its body, which reads the session or a link's token, streams
 * in behind a skeleton (the account pages, 接受邀请, 重置密码). `roomy` pages stand alone, off any menu.
 */
export function StreamedPage({
  title,
  width,
  roomy = false,
  children,
}: {
  title: string;
  width: 'max-w-md' | 'max-w-3xl';
  roomy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`mx-auto ${width} px-4 ${roomy ? 'py-8' : 'py-6'}`}>
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-4">
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </div>
    </div>
  );
}
