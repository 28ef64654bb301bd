import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { QuickAdd } from '@/components/cart/quick-add';
import { ProductCard } from '@/components/catalog/product-card';
import { PhaseBadge } from '@/components/livestream/livestream-card';
import { getProductCardsBySlugs } from '@/db/queries/catalog';
import { getLivestream } from '@/db/queries/livestreams';
import { isEmbeddable, livestreamPhase } from '@/domain/livestream';
import { chinaDate, formatChinaDateTime } from '@/domain/time';

export const metadata: Metadata = { title: '直播间' };

type Props = { params: Promise<{ id: string }> };

export default function LivestreamPage({ params }: Props) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <Suspense fallback={<p className="text-neutral-700">加载中…</p>}>
        <Session params={params} />
      </Suspense>
    </div>
  );
}

async function Session({ params }: Props) {
  await connection();
  const { id } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(id)) notFound();
  const l = await getLivestream({ id: Number(id) });
  if (!l) notFound();
  const phase = livestreamPhase(l.status, l.startsAt, new Date());
  const products = await getProductCardsBySlugs({ slugs: l.productSlugs, today: chinaDate() });
  const embed = phase === 'live' && isEmbeddable(l.streamUrl);
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <PhaseBadge phase={phase} />
        <span className="text-sm text-neutral-700">
          {formatChinaDateTime(l.startsAt)} · {l.supplierName}
        </span>
      </div>
      <h1 className="mt-1 text-2xl font-bold">{l.title}</h1>
      {l.description ? <p className="mt-1 whitespace-pre-line text-neutral-700">{l.description}</p> : null}
      {embed ? (
        <div className="mt-4 aspect-video overflow-hidden rounded-xl bg-neutral-900">
          <iframe
            src={l.streamUrl}
            title={`直播：${l.title}`}
            className="size-full"
            sandbox="allow-scripts allow-same-origin allow-presentation"
            referrerPolicy="no-referrer"
            allow="autoplay; fullscreen"
            loading="lazy"
          />
        </div>
      ) : null}
      <p className="mt-3">
        {/* Always a plain https link (checked when saved), opened without access to this page. */}
        <a
          href={l.streamUrl}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium text-brand-800 ring-1 ring-brand-600 hover:bg-brand-50"
        >
          {phase === 'live' ? '进入直播间' : phase === 'upcoming' ? '打开直播间（开播后可看）' : '打开直播回放'}
          <span className="sr-only">（在新窗口打开）</span>
        </a>
      </p>
      <h2 className="mt-6 text-lg font-semibold">{phase === 'live' ? '直播间商品' : '推荐商品'}</h2>
      {products.length ? (
        <ul aria-label="直播推荐商品" className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {products.map((p) => (
            <ProductCard
              key={p.slug}
              product={p}
              footer={
                phase === 'live' ? (
                  <QuickAdd slug={p.slug} name={p.name} livestreamId={l.id} soldOut={p.stock <= 0} />
                ) : undefined
              }
            />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-neutral-700">这场直播没有推荐商品。</p>
      )}
    </>
  );
}
