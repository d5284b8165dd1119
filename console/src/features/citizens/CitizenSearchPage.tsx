import { useState, type FormEvent } from 'react';
import { query } from '../../api/client';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { dateTime } from '../../format/dates';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { formatPhone } from '../inbox/phone';
import { CITIZENS_ROOT, citizenPagePath, displayName, searchPath, type CitizenSummary } from './citizens-api';

const MIN_LENGTH = 2;

const Results = ({ citizens }: { citizens: CitizenSummary[] }) => {
  const { config } = useConsole();
  return (
    <ul className="citizen-results" aria-label="Cidadãos encontrados">
      {citizens.map((citizen) => (
        <li key={citizen.key}>
          <Link className="citizen-results__item" to={citizenPagePath(citizen.key)}>
            <span className="citizen-results__name">{displayName(citizen)}</span>
            <span className="citizen-results__phone">{citizen.phone ? formatPhone(citizen.phone) : 'Sem número de WhatsApp'}</span>
            <span className="citizen-results__when">Última mensagem em {dateTime(citizen.last_message_at, config.city.timezone)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
};

/** /cidadaos: find a citizen by phone (any form), name or protocol; the text is kept in the address. */
export const CitizenSearchPage = () => {
  const { user } = useConsole();
  const [searched, setSearched] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const [text, setText] = useState(searched);
  const found = useApiGet<{ citizens: CitizenSummary[] }>(searched.trim().length >= MIN_LENGTH ? searchPath(searched.trim()) : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearched(text);
    window.history.replaceState(null, '', `${CITIZENS_ROOT}${text.trim() ? query({ q: text.trim() }) : ''}`);
  };
  const citizens = found.data?.citizens;
  const scope = user.department_id === null ? 'Todos os cidadãos que falaram com a prefeitura.' : 'Só aparecem cidadãos que conversaram com a sua secretaria ou fizeram pedidos identificados nela.';

  return (
    <>
      <PageHeader title="Cidadãos" subtitle={scope} />
      <Card>
        <form className="citizen-search" role="search" onSubmit={submit}>
          <label className="field__label" htmlFor="citizen-search-text">
            Telefone, nome ou protocolo
          </label>
          <div className="citizen-search__row">
            <input
              id="citizen-search-text"
              className="input"
              type="search"
              value={text}
              autoComplete="off"
              placeholder="Ex.: (63) 99999-1001, Maria ou 2026-000123"
              aria-describedby="citizen-search-hint"
              onChange={(event) => setText(event.target.value)}
            />
            <Button type="submit" busy={found.loading}>
              Buscar
            </Button>
          </div>
          <p className="field__hint" id="citizen-search-hint">
            O número pode ter ou não +55, o 9 e espaços.
          </p>
        </form>
      </Card>
      <div className="citizen-search__answer">
        {found.error && <Notice tone="error">{found.error.message}</Notice>}
        {searched.trim().length < MIN_LENGTH ? (
          <EmptyState>Digite ao menos {MIN_LENGTH} letras ou números e pressione Buscar.</EmptyState>
        ) : citizens === undefined ? (
          !found.error && <Loading label="Buscando…" />
        ) : citizens.length === 0 ? (
          <EmptyState>Nenhum cidadão encontrado para “{searched.trim()}”. Confira o número ou tente parte do nome.</EmptyState>
        ) : (
          <Results citizens={citizens} />
        )}
      </div>
    </>
  );
};
