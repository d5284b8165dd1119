/** The `<option>`s of a select, from value/label pairs. */
export const Options = ({ choices }: { choices: ReadonlyArray<{ value: string; label: string }> }) => (
  <>
    {choices.map((c) => (
      <option key={c.value} value={c.value}>
        {c.label}
      </option>
    ))}
  </>
);
