import { connection } from 'next/server';
import { Suspense } from 'react';

/**
 * Benchmark baseline (routed only in bench builds, like ../static): the least a page rendered per request
 * costs here, the store's layout around one dynamic line. bench/all.ts measures it beside the search that
 * renders per request, to show how much of that page's cost is Next's per-request rendering itself.
 */
async function RenderedNow() {
  await connection();
  return <p className="px-4 py-6">{new Date().toISOString()}</p>;
}

export const metadata = { robots: { index: false } };

export default function DynamicBenchPage() {
  return (
    <Suspense fallback={<p className="px-4 py-6">…</p>}>
      <RenderedNow />
    </Suspense>
  );
}
