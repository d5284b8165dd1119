import { useCatalogNames } from '../../app/console-context';
import { statusColor } from './status-style';

export const StatusBadge = ({ status }: { status: string }) => {
  const { statusLabel } = useCatalogNames();
  return (
    <span className="status-badge">
      <span className="status-badge__dot" style={{ background: statusColor(status) }} aria-hidden="true" />
      {statusLabel(status)}
    </span>
  );
};
