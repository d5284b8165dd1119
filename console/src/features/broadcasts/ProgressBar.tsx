import { formatInteger, formatPercent } from '../../format/numbers';
import type { BroadcastSummary } from './broadcasts-api';

/** Sent out of total, with delivered and read inside it: how far a broadcast got, at a glance. */
export const ProgressBar = ({ broadcast }: { broadcast: BroadcastSummary }) => {
  const total = Math.max(broadcast.total, 1);
  const share = (n: number) => `${Math.min(100, (n / total) * 100)}%`;
  return (
    <div className="broadcast-progress">
      <div
        className="broadcast-progress__track"
        role="progressbar"
        aria-label="Progresso do envio"
        aria-valuemin={0}
        aria-valuemax={broadcast.total}
        aria-valuenow={broadcast.sent}
        aria-valuetext={`${formatInteger(broadcast.sent)} de ${formatInteger(broadcast.total)} enviadas`}
      >
        <span className="broadcast-progress__sent" style={{ width: share(broadcast.sent) }} />
        <span className="broadcast-progress__delivered" style={{ width: share(broadcast.delivered) }} />
      </div>
      <span className="broadcast-progress__label">
        {formatInteger(broadcast.sent)} de {formatInteger(broadcast.total)} ({formatPercent(broadcast.total === 0 ? 0 : broadcast.sent / broadcast.total)})
      </span>
    </div>
  );
};
