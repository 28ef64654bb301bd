import { IntentLink } from '@/components/layout/intent-link';
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';

const VARIANTS = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'bg-white text-neutral-900 ring-1 ring-neutral-300 hover:bg-neutral-50',
  danger: 'bg-white text-brand-700 ring-1 ring-brand-600 hover:bg-brand-50',
} as const;
const SIZES = { md: 'px-5', sm: 'px-4 text-sm' } as const;

export type ButtonVariant = keyof typeof VARIANTS;
type Look = { variant?: ButtonVariant; size?: keyof typeof SIZES };

/** The button look (44 px tall), for the rare element that is neither <Button> nor <ButtonLink>. */
export function buttonClass({ variant = 'primary', size = 'md' }: Look = {}): string {
  return `inline-flex min-h-11 items-center justify-center rounded-lg font-medium disabled:opacity-60 ${VARIANTS[variant]} ${SIZES[size]}`;
}

export function Button({
  variant,
  size,
  className = '',
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & Look) {
  return <button type={type} {...rest} className={`${buttonClass({ variant, size })} ${className}`} />;
}

/**
 * A link that looks like a button. `download` links (exports, files served by route handlers) are plain
 * anchors, so the browser fetches them instead of the client router.
 */
export function ButtonLink({
  href,
  variant,
  size,
  className = '',
  download = false,
  children,
  ...rest
}: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'download'> &
  Look & { href: string; download?: boolean; children: ReactNode }) {
  const cls = `${buttonClass({ variant, size })} ${className}`;
  return download ? (
    <a href={href} {...rest} className={cls}>
      {children}
    </a>
  ) : (
    <IntentLink href={href} {...rest} className={cls}>
      {children}
    </IntentLink>
  );
}
