import { useState } from 'react';
import { api } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { dateTime } from '../../../format/dates';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { TableCard } from '../../../ui/TableCard';
import { graphErrorMeaning } from './graph-errors';

interface Failures {
  jobs: Array<{ id: number; kind: string; citizen: string; attempts: number; error: string; failed_at: string }>;
  sends: Array<{ id: number; citizen: string; message_type: string; attempts: number; error_code: number | null; error: string; failed_at: string }>;
}

const PATH = '/api/operations/failures';

/** What gave up for good, for IT: look at why, fix the cause, then send or run again. */
export const FailuresPage = () => {
  const { config } = useConsole();
  const failures = useApiGet<Failures>(PATH);
  const { running, error, run } = useAction(failures.reload);
  const [retried, setRetried] = useState<string>();
  const retry = (name: string, path: string, done: string) => void run(name, () => api.post(path)).then((ok) => setRetried(ok ? done : undefined));
  const when = (iso: string) => dateTime(iso, config.city.timezone);
  if (failures.error) return <Notice tone="error">{failures.error.message}</Notice>;
  if (!failures.data) return <Loading label="Carregando as falhas…" />;
  const { jobs, sends } = failures.data;
  return (
    <div className="stack">
      <p className="settings-note">
        Aqui ficam as mensagens que a Meta recusou e as tarefas que esgotaram as tentativas. Corrija a causa antes de tentar de novo (um modelo aprovado, um token
        renovado). Cada nova tentativa fica na auditoria. As falhas de avisos em massa aparecem no relatório de cada aviso.
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {retried && <Notice tone="success">{retried}</Notice>}
      <TableCard title="Mensagens recusadas pela Meta" label="Mensagens recusadas" count={sends.length} empty="Nenhuma mensagem recusada." columns={['Quando', 'Cidadão', 'Motivo', 'Ação']}>
        {sends.map((s) => (
          <tr key={s.id}>
            <td>{when(s.failed_at)}</td>
            <td>{s.citizen}</td>
            <td>
              <strong>{s.error_code ?? '—'}</strong> {graphErrorMeaning(s.error_code)}
              <span className="table__sub">{s.error}</span>
            </td>
            <td className="table__actions">
              <Button variant="secondary" busy={running === `send:${s.id}`} onClick={() => retry(`send:${s.id}`, `/api/operations/sends/${s.id}/retry`, 'Mensagem enviada de novo. Se a Meta recusar outra vez, ela volta para esta lista.')}>
                Enviar de novo
              </Button>
            </td>
          </tr>
        ))}
      </TableCard>
      <TableCard title="Tarefas que esgotaram as tentativas" label="Tarefas paradas" count={jobs.length} empty="Nenhuma tarefa parada." columns={['Quando', 'Tarefa', 'Cidadão', 'Erro', 'Ação']}>
        {jobs.map((j) => (
          <tr key={j.id}>
            <td>{when(j.failed_at)}</td>
            <td>
              <code>{j.kind}</code>
              <span className="table__sub">{j.attempts} tentativas</span>
            </td>
            <td>{j.citizen}</td>
            <td className="table__details">{j.error}</td>
            <td className="table__actions">
              <Button variant="secondary" busy={running === `job:${j.id}`} onClick={() => retry(`job:${j.id}`, `/api/operations/jobs/${j.id}/retry`, 'Tarefa executada de novo. Se falhar outra vez, ela volta para esta lista.')}>
                Executar de novo
              </Button>
            </td>
          </tr>
        ))}
      </TableCard>
    </div>
  );
};
