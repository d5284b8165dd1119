import { useId, type ReactElement, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** What the server refused in this field: shown under it and read with it; the control is marked invalid. */
  error?: string | undefined;
  /** Renders the control with the id the label points at. */
  children: (props: { id: string; 'aria-describedby': string | undefined; 'aria-invalid'?: true }) => ReactElement;
}

/** A label above its control, with an optional hint and error read by screen readers with the control. */
export const Field = ({ label, hint, error, children }: FieldProps) => {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
};
