import { notFound } from 'next/navigation';

/**
 * Benchmark baseline: a fully static Next page of a chosen size. The `.bench.tsx` ending keeps it out of
 * normal builds (/bench/… is a 404 there); next.config.mjs routes it only when GEJIU_BENCH_SIZES is set
 * at build time, as bench/*.ts do, and then only for those sizes.
 */
const sizes = (process.env.GEJIU_BENCH_SIZES ?? '').split(',').filter((s) => /^\d{1,7}$/.test(s));

export function generateStaticParams() {
  return (sizes.length ? sizes : ['0']).map((bytes) => ({ bytes }));
}

export const metadata = { robots: { index: false } };

export default async function StaticBenchPage({ params }: { params: Promise<{ bytes: string }> }) {
  const { bytes } = await params;
  if (!sizes.includes(bytes)) notFound();
  // The layout around the text weighs about 14.6 KB (measured), and the HTML carries the text twice
  // (markup and RSC payload) at 3 bytes a character.
  const n = Math.max(0, Math.floor((Number(bytes) - 14_600) / 6));
  const line = '个旧消费扶贫商城静态基准页面。';
  const text = line.repeat(Math.ceil(n / line.length)).slice(0, n);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">静态基准页</h1>
      <p className="break-all text-neutral-500">{text}</p>
    </div>
  );
}
