import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { assigneesPath, type Assignee, type RequestDetail } from './requests-api';

interface AssignmentFormProps {
  request: RequestDetail;
  busy: boolean;
  onAssign: (assigneeId: number | null) => void;
}

/** Who works on the request: coordinators choose anyone who may; an attendant takes it for themselves. */
export const AssignmentForm = ({ request, busy, onAssign }: AssignmentFormProps) => {
  const { user } = useConsole();
  const people = useApiGet<{ people: Assignee[] }>(assigneesPath(request.protocol));
  const choices = people.data?.people ?? [];
  const current = request.assignee?.id ?? null;
  const mayChooseOthers = choices.some((p) => p.id !== user.id);

  if (!mayChooseOthers) {
    const mayTake = choices.some((p) => p.id === user.id);
    if (current === user.id) return <Button variant="secondary" busy={busy} onClick={() => onAssign(null)}>Deixar de ser responsável</Button>;
    return mayTake ? (
      <Button variant="secondary" busy={busy} onClick={() => onAssign(user.id)}>
        Assumir este pedido
      </Button>
    ) : null;
  }
  return (
    <Field label="Responsável">
      {(props) => (
        <select {...props} className="input" value={current ?? ''} disabled={busy} onChange={(event) => onAssign(event.target.value ? Number(event.target.value) : null)}>
          <option value="">Ninguém</option>
          {choices.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
              {person.id === user.id ? ' (você)' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
};
