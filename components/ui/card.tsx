import type { HTMLAttributes, ReactNode } from 'react';

const PADDING = { none: '', sm: 'p-3', md: 'p-4', lg: 'p-5' } as const;

/** The white card every portal and page uses: `rounded-xl bg-white ring-1 ring-neutral-200`. */
export const cardClass = 'rounded-xl bg-white ring-1 ring-neutral-200';

type CardProps = Omit<HTMLAttributes<HTMLElement>, 'title'> & {
  as?: 'div' | 'section' | 'li' | 'article' | 'aside';
  padding?: keyof typeof PADDING;
  /** A titled card is a section labelled by its heading (`id` names the heading). */
  title?: ReactNode;
  titleId?: string;
  headingLevel?: 2 | 3;
  children?: ReactNode;
};

export function Card({
  as,
  padding = 'lg',
  title,
  titleId,
  headingLevel = 2,
  className = '',
  children,
  ...rest
}: CardProps) {
  const Tag = as ?? (title ? 'section' : 'div');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Tag
      aria-labelledby={title && titleId ? titleId : undefined}
      {...rest}
      className={`${cardClass} ${PADDING[padding]} ${className}`}
    >
      {title ? (
        <Heading id={titleId} className={headingLevel === 2 ? 'text-lg font-semibold' : 'font-medium'}>
          {title}
        </Heading>
      ) : null}
      {children}
    </Tag>
  );
}
