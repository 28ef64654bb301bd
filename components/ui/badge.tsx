import { BADGE_LABELS, type BadgeState } from '@/domain/certification';
import { IntentLink } from '../layout/intent-link';

/**
 * The 消费扶贫认定 badge. It links to the public certificate check when there is a certificate, prefetched on
 * intent: on sight, a listing fetched the certificate page of every card in view.
 */
export function CertBadge({
  state,
  certificateNo,
  size = 'sm',
}: {
  state: BadgeState;
  certificateNo?: string | null;
  size?: 'sm' | 'md';
}) {
  if (state === 'none') return null;
  const pad = size === 'md' ? 'px-2.5 py-1 text-sm' : 'px-1.5 py-0.5 text-xs';
  const tone = {
    certified: 'bg-cert-50 text-cert-800 ring-cert-700/30',
    expired: 'bg-neutral-100 text-neutral-700 ring-neutral-400/40',
    pending: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  }[state];
  const body = (
    <span className={`inline-flex items-center gap-1 rounded-md font-medium ring-1 ring-inset ${pad} ${tone}`}>
      {state === 'certified' ? (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-current">
          <path
            d="M8 0l2 1.6 2.6-.2.7 2.5 2.2 1.4-.9 2.4.9 2.4-2.2 1.4-.7 2.5-2.6-.2L8 16l-2-1.6-2.6.2-.7-2.5L.5 10.7l.9-2.4-.9-2.4 2.2-1.4.7-2.5L6 1.6z M6.8 10.9l5-5-1-1-4 4-1.9-1.9-1 1z"
            fillRule="evenodd"
          />
        </svg>
      ) : null}
      {BADGE_LABELS[state]}
    </span>
  );
  if (!certificateNo || state === 'pending') return body;
  return (
    <IntentLink
      href={`/verify/${encodeURIComponent(certificateNo)}`}
      className="inline-flex min-h-6 items-center"
      title={`查询认定证书 ${certificateNo}`}
    >
      {body}
    </IntentLink>
  );
}
