import { useCatalogNames } from '../../app/console-context';
import { formatDecimal, plural } from '../../format/numbers';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { CountBars } from './CountBars';
import type { DepartmentSummary } from './dashboard-api';
import { OverdueTable } from './OverdueTable';
import { StatCard } from '../../ui/StatCard';

const total = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

export const DaySummary = ({ summary, dayLabel, refreshing }: { summary: DepartmentSummary; dayLabel: string; refreshing: boolean }) => {
  const { serviceName, statusLabel } = useCatalogNames();
  const closed = total(summary.closed_by_status);
  const { count, average } = summary.ratings;
  return (
    <div className="dashboard" aria-busy={refreshing}>
      <div className="stats" aria-label="Números do dia">
        <StatCard label="Abertos no dia" value={summary.opened} note={dayLabel} />
        <StatCard label="Encerrados no dia" value={closed} note={dayLabel} />
        <StatCard label="Em aberto agora" value={summary.open_now} note="Toda a secretaria" />
        <StatCard label="Atrasados agora" value={summary.overdue_now} note="Fora do prazo" tone={summary.overdue_now > 0 ? 'warning' : 'calm'} />
      </div>
      <div className="dashboard__grid">
        <Card title="Abertos por serviço" aside={<span className="card__count">{dayLabel}</span>}>
          <CountBars counts={summary.opened_by_service} nameOf={serviceName} empty="Nenhum pedido aberto neste dia." />
        </Card>
        <Card title="Encerrados por situação" aside={<span className="card__count">{dayLabel}</span>}>
          <CountBars counts={summary.closed_by_status} nameOf={statusLabel} empty="Nenhum pedido encerrado neste dia." />
        </Card>
        <Card title="Avaliações dos cidadãos" aside={<span className="card__count">{dayLabel}</span>}>
          {average === null ? (
            <EmptyState>Nenhuma avaliação neste dia.</EmptyState>
          ) : (
            <p className="rating">
              <span className="rating__value">{formatDecimal(average)}</span>
              <span className="rating__scale">de 5</span>
              <span className="rating__count">{plural(count, 'avaliação', 'avaliações')}</span>
            </p>
          )}
        </Card>
      </div>
      <Card title="Pedidos atrasados" aside={<span className="card__count">{plural(summary.overdue_now, 'pedido', 'pedidos')}</span>}>
        <OverdueTable overdue={summary.overdue} />
      </Card>
    </div>
  );
};
