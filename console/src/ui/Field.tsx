import { useId, type ReactElement, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** Renders the control with the id the label points at. */
  children: (props: { id: string; 'aria-describedby': string | undefined }) => ReactElement;
}

/** A label above its control, with an optional hint read by screen readers with the control. */
export const Field = ({ label, hint, children }: FieldProps) => {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': hintId })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
};
