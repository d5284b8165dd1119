import { BroadcastDetailPage } from './BroadcastDetailPage';
import { BroadcastsListPage } from './BroadcastsListPage';
import { ComposePage } from './ComposePage';
import './broadcasts.css';

export const BROADCASTS_ROOT = '/transmissoes';
export const COMPOSE_PATH = `${BROADCASTS_ROOT}/novo`;

/** /transmissoes (the list), /transmissoes/novo (compose) and /transmissoes/<id> (one broadcast, live). */
export const BroadcastsPage = ({ path }: { path: string }) => {
  if (path === COMPOSE_PATH) return <ComposePage />;
  const id = Number(path.slice(BROADCASTS_ROOT.length + 1));
  return Number.isInteger(id) && id > 0 ? <BroadcastDetailPage key={id} id={id} /> : <BroadcastsListPage />;
};
