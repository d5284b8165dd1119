import { useId } from 'react';
import { formatInteger } from '../format/numbers';

interface StatCardProps {
  label: string;
  value: number;
  note: string;
  tone?: 'calm' | 'warning';
}

export const StatCard = ({ label, value, note, tone = 'calm' }: StatCardProps) => {
  const id = useId();
  return (
    <section className={`stat stat--${tone}`} aria-labelledby={id}>
      <h2 className="stat__label" id={id}>
        {label}
      </h2>
      <p className="stat__value">{formatInteger(value)}</p>
      <p className="stat__note">{note}</p>
    </section>
  );
};
