import { useState } from 'react';
import { asApiError } from '../../../api/use-api-get';
import { dayRange } from '../../../format/dates';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Notice } from '../../../ui/Notice';
import { removeClosure, type Closure } from './closures-api';

interface ClosuresListProps {
  closures: Closure[];
  canRemove: boolean;
  onChanged: () => void;
}

export const ClosuresList = ({ closures, canRemove, onChanged }: ClosuresListProps) => {
  const [confirming, setConfirming] = useState<number>();
  const [removing, setRemoving] = useState<number>();
  const [error, setError] = useState<string>();

  const remove = async (id: number) => {
    setRemoving(id);
    setError(undefined);
    try {
      await removeClosure(id);
      setConfirming(undefined);
      onChanged();
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setRemoving(undefined);
    }
  };

  if (closures.length === 0) return <EmptyState>Nenhum fechamento programado.</EmptyState>;
  return (
    <>
      {error && <Notice tone="error">{error}</Notice>}
      <ul className="closures">
        {closures.map((closure) => (
          <li key={closure.id} className="closures__item">
            <div>
              <p className="closures__days">{dayRange(closure.first_day, closure.last_day)}</p>
              <p className="closures__reason">{closure.reason}</p>
            </div>
            {canRemove &&
              (confirming === closure.id ? (
                <div className="closures__confirm" role="group" aria-label="Confirmar remoção">
                  <span>Remover este fechamento?</span>
                  <Button variant="danger" busy={removing === closure.id} onClick={() => void remove(closure.id)}>
                    Sim, remover
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(undefined)}>
                    Cancelar
                  </Button>
                </div>
              ) : (
                <Button variant="secondary" aria-label={`Remover o fechamento de ${dayRange(closure.first_day, closure.last_day)}`} onClick={() => setConfirming(closure.id)}>
                  Remover
                </Button>
              ))}
          </li>
        ))}
      </ul>
    </>
  );
};
