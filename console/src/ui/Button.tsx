import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** Shows the button as working and keeps it from being pressed twice. */
  busy?: boolean;
};

export const Button = ({ variant = 'primary', busy = false, disabled, className, children, type = 'button', ...rest }: ButtonProps) => (
  <button
    {...rest}
    type={type}
    className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
    disabled={disabled || busy}
    aria-busy={busy || undefined}
  >
    {busy && <span className="spinner spinner--small" aria-hidden="true" />}
    {children}
  </button>
);
