import { formatInteger } from '../../format/numbers';

interface Day {
  day: string;
  received: number;
  sent: number;
}

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { left: 44, right: 8, top: 10, bottom: 26 };

const label = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** Messages received (bars) and sent (line) per day, with the numbers in a table for who cannot see the chart. */
export const DailyChart = ({ days }: { days: Day[] }) => {
  const largest = Math.max(1, ...days.flatMap((d) => [d.received, d.sent]));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / Math.max(days.length, 1);
  const y = (n: number) => PAD.top + innerH - (n / largest) * innerH;
  const every = Math.max(1, Math.ceil(days.length / 10));
  const barWidth = Math.min(step * 0.7, 36);
  const line = days.map((d, i) => `${i === 0 ? 'M' : 'L'}${PAD.left + step * (i + 0.5)},${y(d.sent)}`).join(' ');
  return (
    <figure className="daily-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Mensagens por dia: barras, recebidas; linha, enviadas">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(largest * f)} y2={y(largest * f)} className="daily-chart__grid" />
            <text x={PAD.left - 6} y={y(largest * f) + 4} textAnchor="end" className="daily-chart__axis">
              {formatInteger(Math.round(largest * f))}
            </text>
          </g>
        ))}
        {days.map((d, i) => (
          <g key={d.day}>
            <rect x={PAD.left + step * (i + 0.5) - barWidth / 2} y={y(d.received)} width={barWidth} height={PAD.top + innerH - y(d.received)} className="daily-chart__bar">
              <title>{`${label(d.day)}: ${formatInteger(d.received)} recebidas, ${formatInteger(d.sent)} enviadas`}</title>
            </rect>
            {i % every === 0 && (
              <text x={PAD.left + step * (i + 0.5)} y={HEIGHT - 8} textAnchor="middle" className="daily-chart__axis">
                {label(d.day)}
              </text>
            )}
          </g>
        ))}
        <path d={line} className="daily-chart__line" />
        {days.map((d, i) => (
          <circle key={d.day} cx={PAD.left + step * (i + 0.5)} cy={y(d.sent)} r={3} className="daily-chart__dot" />
        ))}
      </svg>
      <figcaption className="daily-chart__legend">
        <span className="daily-chart__key daily-chart__key--received" /> recebidas <span className="daily-chart__key daily-chart__key--sent" /> enviadas
      </figcaption>
      <details>
        <summary>Ver os números por dia</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Dia</th>
              <th scope="col" className="table__number">Recebidas</th>
              <th scope="col" className="table__number">Enviadas</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{label(d.day)}</td>
                <td className="table__number">{formatInteger(d.received)}</td>
                <td className="table__number">{formatInteger(d.sent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
};
