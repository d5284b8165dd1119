import { useState } from 'react';
import { Button } from '../../ui/Button';
import type { InboxItem } from './inbox-api';
import { formatPhone } from './phone';
import { AssignForm } from './AssignForm';
import { TransferForm } from './TransferForm';

interface ConversationHeaderProps {
  item: InboxItem;
  departmentName: string;
  holder: string;
  mine: boolean;
  running: string | undefined;
  onTake: () => void;
  onTransfer: (department: string) => Promise<boolean>;
  /** Coordinators only: hand the conversation to a colleague. */
  onAssign: ((userId: number) => Promise<boolean>) | undefined;
  onClose: () => void;
}

/** Who the citizen is, where the conversation stands, and what can be done with it. */
export const ConversationHeader = ({ item, departmentName, holder, mine, running, onTake, onTransfer, onAssign, onClose }: ConversationHeaderProps) => {
  const [panel, setPanel] = useState<'transfer' | 'assign' | 'close' | null>(null);
  const name = item.citizen_name ?? 'Cidadão sem nome';

  return (
    <header className="conversation__header">
      <div className="conversation__who">
        <h2 className="conversation__name">{name}</h2>
        <p className="conversation__facts">
          {item.phone && <span>{formatPhone(item.phone)}</span>}
          <span>{departmentName}</span>
          <span>{item.status === 'waiting' ? 'Aguardando atendimento' : holder}</span>
          {item.urgent && <span className="badge badge--urgent">urgente</span>}
        </p>
      </div>
      <div className="conversation__actions">
        {!mine && (
          <Button busy={running === 'take'} onClick={onTake}>
            Assumir
          </Button>
        )}
        {onAssign && (
          <Button variant="secondary" aria-expanded={panel === 'assign'} onClick={() => setPanel(panel === 'assign' ? null : 'assign')}>
            Passar para…
          </Button>
        )}
        <Button variant="secondary" aria-expanded={panel === 'transfer'} onClick={() => setPanel(panel === 'transfer' ? null : 'transfer')}>
          Transferir
        </Button>
        <Button variant="secondary" aria-expanded={panel === 'close'} onClick={() => setPanel(panel === 'close' ? null : 'close')}>
          Encerrar
        </Button>
      </div>
      {panel === 'transfer' && (
        <TransferForm
          currentDepartment={item.department_id}
          busy={running === 'transfer'}
          onCancel={() => setPanel(null)}
          onTransfer={(department) => void onTransfer(department).then((done) => done && setPanel(null))}
        />
      )}
      {panel === 'assign' && onAssign && (
        <AssignForm
          conversationId={item.id}
          holderId={item.status === 'taken' ? item.taken_by : null}
          busy={running === 'assign'}
          onCancel={() => setPanel(null)}
          onAssign={(userId) => void onAssign(userId).then((done) => done && setPanel(null))}
        />
      )}
      {panel === 'close' && (
        <div className="confirm" role="region" aria-label="Encerrar atendimento">
          <p>Encerrar o atendimento? O cidadão recebe uma mensagem de despedida e volta a falar com o bot.</p>
          <div className="confirm__actions">
            <Button variant="danger" busy={running === 'close'} onClick={onClose}>
              Sim, encerrar
            </Button>
            <Button variant="ghost" onClick={() => setPanel(null)}>
              Cancelar
            </Button>
          </div>
        </div>
      )}
    </header>
  );
};
