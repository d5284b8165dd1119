import { useApiGet } from '../../api/use-api-get';
import { assigneesPath, type Assignee } from './inbox-api';
import { PickForm } from './PickForm';

interface AssignFormProps {
  conversationId: number;
  /** Who holds it now (left out of the choices). */
  holderId: number | null;
  busy: boolean;
  onAssign: (userId: number) => void;
  onCancel: () => void;
}

/** Coordinators hand a conversation to a colleague who attends its queue. */
export const AssignForm = ({ conversationId, holderId, busy, onAssign, onCancel }: AssignFormProps) => {
  const people = useApiGet<{ people: Assignee[] }>(assigneesPath(conversationId));
  const choices = (people.data?.people ?? []).filter((p) => p.id !== holderId).map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <PickForm
      name="Passar atendimento"
      fieldLabel="Passar para"
      submitLabel="Passar"
      choices={choices}
      error={people.error?.message}
      emptyText={people.data ? 'Ninguém mais atende esta fila.' : 'Carregando a equipe…'}
      busy={busy}
      onPick={(value) => onAssign(Number(value))}
      onCancel={onCancel}
    />
  );
};
