import { useDepartments } from '../../api/departments';
import { PickForm } from './PickForm';

interface TransferFormProps {
  currentDepartment: string | null;
  busy: boolean;
  onTransfer: (department: string) => void;
  onCancel: () => void;
}

/** Choose the department whose queue receives the citizen; the citizen is told by the server. */
export const TransferForm = ({ currentDepartment, busy, onTransfer, onCancel }: TransferFormProps) => {
  const { departments, error, loaded } = useDepartments();
  const choices = departments.filter((d) => d.id !== currentDepartment).map((d) => ({ value: d.id, label: d.short_name }));
  return (
    <PickForm
      name="Transferir atendimento"
      fieldLabel="Transferir para"
      submitLabel="Transferir"
      choices={choices}
      error={error?.message}
      emptyText={loaded ? 'Não há outra secretaria para onde transferir.' : 'Carregando as secretarias…'}
      busy={busy}
      onPick={onTransfer}
      onCancel={onCancel}
    />
  );
};
