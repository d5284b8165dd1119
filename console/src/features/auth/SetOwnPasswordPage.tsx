import type { ConsoleConfig, User } from '../../api/types';
import { Button } from '../../ui/Button';
import { ChangePasswordForm } from './ChangePasswordForm';

interface SetOwnPasswordPageProps {
  config: ConsoleConfig;
  user: User;
  onDone: () => void;
  onSignOut: () => void;
}

/** After signing in with a password someone else chose, the person sets their own before anything else. */
export const SetOwnPasswordPage = ({ config, user, onDone, onSignOut }: SetOwnPasswordPageProps) => (
  <div className="sign-in">
    <main className="sign-in__panel">
      <div className="brand brand--large">
        <span className="brand__mark" aria-hidden="true" />
        <div>
          <p className="brand__city">{config.city.name}</p>
          <p className="brand__product">{config.city.channel_name} · Console de atendimento</p>
        </div>
      </div>
      <h1 className="sign-in__title">Defina a sua senha</h1>
      <p className="sign-in__lead">
        Olá, {user.name.split(' ')[0]}. Você entrou com uma senha provisória, que outra pessoa conhece. Escolha agora uma senha só sua para continuar.
      </p>
      <ChangePasswordForm currentLabel="Senha provisória" onChanged={onDone} />
      <Button variant="ghost" onClick={onSignOut}>
        Sair
      </Button>
    </main>
  </div>
);
