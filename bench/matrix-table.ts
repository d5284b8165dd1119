/** One measured figure: its text (or why there is none) and the 1-minute load average around it. */
export interface Cell {
  text: string;
  loadBefore?: number;
  loadAfter?: number;
}

export interface Column {
  label: string;
  /** Why the column has no figures (SQLite with two instances, no PostgreSQL configured…); measured otherwise. */
  notApplicable?: string;
}

export type Grid = Map<string, Map<string, Cell>>;

const escape = (text: string): string => text.replaceAll('|', '\\|');

const render = (rows: string[], columns: Column[], text: (row: string, column: Column) => string): string => [
  `| figure | ${columns.map((c) => c.label).join(' | ')} |`,
  `|---|${columns.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row} | ${columns.map((column) => escape(text(row, column))).join(' | ')} |`),
].join('\n');

/** The figures, one row per figure of the issue, one column per deployment. */
export const figuresTable = (rows: string[], columns: Column[], grid: Grid): string =>
  render(rows, columns, (row, column) => column.notApplicable ?? grid.get(row)?.get(column.label)?.text ?? '–');

/** The machine's 1-minute load average before → after each figure, same rows and columns. */
export const loadTable = (rows: string[], columns: Column[], grid: Grid): string =>
  render(rows, columns, (row, column) => {
    const cell = grid.get(row)?.get(column.label);
    return column.notApplicable || !cell || cell.loadBefore === undefined ? '–' : `${cell.loadBefore.toFixed(2)} → ${cell.loadAfter?.toFixed(2) ?? '?'}`;
  });

export const check = (ok: boolean): string => (ok ? '✓' : '✗');
