import { CompiledQuery } from 'kysely';
import type { Dialect } from './database.js';
import type { Database } from './schema.js';

/** The row counts whose statement text is kept; larger inserts are rare and build their text each time. */
const REMEMBERED_ROW_COUNTS = 256;

export type BoundValue = string | number | null;

/**
 * A multi-row INSERT whose text is built once per row count and handed to the driver as it is. On the intake path
 * Kysely's builder (an operation tree per value, frozen, then compiled) cost about as much as SQLite's own insert;
 * the same text each time also lets the statement caches reuse the prepared statement. `suffix` follows the VALUES
 * list (ON CONFLICT, RETURNING). Values are bound as they are: strings, numbers, null.
 */
export const multiRowInsert = <Table extends keyof Database & string, Returned = never>(
  dialect: Dialect,
  table: Table,
  columns: ReadonlyArray<keyof Database[Table] & string>,
  suffix = '',
) => {
  const texts = new Map<number, string>();
  const placeholder = dialect === 'postgres' ? (n: number) => `$${n}` : () => '?';
  const textFor = (rowCount: number): string => {
    let text = texts.get(rowCount);
    if (text !== undefined) return text;
    const tuples = Array.from({ length: rowCount }, (_, row) => `(${columns.map((_, col) => placeholder(row * columns.length + col + 1)).join(', ')})`);
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`;
    if (rowCount <= REMEMBERED_ROW_COUNTS) texts.set(rowCount, text);
    return text;
  };
  return (rows: ReadonlyArray<ReadonlyArray<BoundValue>>): CompiledQuery<Returned> => {
    const values: BoundValue[] = [];
    for (const row of rows) for (const value of row) values.push(value);
    return CompiledQuery.raw(textFor(rows.length), values) as CompiledQuery<Returned>;
  };
};
