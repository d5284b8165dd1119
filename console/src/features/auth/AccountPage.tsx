import { useState } from 'react';
import { useDepartments } from '../../api/departments';
import { useConsole } from '../../app/console-context';
import { Card } from '../../ui/Card';
import { Fact, Facts } from '../../ui/Facts';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ROLE_LABELS } from './roles';
import { TwoStepCard } from './two-step/TwoStepCard';

/** The signed-in person's own account: who they are in the console, their password and two-step verification. */
export const AccountPage = () => {
  const { user } = useConsole();
  const { shortName } = useDepartments();
  const [changed, setChanged] = useState(0);
  return (
    <>
      <PageHeader title="Minha conta" />
      <div className="settings-layout">
        <Card title="Trocar senha">
          {changed > 0 && <Notice tone="success">Senha trocada. Se você estava conectado em outro aparelho, entre de novo por lá.</Notice>}
          <ChangePasswordForm key={changed} currentLabel="Senha atual" onChanged={() => setChanged((n) => n + 1)} />
        </Card>
        <TwoStepCard />
        <Card title="Seus dados">
          <Facts>
            <Fact term="Nome">{user.name}</Fact>
            <Fact term="E-mail">{user.email}</Fact>
            <Fact term="Perfil">{ROLE_LABELS[user.role]}</Fact>
            <Fact term="Secretaria">{user.department_id ? shortName(user.department_id) : 'Todas'}</Fact>
          </Facts>
          <p className="card__lead">Nome, perfil e secretaria são alterados pela administração em Configurações → Usuários.</p>
        </Card>
      </div>
    </>
  );
};
