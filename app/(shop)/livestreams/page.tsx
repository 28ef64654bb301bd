import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { PageFrame } from '@/components/layout/page-frame';
import { LivestreamCard } from '@/components/livestream/livestream-card';
import { listPublicLivestreams } from '@/db/queries/livestreams';
import { livestreamPhase } from '@/domain/livestream';

export const metadata: Metadata = {
  title: '直播带货',
  description: '大屯幸福社区刺绣扶贫车间和各合作社的直播带货：正在直播、即将开播和往期回顾。',
};

export default function LivestreamsPage() {
  return (
    <PageFrame title="直播带货" width="max-w-6xl">
      <p className="mt-1 text-neutral-700">绣娘和合作社社员在直播间讲解产品，边看边买，收入直接带动脱贫户增收。</p>
      <Suspense fallback={<p className="mt-6 text-neutral-700">加载中…</p>}>
        <Sessions />
      </Suspense>
    </PageFrame>
  );
}

async function Sessions() {
  await connection();
  const now = new Date();
  const all = await listPublicLivestreams({ limit: 200 });
  const withPhase = all.map((l) => ({ l, phase: livestreamPhase(l.status, l.startsAt, now) }));
  const groups = [
    { key: 'live', title: '正在直播', items: withPhase.filter((x) => x.phase === 'live') },
    { key: 'upcoming', title: '即将开播', items: withPhase.filter((x) => x.phase === 'upcoming').reverse() },
    { key: 'past', title: '往期直播', items: withPhase.filter((x) => x.phase === 'past') },
  ] as const;
  return (
    <div className="mt-6 space-y-8">
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`ls-${g.key}`}>
          <h2 id={`ls-${g.key}`} className="text-lg font-semibold">
            {g.title} <span className="text-sm font-normal text-neutral-600">{g.items.length}</span>
          </h2>
          {g.items.length ? (
            <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {g.items.map(({ l, phase }) => (
                <LivestreamCard key={l.id} l={l} phase={phase} />
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-neutral-700">
              {g.key === 'live' ? '现在没有正在进行的直播。' : g.key === 'upcoming' ? '暂无预告。' : '暂无往期直播。'}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
