import { BoardPage } from './BoardPage';
import { IntakePage } from './IntakePage';
import { RequestDetailPage } from './RequestDetailPage';
import './requests.css';

export const REQUESTS_ROOT = '/pedidos';
export const INTAKE_PATH = '/pedidos/novo';

/** /pedidos (the board), /pedidos/novo (phone intake), /pedidos/AAAA-NNNNNN (one request). */
export const RequestsPage = ({ path }: { path: string }) => {
  if (path === INTAKE_PATH) return <IntakePage />;
  const protocol = path.slice(REQUESTS_ROOT.length + 1);
  return protocol ? <RequestDetailPage key={protocol} protocol={decodeURIComponent(protocol)} /> : <BoardPage />;
};
