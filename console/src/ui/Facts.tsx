import type { ReactNode } from 'react';

/** A list of labelled facts (term above, value below). */
export const Facts = ({ children }: { children: ReactNode }) => <dl className="facts">{children}</dl>;

export const Fact = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="facts__row">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);
