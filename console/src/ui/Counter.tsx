/** "18/24", red once over WhatsApp's limit. */
export const Counter = ({ length, max }: { length: number; max: number }) => (
  <span className={length > max ? 'counter counter--over' : 'counter'} aria-live="polite">
    {length}/{max}
    {length > max && ' — passou do limite'}
  </span>
);
