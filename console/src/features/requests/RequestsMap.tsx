import { useMemo } from 'react';
import { useCatalogNames } from '../../app/console-context';
import { plural } from '../../format/numbers';
import { CityMap, type MapMarker } from '../../ui/map/CityMap';
import type { RequestSummary } from './requests-api';
import { statusColor, STATUS_COLORS } from './status-style';

/** The requests with a pinned point on the city map, a legend of status colours, and how many have no point. */
export const RequestsMap = ({ requests }: { requests: RequestSummary[] }) => {
  const { statusLabel } = useCatalogNames();
  const markers = useMemo(
    () =>
      requests.flatMap((request): MapMarker[] =>
        request.point
          ? [{ id: request.protocol, ...request.point, color: statusColor(request.status), title: request.protocol, detail: `${request.service.name} · ${statusLabel(request.status)}`, href: `/pedidos/${request.protocol}` }]
          : [],
      ),
    [requests, statusLabel],
  );
  const withoutPoint = requests.length - markers.length;
  return (
    <div className="requests-map">
      <CityMap label="Mapa dos pedidos" markers={markers} className="requests-map__map" />
      <div className="requests-map__footer">
        <ul className="map-legend" aria-label="Legenda">
          {Object.entries(STATUS_COLORS).map(([status, color]) => (
            <li key={status}>
              <span className="status-badge__dot" style={{ background: color }} aria-hidden="true" />
              {statusLabel(status)}
            </li>
          ))}
        </ul>
        {withoutPoint > 0 && <p className="muted">{plural(withoutPoint, 'pedido sem ponto no mapa', 'pedidos sem ponto no mapa')} (informados só por endereço).</p>}
      </div>
    </div>
  );
};
