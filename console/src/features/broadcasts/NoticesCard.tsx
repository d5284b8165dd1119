import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Notice as Message } from '../../ui/Notice';

interface PublishedNotice {
  id: number;
  broadcast_id: number | null;
  title: string;
  published_at: string;
  withdrawn_at: string | null;
}

const NOTICES_PATH = '/api/notices';

/** The public page (/avisos): what is on it, a notice for the page alone, and taking one off. */
export const NoticesCard = () => {
  const { config } = useConsole();
  const notices = useApiGet<{ notices: PublishedNotice[] }>(NOTICES_PATH);
  const { running, error, run } = useAction(notices.reload);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    if (await run('publish', () => api.post(NOTICES_PATH, { title, body, topics: [] }))) {
      setTitle('');
      setBody('');
    }
  };

  return (
    <Card title="Página pública de avisos" aside={<a href="/avisos" target="_blank" rel="noreferrer">Abrir /avisos</a>}>
      <p className="card__lead">Cada aviso enviado aparece também em /avisos e no RSS, para quem não usa o WhatsApp ou quer compartilhar o link.</p>
      {error && <Message tone="error">{error}</Message>}
      {!notices.data || notices.data.notices.length === 0 ? (
        <EmptyState>Nada publicado ainda.</EmptyState>
      ) : (
        <ul className="department-card__list" aria-label="Avisos publicados">
          {notices.data.notices.map((n) => (
            <li key={n.id} className="notice-row">
              <span>
                {n.withdrawn_at ? <s>{n.title}</s> : <a href={`/avisos/${n.id}`} target="_blank" rel="noreferrer">{n.title}</a>}
                <span className="table__sub">
                  {dateTime(n.published_at, config.city.timezone)} · {n.broadcast_id ? 'enviado pelo WhatsApp' : 'só na página'}
                  {n.withdrawn_at ? ` · retirado em ${dateTime(n.withdrawn_at, config.city.timezone)}` : ''}
                </span>
              </span>
              {!n.withdrawn_at && (
                <Button variant="ghost" busy={running === `withdraw:${n.id}`} onClick={() => void run(`withdraw:${n.id}`, () => api.post(`${NOTICES_PATH}/${n.id}/withdraw`))}>
                  Retirar
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="stack notice-form" onSubmit={publish} aria-label="Publicar só na página">
        <h3 className="subheading">Publicar só na página</h3>
        <Field label="Título">{(ids) => <input {...ids} className="input" maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <Field label="Texto" hint="*negrito*, _itálico_ e links funcionam como no WhatsApp.">
          {(ids) => <textarea {...ids} className="input input--area" maxLength={4096} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <div>
          <Button type="submit" variant="secondary" busy={running === 'publish'} disabled={title.trim().length < 3 || body.trim().length < 3}>
            Publicar
          </Button>
        </div>
      </form>
    </Card>
  );
};
