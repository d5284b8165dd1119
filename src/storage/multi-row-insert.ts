import { CompiledQuery } from 'kysely';
import type { Dialect, Executor } from './database.js';
import type { Database } from './schema.js';

/** Rows per statement: far below SQLite's 32,766 bound values, and every count up to it keeps its text. */
const ROWS_PER_STATEMENT = 256;

export type BoundValue = string | number | boolean | null;

/**
 * A multi-row INSERT whose text is built once per row count and handed to the driver as it is. On the intake path
 * Kysely's builder (an operation tree per value, frozen, then compiled) cost about as much as SQLite's own insert;
 * the same text each time also lets the statement caches reuse the prepared statement. `suffix` follows the VALUES
 * list (ON CONFLICT, RETURNING). Values are bound as they are. More rows than one statement takes go in several,
 * in order, and their returned rows are joined.
 */
export const multiRowInsert = <Table extends keyof Database & string, Returned = never>(
  dialect: Dialect,
  table: Table,
  columns: ReadonlyArray<keyof Database[Table] & string>,
  suffix = '',
) => {
  const texts = new Map<number, string>();
  const parameterMarker = dialect === 'postgres' ? (n: number) => `$${n}` : () => '?';
  const textFor = (rowCount: number): string => {
    let text = texts.get(rowCount);
    if (text !== undefined) return text;
    const tuples = Array.from({ length: rowCount }, (_, row) => `(${columns.map((_, col) => parameterMarker(row * columns.length + col + 1)).join(', ')})`);
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`;
    texts.set(rowCount, text);
    return text;
  };
  const statement = (rows: ReadonlyArray<ReadonlyArray<BoundValue>>): CompiledQuery<Returned> => {
    const values: BoundValue[] = [];
    for (const row of rows) for (const value of row) values.push(value);
    return CompiledQuery.raw(textFor(rows.length), values) as CompiledQuery<Returned>;
  };
  return async (db: Executor, rows: ReadonlyArray<ReadonlyArray<BoundValue>>): Promise<Returned[]> => {
    if (rows.length <= ROWS_PER_STATEMENT) return rows.length === 0 ? [] : (await db.executeQuery(statement(rows))).rows;
    const returned: Returned[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) returned.push(...(await db.executeQuery(statement(rows.slice(start, start + ROWS_PER_STATEMENT)))).rows);
    return returned;
  };
};
