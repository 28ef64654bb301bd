import { IntentLink } from '@/components/layout/intent-link';
import type { LivestreamRow } from '@/db/queries/livestreams';
import { LIVESTREAM_PHASE_LABELS } from '@/domain/labels';
import type { LivestreamPhase } from '@/domain/livestream';
import { formatChinaDateTime } from '@/domain/time';
import { Card } from '../ui/card';

const tone: Record<LivestreamPhase, string> = {
  live: 'bg-brand-600 text-white',
  upcoming: 'bg-amber-50 text-amber-900 ring-1 ring-amber-600/30',
  past: 'bg-neutral-100 text-neutral-700',
  cancelled: 'bg-neutral-100 text-neutral-700',
};

export function PhaseBadge({ phase }: { phase: LivestreamPhase }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium ${tone[phase]}`}>
      {phase === 'live' ? <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-white" /> : null}
      {LIVESTREAM_PHASE_LABELS[phase]}
    </span>
  );
}

export function LivestreamCard({ l, phase }: { l: LivestreamRow; phase: LivestreamPhase }) {
  return (
    <Card as="li" padding="md">
      <div className="flex flex-wrap items-center gap-2">
        <PhaseBadge phase={phase} />
        <span className="text-sm text-neutral-700">{formatChinaDateTime(l.startsAt)}</span>
      </div>
      <h3 className="mt-1 font-semibold">
        <IntentLink href={`/livestreams/${l.id}`} className="hover:text-brand-700">
          {l.title}
        </IntentLink>
      </h3>
      <p className="text-sm text-neutral-700">
        {l.supplierName} · 推荐 {l.productSlugs.length} 件商品
      </p>
    </Card>
  );
}
