import type { ReactNode } from 'react';

const TONES = {
  info: 'bg-neutral-50 text-neutral-800 ring-neutral-300',
  success: 'bg-cert-50 text-cert-800 ring-cert-700/30',
  warning: 'bg-amber-50 text-amber-950 ring-amber-300',
  error: 'bg-brand-50 text-brand-800 ring-brand-600/30',
} as const;

/**
 * A short message in a tinted box. Errors are alerts, the rest status messages; `quiet` drops the
 * live role for a notice that is part of the page from the start and needs no announcing.
 */
export function Notice({
  tone = 'info',
  quiet = false,
  className = '',
  children,
}: {
  tone?: keyof typeof TONES;
  quiet?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const role = quiet ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div role={role} className={`rounded-lg p-3 text-sm ring-1 ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
