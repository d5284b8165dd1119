import type { Carta } from './carta.schema.js';

const duplicates = (values: string[]): string[] => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

/** An entry's category must exist, its department too (when named), and ids are unique. */
export const cartaProblems = (carta: Pick<Carta, 'categories' | 'entries'>, departmentIds: ReadonlySet<string>, file = 'carta-de-servicos.json'): string[] => {
  const categories = new Set(carta.categories.map((c) => c.id));
  const problems = [
    ...duplicates(carta.categories.map((c) => c.id)).map((id) => `${file}: duplicate category id "${id}"`),
    ...duplicates(carta.entries.map((e) => e.id)).map((id) => `${file}: duplicate entry id "${id}"`),
  ];
  for (const entry of carta.entries) {
    if (!categories.has(entry.category)) problems.push(`${file}: entry "${entry.id}" has an unknown category "${entry.category}"`);
    if (entry.departmentId !== null && !departmentIds.has(entry.departmentId))
      problems.push(`${file}: entry "${entry.id}" has an unknown departmentId "${entry.departmentId}"`);
  }
  return problems;
};
