import { notFound } from 'next/navigation';

/**
 * Benchmark baseline: a fully static Next page shaped like a real page. The `.bench.tsx` ending keeps it out
 * of normal builds (/bench/… is a 404 there); next.config.mjs routes it only when GEJIU_BENCH_SIZES is set at
 * build time, as bench/*.ts do, and then only for those shapes.
 *
 * A shape `<ascii>-<cjk>` is the text added to the layout: that many ASCII characters and that many Chinese
 * ones. Next keeps a prerendered page as a JavaScript string and encodes it on every response, so a page's
 * cost follows its characters as well as its bytes (a Chinese character is 3 bytes but one character): the
 * bench (bench/lib.ts, baselineShape) chooses both so that the baseline has the real page's bytes and
 * characters. `0-0` is the layout alone.
 */
const SHAPE = /^(\d{1,7})-(\d{1,7})$/;
const shapes = (process.env.GEJIU_BENCH_SIZES ?? '').split(',').filter((s) => SHAPE.test(s));

export function generateStaticParams() {
  return (shapes.length ? shapes : ['0-0']).map((shape) => ({ shape }));
}

export const metadata = { robots: { index: false } };

const ASCII = 'gejiu consumption support store static baseline page. ';
const CJK = '个旧消费扶贫商城静态基准页面';

function repeat(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

export default async function StaticBenchPage({ params }: { params: Promise<{ shape: string }> }) {
  const { shape } = await params;
  const m = SHAPE.exec(shape);
  if (!m || !shapes.includes(shape)) notFound();
  // The HTML carries the text twice (markup and RSC payload).
  const ascii = Math.floor(Number(m[1]) / 2);
  const cjk = Math.floor(Number(m[2]) / 2);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">静态基准页</h1>
      <p className="break-all text-neutral-500">{repeat(ASCII, ascii)}</p>
      <p className="break-all text-neutral-500">{repeat(CJK, cjk)}</p>
    </div>
  );
}
