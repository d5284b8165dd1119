import { formatInteger, formatPercent } from '../../format/numbers';
import type { Figures, Summary } from './reports-api';

const change = (now: number, before: number): { text: string; tone: 'up' | 'down' | 'same' } => {
  if (before === 0) return now === 0 ? { text: 'igual ao período anterior', tone: 'same' } : { text: 'sem dados no período anterior', tone: 'same' };
  const ratio = (now - before) / before;
  if (Math.abs(ratio) < 0.005) return { text: 'igual ao período anterior', tone: 'same' };
  return { text: `${ratio > 0 ? '▲' : '▼'} ${formatPercent(Math.abs(ratio))} em relação ao anterior`, tone: ratio > 0 ? 'up' : 'down' };
};

const FIGURES: Array<{ key: keyof Figures; label: string }> = [
  { key: 'messages_received', label: 'Mensagens recebidas' },
  { key: 'messages_sent', label: 'Mensagens enviadas' },
  { key: 'citizens', label: 'Cidadãos novos' },
  { key: 'requests_opened', label: 'Pedidos abertos' },
  { key: 'requests_closed', label: 'Pedidos encerrados' },
];

/** The period's big numbers, each with its change against the period before. */
export const ReportFigures = ({ summary }: { summary: Summary }) => (
  <div className="stats report-figures">
    {FIGURES.map(({ key, label }) => {
      const delta = change(summary[key], summary.previous[key]);
      return (
        <section key={key} className="stat" aria-label={label}>
          <h2 className="stat__label">{label}</h2>
          <p className="stat__value">{formatInteger(summary[key])}</p>
          <p className={`stat__note report-change report-change--${delta.tone}`}>{delta.text}</p>
        </section>
      );
    })}
    <section className="stat" aria-label="Pedidos em aberto">
      <h2 className="stat__label">Pedidos em aberto</h2>
      <p className="stat__value">{formatInteger(summary.requests.backlog)}</p>
      <p className="stat__note">
        {summary.requests.resolution.average_minutes === null ? 'agora' : `agora · encerrados em média em ${formatInteger(Math.round(summary.requests.resolution.average_minutes / 60))} h úteis`}
      </p>
    </section>
  </div>
);
