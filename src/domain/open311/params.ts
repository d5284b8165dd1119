/** Query strings and form bodies as parsed: a value, or several when the name repeats. */
export type Open311Params = Record<string, unknown>;

const firstString = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return firstString(value[0]);
  return undefined;
};

/**
 * Form encoding sends line breaks as CR LF (FixMyStreet's client does). Stored as LF, like every other channel's
 * text; a kept CR would reach JSON clients while XML parsers turn CR LF into LF, so the two formats would disagree.
 */
export const plainLineBreaks = (text: string): string => text.replace(/\r\n?/g, '\n');

/** The parameter's value, trimmed; an empty one counts as absent (the spec's rule for optional arguments). */
export const param = (params: Open311Params, name: string): string | undefined => {
  const value = firstString(params[name])?.trim();
  return value ? plainLineBreaks(value) : undefined;
};

/** A comma-separated parameter ("open,closed"), without blanks and repeats. */
export const listParam = (params: Open311Params, name: string): string[] | undefined => {
  const value = param(params, name);
  return value === undefined ? undefined : [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))];
};
