import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

export interface Choice {
  value: string;
  label: string;
}

interface PickFormProps {
  /** The form's accessible name, e.g. "Transferir atendimento". */
  name: string;
  fieldLabel: string;
  submitLabel: string;
  choices: Choice[];
  /** Why the choices could not be loaded, if they could not. */
  error: string | undefined;
  /** Said instead of an empty list. */
  emptyText: string;
  busy: boolean;
  onPick: (value: string) => void;
  onCancel: () => void;
}

/** Choose one of a few options and confirm: where to transfer a conversation, whom to hand it to. */
export const PickForm = ({ name, fieldLabel, submitLabel, choices, error, emptyText, busy, onPick, onCancel }: PickFormProps) => {
  const [chosen, setChosen] = useState('');
  const value = chosen || choices[0]?.value || '';

  return (
    <form
      className="transfer"
      aria-label={name}
      onSubmit={(event) => {
        event.preventDefault();
        if (value) onPick(value);
      }}
    >
      {error && <p className="transfer__error">{error}</p>}
      {!error && choices.length === 0 ? (
        <p className="transfer__empty">{emptyText}</p>
      ) : (
        <Field label={fieldLabel}>
          {(props) => (
            <select {...props} className="input" value={value} disabled={choices.length === 0} onChange={(e) => setChosen(e.target.value)}>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="transfer__actions">
        <Button type="submit" busy={busy} disabled={!value}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancelar
        </Button>
      </div>
    </form>
  );
};
