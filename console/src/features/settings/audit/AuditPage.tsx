import { useState } from 'react';
import { useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { dateTime } from '../../../format/dates';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { Options } from '../../../ui/Options';

interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number; name: string | null } | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Record<string, unknown>;
}

const ACTIONS: Record<string, string> = {
  'citizen.exported': 'Exportou os dados de um cidadão',
  'citizen.viewed': 'Abriu a ficha de um cidadão',
  'citizen.anonymised': 'Anonimizou um cidadão',
  'user.created': 'Adicionou um usuário',
  'user.updated': 'Alterou um usuário',
  'user.disabled': 'Desativou um usuário',
  'user.enabled': 'Reativou um usuário',
  'user.password_reset': 'Gerou nova senha para um usuário',
  'open311_key.issued': 'Emitiu uma chave Open311',
  'open311_key.revoked': 'Revogou uma chave Open311',
  'template.added': 'Cadastrou um modelo do WhatsApp',
  'template.removed': 'Removeu um modelo do WhatsApp',
  'template.synced': 'Sincronizou os modelos do WhatsApp com a Meta',
  'user.password_changed': 'Trocou a própria senha',
  'user.two_step_enabled': 'Ativou a verificação em duas etapas',
  'user.two_step_disabled': 'Desativou a verificação em duas etapas',
  'user.two_step_reset': 'Desativou a verificação em duas etapas de um usuário',
  'catalog.text_changed': 'Alterou um texto de serviço',
  'nlu.phrase_added': 'Ensinou uma frase ao robô',
  'nlu.phrase_removed': 'Tirou uma frase do robô',
  'broadcast.created': 'Criou um aviso em massa',
  'broadcast.pause': 'Pausou um aviso em massa',
  'broadcast.resume': 'Retomou um aviso em massa',
  'broadcast.cancel': 'Cancelou um aviso em massa',
  'notice.published': 'Publicou um aviso na página pública',
  'notice.withdrawn': 'Retirou um aviso da página pública',
  'report.requests_exported': 'Exportou a planilha de pedidos',
  'job.retried': 'Executou de novo uma tarefa que falhou',
  'send.retried': 'Reenviou uma mensagem recusada',
};

const KINDS = [
  { value: '', label: 'Tudo' },
  { value: 'citizen', label: 'Cidadãos (LGPD)' },
  { value: 'user', label: 'Usuários' },
  { value: 'open311_key', label: 'Chaves Open311' },
  { value: 'whatsapp_template', label: 'Modelos do WhatsApp' },
  { value: 'broadcast', label: 'Avisos em massa' },
  { value: 'notice', label: 'Página de avisos' },
  { value: 'service', label: 'Textos dos serviços' },
  { value: 'intent', label: 'Frases do robô' },
  { value: 'report', label: 'Exportações' },
];

/** The audit log, newest first: who did what to whom. Admins only. */
export const AuditPage = () => {
  const { config } = useConsole();
  const [kind, setKind] = useState('');
  const entries = useApiGet<{ entries: AuditEntry[] }>(`/api/audit?limit=100${kind ? `&subject_type=${kind}` : ''}`);
  return (
    <div className="stack">
      <div className="form-row">
        <Field label="Mostrar">
          {(props) => (
            <select {...props} className="input" value={kind} onChange={(e) => setKind(e.target.value)}>
              <Options choices={KINDS} />
            </select>
          )}
        </Field>
      </div>
      {entries.error && <Notice tone="error">{entries.error.message}</Notice>}
      {!entries.data ? (
        !entries.error && <Loading label="Carregando a auditoria…" />
      ) : entries.data.entries.length === 0 ? (
        <EmptyState>Nada registrado ainda.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Auditoria">
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Quem</th>
                <th scope="col">O quê</th>
                <th scope="col">Detalhes</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{dateTime(entry.at, config.city.timezone)}</td>
                  <td>{entry.actor?.name ?? 'Sistema'}</td>
                  <td>
                    {ACTIONS[entry.action] ?? entry.action}
                    <span className="table__sub">
                      {entry.subject_type} {entry.subject_id}
                    </span>
                  </td>
                  <td className="table__details">{Object.keys(entry.details).length ? JSON.stringify(entry.details) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
};
