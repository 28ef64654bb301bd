import { IntentLink } from '../layout/intent-link';
import { formatBps, progressBps } from '@/domain/money';
import { Money } from '../ui/money';
import { TargetProgressBar } from '../ui/target-progress';

/** Progress toward the programme target, from the real counted ledger (0 until paid orders exist). */
export function TargetTeaser({ countedFen, targetFen }: { countedFen: bigint; targetFen: bigint }) {
  const bps = progressBps(countedFen, targetFen);
  return (
    <section aria-labelledby="target-heading" className="rounded-2xl bg-white p-5 ring-1 ring-neutral-200">
      <h2 id="target-heading" className="text-lg font-semibold">
        消费帮扶目标进度
      </h2>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-2">
        <Money fen={countedFen} className="text-3xl font-bold text-brand-700" />
        <span className="text-neutral-700">
          / 目标 <Money fen={targetFen} />
        </span>
      </p>
      <TargetProgressBar bps={bps} />
      <p className="mt-2 text-sm text-neutral-700">
        已完成 <span className="font-semibold tabular">{formatBps(bps)}</span>
        。只计入已付款、且销售时处于认定有效期内的认定产品，扣除退款。
      </p>
      <IntentLink
        href="/products?certified=1"
        className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
      >
        选购认定商品，助力目标
      </IntentLink>
    </section>
  );
}
