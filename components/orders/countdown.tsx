'use client';

import { useEffect, useState } from 'react';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 剩余支付时间 to an order's expiry, counting down each second. The server renders the deadline as text
 * (`fallback`), so the page reads the same without script; the countdown replaces it once mounted.
 */
export function Countdown({ deadline, fallback }: { deadline: string; fallback: string }) {
  const end = Date.parse(deadline);
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setLeft(Math.max(0, end - Date.now()));
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [end]);
  if (left === null) return <span>{fallback}</span>;
  if (left === 0) return <span>支付时间已到，订单即将关闭</span>;
  const s = Math.floor(left / 1000);
  const text = `${s >= 3600 ? `${Math.floor(s / 3600)}:` : ''}${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return (
    <span>
      剩余支付时间{' '}
      <time role="timer" aria-live="off" dateTime={deadline} className="font-semibold tabular">
        {text}
      </time>
      ，逾期订单自动关闭
    </span>
  );
}
