import { useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { dateTime } from '../../format/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { formatPhone } from '../inbox/phone';
import { displayName, searchPath, type CitizenSummary } from './citizens-api';

/** Find a citizen by number, protocol or name. */
export const CitizenSearch = () => {
  const { config, user } = useConsole();
  const [text, setText] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const q = text.trim();
  const found = useApiGet<{ citizens: CitizenSummary[] }>(q.length >= 2 ? searchPath(q) : null);
  const remember = (value: string): void => {
    setText(value);
    window.history.replaceState(null, '', value.trim() ? `/cidadaos?q=${encodeURIComponent(value.trim())}` : '/cidadaos');
  };

  return (
    <>
      <PageHeader title="Cidadãos" subtitle={user.department_id ? 'Quem já falou com a sua secretaria' : 'Quem fala com a Prefeitura pelo WhatsApp'} />
      <div className="citizen-search">
        <Field label="Buscar cidadão" hint="Número em qualquer formato, protocolo de um pedido ou parte do nome.">
          {(props) => <input {...props} className="input" type="search" autoFocus value={text} onChange={(event) => remember(event.target.value)} placeholder="(63) 9 9999-0000, 2026-000123 ou Maria" />}
        </Field>
      </div>
      {found.error && <Notice tone="error">{found.error.message}</Notice>}
      {q.length < 2 ? (
        <EmptyState>Digite ao menos dois caracteres para buscar.</EmptyState>
      ) : found.loading && !found.data ? (
        <Loading label="Buscando…" />
      ) : found.data?.citizens.length === 0 ? (
        <EmptyState>Ninguém encontrado com “{q}”.</EmptyState>
      ) : (
        <ul className="citizen-results" aria-label="Cidadãos encontrados">
          {found.data?.citizens.map((citizen) => (
            <li key={citizen.key}>
              <Link to={`/cidadaos/${encodeURIComponent(citizen.key)}`} className="citizen-results__item">
                <span className="citizen-results__name">{displayName(citizen)}</span>
                <span className="citizen-results__phone">{citizen.phone ? formatPhone(citizen.phone) : 'sem número'}</span>
                <span className="citizen-results__when">última mensagem {dateTime(citizen.last_message_at, config.city.timezone)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
