import { formatInteger } from '../../format/numbers';
import { EmptyState } from '../../ui/EmptyState';

interface CountBarsProps {
  counts: Record<string, number>;
  nameOf: (code: string) => string;
  empty: string;
}

/** Counts as labelled bars, largest first, scaled to the largest. */
export const CountBars = ({ counts, nameOf, empty }: CountBarsProps) => {
  const rows = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || nameOf(a).localeCompare(nameOf(b), 'pt-BR'));
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  const largest = rows[0]?.[1] ?? 1;
  return (
    <ul className="bars">
      {rows.map(([code, n]) => (
        <li key={code} className="bars__row">
          <span className="bars__name">{nameOf(code)}</span>
          <span className="bars__track" aria-hidden="true">
            <span className="bars__fill" style={{ width: `${Math.max(4, (n / largest) * 100)}%` }} />
          </span>
          <span className="bars__count">{formatInteger(n)}</span>
        </li>
      ))}
    </ul>
  );
};
