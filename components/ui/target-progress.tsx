import { formatBps } from '@/domain/money';

/** The bar of counted sales against the target, shared by the home teaser and /impact. */
export function TargetProgressBar({ bps, className = 'h-3' }: { bps: number; className?: string }) {
  return (
    <div
      role="progressbar"
      aria-label="已计入目标的销售额占目标的比例"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(100, Math.floor(bps / 100))}
      aria-valuetext={formatBps(bps)}
      className={`mt-3 overflow-hidden rounded-full bg-brand-100 ${className}`}
    >
      <div className="h-full rounded-full bg-brand-600" style={{ width: `${Math.min(100, bps / 100)}%` }} />
    </div>
  );
}
