import { useState } from 'react';
import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { plural } from '../../format/numbers';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { filtersFromSearch, hasFilters, searchOf, type BoardFilters } from './board-filters';
import { BoardFiltersForm } from './BoardFiltersForm';
import { RequestsMap } from './RequestsMap';
import { RequestsTable } from './RequestsTable';
import { useRequestPages } from './use-request-pages';

type View = 'tabela' | 'mapa';

/** Every request the user may see, filtered, as a table or on the map. */
export const BoardPage = () => {
  const { user } = useConsole();
  const [filters, setFilters] = useState<BoardFilters>(() => filtersFromSearch(window.location.search));
  const [view, setView] = useState<View>(() => (new URLSearchParams(window.location.search).get('ver') === 'mapa' ? 'mapa' : 'tabela'));
  const pages = useRequestPages(filters);

  const remember = (next: BoardFilters, nextView: View): void => {
    const search = new URLSearchParams(searchOf(next));
    if (nextView === 'mapa') search.set('ver', 'mapa');
    const text = search.toString();
    window.history.replaceState(null, '', `/pedidos${text ? `?${text}` : ''}`);
  };
  const changeFilters = (next: BoardFilters): void => {
    setFilters(next);
    remember(next, view);
  };
  const changeView = (next: View): void => {
    setView(next);
    remember(filters, next);
  };

  return (
    <>
      <PageHeader
        title="Pedidos"
        subtitle={user.department_id ? 'Os pedidos da sua secretaria' : 'Os pedidos de todas as secretarias'}
        actions={
          <Link to="/pedidos/novo" className="button button--primary">
            Registrar ligação
          </Link>
        }
      />
      <BoardFiltersForm filters={filters} onChange={changeFilters} />
      <div className="board-toolbar">
        <p className="board-toolbar__count" role="status">
          {pages.loading ? 'Carregando…' : `${plural(pages.requests.length, 'pedido', 'pedidos')}${pages.hasMore ? ' (há mais)' : ''}`}
        </p>
        <div className="segmented" role="group" aria-label="Ver como">
          <button type="button" className="segmented__option" aria-pressed={view === 'tabela'} onClick={() => changeView('tabela')}>
            Tabela
          </button>
          <button type="button" className="segmented__option" aria-pressed={view === 'mapa'} onClick={() => changeView('mapa')}>
            Mapa
          </button>
        </div>
      </div>
      {pages.error && <Notice tone="error">{pages.error}</Notice>}
      {pages.loading ? (
        <Loading label="Carregando os pedidos…" />
      ) : pages.requests.length === 0 ? (
        <EmptyState>{hasFilters(filters) ? 'Nenhum pedido com esses filtros.' : 'Nenhum pedido registrado ainda.'}</EmptyState>
      ) : view === 'mapa' ? (
        <RequestsMap requests={pages.requests} />
      ) : (
        <RequestsTable requests={pages.requests} />
      )}
      {pages.hasMore && !pages.loading && (
        <div className="board-more">
          <Button variant="secondary" busy={pages.loadingMore} onClick={() => void pages.loadMore()}>
            Carregar mais pedidos
          </Button>
        </div>
      )}
    </>
  );
};
