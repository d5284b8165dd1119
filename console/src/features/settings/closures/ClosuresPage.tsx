import { useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { isCoordinator } from '../../auth/roles';
import { Card } from '../../../ui/Card';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { AddClosureForm } from './AddClosureForm';
import { CLOSURES_PATH, type Closure } from './closures-api';
import { ClosuresList } from './ClosuresList';

/** Days human attendance is closed beyond the holiday table (recesso, a decree). */
export const ClosuresPage = () => {
  const { user } = useConsole();
  const closures = useApiGet<{ closures: Closure[] }>(CLOSURES_PATH);
  const manages = isCoordinator(user);
  return (
    <div className="settings-layout">
      <Card title="Fechamentos do atendimento">
        <p className="card__lead">
          Dias em que o atendimento humano não funciona, além dos feriados já cadastrados. Nesses dias o robô avisa quando o atendimento volta,
          e os prazos dos pedidos não contam.
        </p>
        {closures.error && <Notice tone="error">{closures.error.message}</Notice>}
        {closures.data ? <ClosuresList closures={closures.data.closures} canRemove={manages} onChanged={closures.reload} /> : !closures.error && <Loading />}
      </Card>
      {manages ? (
        <Card title="Novo fechamento">
          <AddClosureForm onAdded={closures.reload} />
        </Card>
      ) : (
        <Notice tone="info">Só a coordenação e a administração incluem ou removem fechamentos.</Notice>
      )}
    </div>
  );
};
