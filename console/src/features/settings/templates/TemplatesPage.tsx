import { useState } from 'react';
import { api } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { Pill, type PillTone } from '../../../ui/Pill';
import type { ApprovedTemplate } from '../../broadcasts/broadcasts-api';
import { TemplatePreview } from '../../broadcasts/TemplatePreview';
import { AddTemplateForm } from './AddTemplateForm';

const STATUS_LABELS: Record<string, string> = {
  APPROVED: 'Aprovado',
  PENDING: 'Em análise',
  REJECTED: 'Rejeitado',
  PAUSED: 'Pausado',
  DISABLED: 'Desativado',
  IN_APPEAL: 'Em recurso',
  PENDING_DELETION: 'Sendo apagado',
  DELETED: 'Apagado',
  LIMIT_EXCEEDED: 'Limite excedido',
  ARCHIVED: 'Arquivado',
};
const STATUS_TONES: Record<string, PillTone> = { APPROVED: 'success', PENDING: 'warning', IN_APPEAL: 'warning', PAUSED: 'warning', REJECTED: 'danger', DISABLED: 'danger' };
const CATEGORY_LABELS: Record<string, string> = { UTILITY: 'Utilidade', MARKETING: 'Marketing', AUTHENTICATION: 'Autenticação' };

interface TemplatesAnswer {
  templates: Array<ApprovedTemplate & { source: 'graph' | 'manual'; missing_since: string | null; status_reason: string | null }>;
  sync_available: boolean;
}

/** The WhatsApp templates the city may send outside a conversation: synced from Meta, or entered by hand. */
export const TemplatesPage = () => {
  const { user } = useConsole();
  const templates = useApiGet<TemplatesAnswer>('/api/templates');
  const { running, error, run } = useAction(templates.reload);
  const [synced, setSynced] = useState<string>();
  const [shown, setShown] = useState<number>();
  const manages = user.role === 'admin' || user.role === 'coordinator';
  if (templates.error) return <Notice tone="error">{templates.error.message}</Notice>;
  if (!templates.data) return <Loading label="Carregando os modelos…" />;
  const list = templates.data.templates;
  const preview = list.find((t) => t.id === shown) ?? list.find((t) => t.status === 'APPROVED') ?? list[0];

  const sync = () =>
    void run('sync', async () => {
      const answer = await api.post<{ total: number; created: number; updated: number; missing: number }>('/api/templates/sync');
      setSynced(`Sincronizado com a Meta: ${answer.total} modelos (${answer.created} novos, ${answer.updated} atualizados, ${answer.missing} não encontrados).`);
    });

  return (
    <div className="stack">
      <p className="settings-note">
        Fora de uma conversa aberta nas últimas 24 horas, o WhatsApp só entrega modelos aprovados pela Meta: avisos de protocolo, retomada de atendimento e os
        avisos em massa usam estes modelos.
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {synced && <Notice tone="success">{synced}</Notice>}
      <div className="templates-layout">
        <Card
          title="Modelos de mensagem"
          aside={templates.data.sync_available && manages ? <Button variant="secondary" busy={running === 'sync'} onClick={sync}>Sincronizar com a Meta</Button> : undefined}
        >
          {list.length === 0 ? (
            <EmptyState>Nenhum modelo ainda.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label="Modelos de mensagem">
                <thead>
                  <tr>
                    <th scope="col">Nome</th>
                    <th scope="col">Categoria</th>
                    <th scope="col">Situação</th>
                    <th scope="col" className="table__number">Parâmetros</th>
                    {manages && <th scope="col">Ações</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.map((t) => (
                    <tr key={t.id} className={t.id === preview?.id ? 'table__row--current' : undefined}>
                      <td>
                        <button type="button" className="link-button" onClick={() => setShown(t.id)}>
                          {t.name}
                        </button>
                        <span className="table__sub">
                          {t.language} · {t.source === 'graph' ? 'da Meta' : 'cadastrado à mão'}
                          {t.missing_since ? ' · não encontrado na última sincronização' : ''}
                        </span>
                      </td>
                      <td>{CATEGORY_LABELS[t.category] ?? t.category}</td>
                      <td>
                        <Pill tone={STATUS_TONES[t.status] ?? 'neutral'}>{STATUS_LABELS[t.status] ?? t.status}</Pill>
                        {t.status_reason && <span className="table__sub">{t.status_reason}</span>}
                      </td>
                      <td className="table__number">{t.parameter_count}</td>
                      {manages && (
                        <td className="table__actions">
                          {t.source === 'manual' && (
                            <Button variant="ghost" busy={running === `remove:${t.id}`} onClick={() => void run(`remove:${t.id}`, () => api.delete(`/api/templates/${t.id}`))}>
                              Remover
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
        </Card>
        <div className="stack">
          {preview && <TemplatePreview template={preview} parameters={preview.parameter_names.map((name) => `[${name}]`)} />}
          {manages && (
            <Card title="Cadastrar à mão">
              <AddTemplateForm onAdded={templates.reload} />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
};
