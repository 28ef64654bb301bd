import Link from 'next/link';

export function Forbidden({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-xl bg-white p-6 text-center ring-1 ring-neutral-200">
      <p className="text-lg font-semibold">无权访问</p>
      <p className="mt-1 text-neutral-700">{message}</p>
      <Link
        href="/"
        className="mt-4 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
      >
        返回首页
      </Link>
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-3">
      <div className="h-24 animate-pulse rounded-xl bg-white ring-1 ring-neutral-200" />
      <div className="h-48 animate-pulse rounded-xl bg-white ring-1 ring-neutral-200" />
    </div>
  );
}
