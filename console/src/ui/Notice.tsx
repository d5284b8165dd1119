import type { ReactNode } from 'react';

type Tone = 'error' | 'info' | 'success';

/** A message in the flow of the page; errors are announced to screen readers at once. */
export const Notice = ({ tone, children }: { tone: Tone; children: ReactNode }) => (
  <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
    {children}
  </div>
);
