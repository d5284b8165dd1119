import type { ReactNode } from 'react';

export const EmptyState = ({ children }: { children: ReactNode }) => <p className="empty-state">{children}</p>;
