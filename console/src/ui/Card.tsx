import type { ReactNode } from 'react';

interface CardProps {
  title?: string;
  /** Right of the title: a count, a link, an action. */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}

export const Card = ({ title, aside, className, children }: CardProps) => (
  <section className={['card', className].filter(Boolean).join(' ')} aria-label={title}>
    {(title || aside) && (
      <header className="card__header">
        {title && <h2 className="card__title">{title}</h2>}
        {aside}
      </header>
    )}
    {children}
  </section>
);
