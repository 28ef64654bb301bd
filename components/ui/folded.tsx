import type { ReactNode } from 'react';

/** A form or detail folded behind a link-like summary (取消订单…, 退款…, 邀请管理员…). */
export function Folded({
  summary,
  className = 'mt-1',
  children,
}: {
  summary: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <details className={className}>
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
        {summary}
      </summary>
      {children}
    </details>
  );
}
