import { formatBps } from '@/domain/money';

/** A progress bar in basis points: counted sales against the target (home teaser, /impact), a unit's pledge. */
export function TargetProgressBar({
  bps,
  label = '已计入目标的销售额占目标的比例',
  className = 'h-3',
}: {
  bps: number;
  label?: string;
  className?: string;
}) {
  return (
    <div
      role="progressbar"
      aria-label={label}
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
