/** Looks up a text of the city profile and fills its `{name}` slots; a missing key is a bug, so it throws. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export const createTranslator = (texts: Record<string, string>): Translate => (key, vars = {}) => {
  const template = texts[key];
  if (template === undefined) throw new Error(`Missing text "${key}" in the city profile`);
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
};
