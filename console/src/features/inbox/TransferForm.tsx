import { useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { DEPARTMENTS_PATH, type Department } from './inbox-api';

interface TransferFormProps {
  currentDepartment: string | null;
  busy: boolean;
  onTransfer: (department: string) => void;
  onCancel: () => void;
}

/** Choose the department whose queue receives the citizen; the citizen is told by the server. */
export const TransferForm = ({ currentDepartment, busy, onTransfer, onCancel }: TransferFormProps) => {
  const departments = useApiGet<{ departments: Department[] }>(DEPARTMENTS_PATH);
  const choices = (departments.data?.departments ?? []).filter((d) => d.id !== currentDepartment);
  const [chosen, setChosen] = useState('');
  const department = chosen || choices[0]?.id || '';

  return (
    <form
      className="transfer"
      aria-label="Transferir atendimento"
      onSubmit={(event) => {
        event.preventDefault();
        if (department) onTransfer(department);
      }}
    >
      {departments.error && <p className="transfer__error">{departments.error.message}</p>}
      <Field label="Transferir para">
        {(props) => (
          <select {...props} className="input" value={department} disabled={choices.length === 0} onChange={(e) => setChosen(e.target.value)}>
            {choices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.short_name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="transfer__actions">
        <Button type="submit" busy={busy} disabled={!department}>
          Transferir
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancelar
        </Button>
      </div>
    </form>
  );
};
