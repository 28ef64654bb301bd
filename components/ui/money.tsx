import { fenParts, formatFen, type Fen } from '@/domain/money';

/** A price in the brand colour with a small ¥, as Chinese shoppers expect. */
export function Price({
  fen,
  size = 'md',
  className = '',
}: {
  fen: Fen;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}) {
  const { yuan, cents } = fenParts(fen);
  const big = { sm: 'text-lg', md: 'text-xl', lg: 'text-3xl' }[size];
  return (
    <span className={`font-semibold text-brand-600 tabular ${className}`}>
      <span className="sr-only">{formatFen(fen)}</span>
      <span aria-hidden="true" className="text-sm">
        ¥
      </span>
      <span aria-hidden="true" className={big}>
        {yuan}
      </span>
      <span aria-hidden="true" className="text-sm">
        .{cents}
      </span>
    </span>
  );
}

/** Plain formatted money for tables and sentences. */
export function Money({ fen, className = '' }: { fen: Fen; className?: string }) {
  return <span className={`tabular ${className}`}>{formatFen(fen)}</span>;
}
