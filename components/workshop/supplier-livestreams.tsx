import { IntentLink } from '@/components/layout/intent-link';
import type { listFeaturableProducts, listSupplierLivestreams } from '@/db/queries/livestreams';
import { EMBED_HOSTS, isEmbeddable, livestreamPhase } from '@/domain/livestream';
import { formatChinaDateTime } from '@/domain/time';
import { scheduleLivestreamAction, setLivestreamStatusAction } from '@/lib/actions/livestreams';
import { ActionForm } from '../forms/action-form';
import { ButtonForm } from '../forms/confirm-button-form';
import { PhaseBadge } from '../livestream/livestream-card';
import type { ButtonVariant } from '../ui/button';
import { Card } from '../ui/card';
import { Money } from '../ui/money';
import { hiddenField } from '../forms/fields';

type Stream = Awaited<ReturnType<typeof listSupplierLivestreams>>[number];
type Product = Awaited<ReturnType<typeof listFeaturableProducts>>[number];

/** The status changes a manager can make from each status, in the order the buttons show. */
const MOVES: Record<string, { to: string; label: string; variant: ButtonVariant }[]> = {
  scheduled: [
    { to: 'live', label: '开始直播', variant: 'primary' },
    { to: 'cancelled', label: '取消', variant: 'danger' },
  ],
  live: [{ to: 'ended', label: '结束直播', variant: 'secondary' }],
};

/** One supplier's livestreams (start, end, cancel; sales so far) and the form to schedule another. */
export function SupplierLivestreams({
  supplier: s,
  streams,
  products,
  now,
}: {
  supplier: { id: number; name: string };
  streams: Stream[];
  products: Product[];
  now: Date;
}) {
  return (
    <Card as="section" aria-labelledby={`lv-${s.id}`}>
      <h2 id={`lv-${s.id}`} className="text-lg font-semibold">
        {s.name}
      </h2>
      {streams.length ? (
        <ul className="mt-3 space-y-3">
          {streams.map((l) => (
            <li key={l.id} className="rounded-lg p-3 ring-1 ring-neutral-200">
              <div className="flex flex-wrap items-center gap-2">
                <PhaseBadge phase={livestreamPhase(l.status, l.startsAt, now)} />
                <span className="text-sm text-neutral-700">{formatChinaDateTime(l.startsAt)}</span>
              </div>
              <p className="mt-1 font-medium">
                <IntentLink href={`/livestreams/${l.id}`} className="hover:text-brand-700">
                  {l.title}
                </IntentLink>
              </p>
              <p className="text-sm text-neutral-700">
                直播销售 <Money fen={l.salesFen} className="font-medium" />（{l.orders} 单，已扣除退款）· 推荐{' '}
                {l.productSlugs.length} 件 · {isEmbeddable(l.streamUrl) ? '页内播放' : '外链'}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                {(MOVES[l.status] ?? []).map((m) => (
                  <ButtonForm
                    key={m.to}
                    action={setLivestreamStatusAction}
                    values={{ livestreamId: String(l.id), to: m.to }}
                    label={m.label}
                    variant={m.variant}
                  />
                ))}
              </div>
            </li>
          ))}
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
          hiddenField('supplierId', String(s.id)),
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
    </Card>
  );
}
