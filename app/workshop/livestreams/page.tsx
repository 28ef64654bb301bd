import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { ButtonForm } from '@/components/forms/confirm-button-form';
import { PhaseBadge } from '@/components/livestream/livestream-card';
import { Money } from '@/components/ui/money';
import { WorkshopShell } from '@/components/workshop/workshop-nav';
import { getSupplierForManager } from '@/db/queries/suppliers';
import { listFeaturableProducts, listSupplierLivestreams } from '@/db/queries/livestreams';
import { scheduleLivestreamAction, setLivestreamStatusAction } from '@/lib/actions/livestreams';
import { pageUser } from '@/lib/auth/page-guard';
import { EMBED_HOSTS, isEmbeddable, livestreamPhase } from '@/domain/livestream';
import { formatChinaDateTime } from '@/domain/time';

export const metadata: Metadata = { title: '直播管理', robots: { index: false } };

export default function WorkshopLivestreamsPage() {
  return (
    <WorkshopShell title="直播管理" current="/workshop/livestreams">
      <Livestreams />
    </WorkshopShell>
  );
}

async function Livestreams() {
  await connection();
  const user = await pageUser('/workshop/livestreams');
  if (!user.supplierIds.length) return <Forbidden message="您的账号不是任何供应商的管理员。" />;
  const now = new Date();
  const suppliers = (await Promise.all(user.supplierIds.map((id) => getSupplierForManager({ supplierId: id })))).filter(
    (s) => s !== null,
  );
  const data = await Promise.all(
    suppliers.map(async (s) => ({
      s,
      streams: await listSupplierLivestreams({ supplierId: s.id }),
      products: await listFeaturableProducts({ supplierId: s.id }),
    })),
  );
  return (
    <div className="space-y-6">
      {data.map(({ s, streams, products }) => (
        <section key={s.id} aria-labelledby={`lv-${s.id}`} className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
          <h2 id={`lv-${s.id}`} className="text-lg font-semibold">
            {s.name}
          </h2>
          {streams.length ? (
            <ul className="mt-3 space-y-3">
              {streams.map((l) => {
                const phase = livestreamPhase(l.status, l.startsAt, now);
                return (
                  <li key={l.id} className="rounded-lg p-3 ring-1 ring-neutral-200">
                    <div className="flex flex-wrap items-center gap-2">
                      <PhaseBadge phase={phase} />
                      <span className="text-sm text-neutral-700">{formatChinaDateTime(l.startsAt)}</span>
                    </div>
                    <p className="mt-1 font-medium">
                      <Link href={`/livestreams/${l.id}`} className="hover:text-brand-700">
                        {l.title}
                      </Link>
                    </p>
                    <p className="text-sm text-neutral-700">
                      直播销售 <Money fen={l.salesFen} className="font-medium" />（{l.orders} 单，已扣除退款）· 推荐{' '}
                      {l.productSlugs.length} 件 · {isEmbeddable(l.streamUrl) ? '页内播放' : '外链'}
                    </p>
                    <div className="mt-2 flex flex-wrap gap-2">
                      {l.status === 'scheduled' ? (
                        <ButtonForm
                          action={setLivestreamStatusAction}
                          values={{ livestreamId: String(l.id), to: 'live' }}
                          label="开始直播"
                        />
                      ) : null}
                      {l.status === 'live' ? (
                        <ButtonForm
                          action={setLivestreamStatusAction}
                          values={{ livestreamId: String(l.id), to: 'ended' }}
                          label="结束直播"
                          tone="neutral"
                        />
                      ) : null}
                      {l.status === 'scheduled' ? (
                        <ButtonForm
                          action={setLivestreamStatusAction}
                          values={{ livestreamId: String(l.id), to: 'cancelled' }}
                          label="取消"
                          tone="danger"
                        />
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="mt-2 text-neutral-700">还没有安排直播。</p>
          )}
          <h3 className="mt-6 font-medium">安排直播</h3>
          <ActionForm
            idPrefix={`lv${s.id}-`}
            action={scheduleLivestreamAction}
            submitLabel="安排直播"
            className="mt-2"
            fields={[
              { name: 'supplierId', label: '', type: 'hidden', defaultValue: String(s.id) },
              { name: 'title', label: '直播标题', placeholder: '如 绣娘现场绣马缨花' },
              { name: 'startsAt', label: '开播时间（北京时间）', type: 'datetime-local' },
              {
                name: 'streamUrl',
                label: '直播链接',
                wide: true,
                placeholder: 'https://',
                hint: `须以 https:// 开头。${EMBED_HOSTS.join('、')} 的播放器链接可在页内播放，其他链接以按钮打开。`,
              },
              { name: 'description', label: '直播介绍（可选）', type: 'textarea' },
              {
                name: 'productIds',
                label: '推荐商品',
                type: 'checkboxes',
                options: products.map((p) => ({ value: String(p.id), label: `${p.name}（${p.spec}）` })),
              },
            ]}
          />
        </section>
      ))}
    </div>
  );
}
