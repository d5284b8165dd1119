import { useState, type FormEvent } from 'react';
import { useDepartments } from '../../../api/departments';
import type { Role } from '../../../api/types';
import { asApiError } from '../../../api/use-api-get';
import { Button } from '../../../ui/Button';
import { DepartmentOptions } from '../../../ui/DepartmentOptions';
import { Field } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { ROLE_LABELS } from '../../auth/roles';
import { usersApi, type StaffUser } from './users-api';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Adds a user; the server makes up the first password, shown once by the caller. */
export const AddUserForm = ({ onAdded }: { onAdded: (user: StaffUser, password: string | null) => void }) => {
  const { departments } = useDepartments();
  const [form, setForm] = useState({ name: '', email: '', role: 'attendant' as Role, department: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const added = await usersApi.add({ name: form.name, email: form.email, role: form.role, ...(form.department ? { department_id: form.department } : {}) });
      setForm({ name: '', email: '', role: form.role, department: form.department });
      onAdded(added.user, added.password);
    } catch (failure) {
      setError(asApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" aria-label="Novo usuário" onSubmit={(event) => void submit(event)}>
      <div className="form-row">
        <Field label="Nome">{(props) => <input {...props} className="input" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
        <Field label="E-mail">{(props) => <input {...props} className="input" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
        <Field label="Perfil">
          {(props) => (
            <select {...props} className="input" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Secretaria" hint="Sem secretaria: vê todas.">
          {(props) => (
            <select {...props} className="input" value={form.department} onChange={(e) => setForm({ ...form, department: e.target.value })}>
              <DepartmentOptions departments={departments} />
            </select>
          )}
        </Field>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      <div>
        <Button type="submit" busy={busy} disabled={!form.name.trim() || !form.email.trim()}>
          Adicionar usuário
        </Button>
      </div>
    </form>
  );
};
