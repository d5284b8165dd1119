import { Field } from '../../ui/Field';
import { PRIORITY_LABELS, type Priority } from './requests-api';

/** How urgent the request is (coordinators and admins). */
export const PriorityForm = ({ priority, busy, onChange }: { priority: Priority; busy: boolean; onChange: (priority: Priority) => void }) => (
  <Field label="Prioridade">
    {(props) => (
      <select {...props} className="input" value={priority} disabled={busy} onChange={(event) => onChange(event.target.value as Priority)}>
        {(Object.keys(PRIORITY_LABELS) as Priority[]).map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </select>
    )}
  </Field>
);
