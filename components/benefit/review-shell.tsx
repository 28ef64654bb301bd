import Link from 'next/link';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { PageSkeleton } from '../auth/forbidden';

const LINKS = [
  { href: '/review', label: '待核实' },
  { href: '/review/codes', label: '打印确认码' },
] as const;

/** The frame of the reviewers' pages (phones first): title, the two sections, and the guarded content. */
export function ReviewShell({
  title,
  current,
  children,
}: {
  title: string;
  current: (typeof LINKS)[number]['href'];
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <p className="text-sm text-neutral-600 print:hidden">带贫核实 · 社区（村）核实员与消费扶贫办公室</p>
      <h1 className="text-2xl font-bold print:hidden">{title}</h1>
      <nav aria-label="带贫核实" className="mt-3 print:hidden">
        <ul className="flex gap-2">
          {LINKS.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={l.href === current ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-full px-4 text-sm font-medium ring-1 ${l.href === current ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-neutral-900 ring-neutral-300 hover:bg-neutral-50'}`}
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-4">
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </div>
    </div>
  );
}
