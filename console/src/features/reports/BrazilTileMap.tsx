import { formatInteger } from '../../format/numbers';

/** Brazil's states as a tile grid: each a square roughly where it lies (column, row), so the map reads at a glance. */
const TILES: Array<[string, number, number]> = [
  ['RR', 1, 0], ['AP', 3, 0],
  ['AM', 1, 1], ['PA', 2, 1], ['MA', 3, 1], ['CE', 4, 1], ['RN', 5, 1],
  ['AC', 0, 2], ['RO', 1, 2], ['TO', 2, 2], ['PI', 3, 2], ['PE', 4, 2], ['PB', 5, 2],
  ['MT', 1, 3], ['GO', 2, 3], ['BA', 3, 3], ['SE', 4, 3], ['AL', 5, 3],
  ['MS', 1, 4], ['DF', 2, 4], ['MG', 3, 4], ['ES', 4, 4],
  ['SP', 2, 5], ['RJ', 3, 5],
  ['PR', 2, 6],
  ['SC', 2, 7],
  ['RS', 2, 8],
];

const SIZE = 44;
const GAP = 4;

/** Messages by the sender's state, shaded by count, with the figures in a list beside it for screen readers. */
export const BrazilTileMap = ({ counts }: { counts: Record<string, number> }) => {
  const largest = Math.max(1, ...Object.values(counts));
  const width = 6 * (SIZE + GAP);
  const height = 9 * (SIZE + GAP);
  return (
    <svg className="tile-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Mapa do Brasil por estado (detalhes na lista ao lado)">
      {TILES.map(([uf, column, row]) => {
        const n = counts[uf] ?? 0;
        const strength = n === 0 ? 0 : 0.15 + 0.85 * (n / largest);
        return (
          <g key={uf} transform={`translate(${column * (SIZE + GAP)}, ${row * (SIZE + GAP)})`}>
            <title>{`${uf}: ${formatInteger(n)}`}</title>
            <rect width={SIZE} height={SIZE} rx={6} className="tile-map__tile" style={{ fillOpacity: n === 0 ? 1 : strength }} data-empty={n === 0 || undefined} />
            <text x={SIZE / 2} y={18} textAnchor="middle" className={strength > 0.55 ? 'tile-map__uf tile-map__uf--light' : 'tile-map__uf'}>
              {uf}
            </text>
            <text x={SIZE / 2} y={34} textAnchor="middle" className={strength > 0.55 ? 'tile-map__n tile-map__uf--light' : 'tile-map__n'}>
              {n > 0 ? formatInteger(n) : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
