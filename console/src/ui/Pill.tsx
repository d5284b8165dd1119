import type { ReactNode } from 'react';

export type PillTone = 'neutral' | 'info' | 'warning' | 'success' | 'danger';

/** A short state in a coloured pill ("Enviando", "Aprovado"). */
export const Pill = ({ tone, children }: { tone: PillTone; children: ReactNode }) => <span className={`pill pill--${tone}`}>{children}</span>;
