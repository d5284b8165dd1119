import { DepartmentOptions } from '../../../ui/DepartmentOptions';
import { useState } from 'react';
import { useDepartments } from '../../../api/departments';
import type { Role } from '../../../api/types';
import { asApiError, useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { dateTime } from '../../../format/dates';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { ROLE_LABELS } from '../../auth/roles';
import { AddUserForm } from './AddUserForm';
import { OneTimeSecret } from './OneTimeSecret';
import { USERS_PATH, usersApi, type StaffUser } from './users-api';

const resetTwoStepQuestion = (name: string) =>
  `Desativar a verificação em duas etapas de ${name}? Use quando a pessoa perdeu o celular. Ela sai de todos os aparelhos e entra só com a senha, até ativar de novo em Minha conta.`;

/** Who uses the console; admins add people, change their role and department, disable them, reset passwords and two-step verification. */
export const UsersPage = () => {
  const { config, user: me } = useConsole();
  const { departments, shortName } = useDepartments();
  const users = useApiGet<{ users: StaffUser[] }>(USERS_PATH);
  const [secret, setSecret] = useState<{ label: string; value: string }>();
  const [error, setError] = useState<string>();
  const manages = me.role === 'admin';

  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setError(undefined);
    try {
      await action();
      users.reload();
    } catch (failure) {
      setError(asApiError(failure).message);
    }
  };

  return (
    <div className="stack">
      {manages && (
        <Card title="Novo usuário">
          <AddUserForm
            onAdded={(added, password) => {
              users.reload();
              if (password) setSecret({ label: `Senha provisória de ${added.name}.`, value: password });
            }}
          />
        </Card>
      )}
      {secret && <OneTimeSecret label={secret.label} secret={secret.value} onDone={() => setSecret(undefined)} />}
      {error && <Notice tone="error">{error}</Notice>}
      {users.error && <Notice tone="error">{users.error.message}</Notice>}
      {!users.data ? (
        !users.error && <Loading label="Carregando os usuários…" />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Usuários">
            <thead>
              <tr>
                <th scope="col">Nome</th>
                <th scope="col">Perfil</th>
                <th scope="col">Secretaria</th>
                <th scope="col">Último acesso</th>
                {manages && <th scope="col">Ações</th>}
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => (
                <tr key={u.id} className={u.disabled ? 'table__row--disabled' : undefined}>
                  <td>
                    <strong>{u.name}</strong>
                    <span className="table__sub">{u.email}</span>
                    {u.disabled && <span className="badge">desativado</span>}
                    {u.two_step && <span className="badge">duas etapas</span>}
                  </td>
                  <td>
                    {manages && u.id !== me.id ? (
                      <select className="input input--compact" aria-label={`Perfil de ${u.name}`} value={u.role} onChange={(e) => void act(() => usersApi.change(u.id, { role: e.target.value as Role }))}>
                        {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
                          <option key={role} value={role}>
                            {ROLE_LABELS[role]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      ROLE_LABELS[u.role]
                    )}
                  </td>
                  <td>
                    {manages ? (
                      <select className="input input--compact" aria-label={`Secretaria de ${u.name}`} value={u.department_id ?? ''} onChange={(e) => void act(() => usersApi.change(u.id, { department_id: e.target.value || null }))}>
                        <DepartmentOptions departments={departments} />
                      </select>
                    ) : u.department_id ? (
                      shortName(u.department_id)
                    ) : (
                      'Todas'
                    )}
                  </td>
                  <td>{u.last_sign_in_at ? dateTime(u.last_sign_in_at, config.city.timezone) : '—'}</td>
                  {manages && (
                    <td className="table__actions">
                      {u.id !== me.id && (
                        <Button variant="ghost" onClick={() => void act(() => usersApi.change(u.id, { disabled: !u.disabled }))}>
                          {u.disabled ? 'Reativar' : 'Desativar'}
                        </Button>
                      )}
                      <Button
                        variant="ghost"
                        onClick={() => void act(async () => setSecret({ label: `Nova senha provisória de ${u.name}.`, value: (await usersApi.resetPassword(u.id)).password }))}
                      >
                        Nova senha
                      </Button>
                      {u.two_step && (
                        <Button variant="ghost" onClick={() => void act(async () => (window.confirm(resetTwoStepQuestion(u.name)) ? usersApi.resetTwoStep(u.id) : undefined))}>
                          Desativar duas etapas
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
};
