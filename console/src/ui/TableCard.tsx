import type { ReactNode } from 'react';
import { Card } from './Card';
import { EmptyState } from './EmptyState';

interface TableCardProps {
  title: string;
  /** The table's accessible name. */
  label: string;
  count: number;
  empty: string;
  columns: string[];
  /** The rows (<tr>), when there are any. */
  children: ReactNode;
}

/** A card holding one table, its row count beside the title, and a calm sentence when it has no rows. */
export const TableCard = ({ title, label, count, empty, columns, children }: TableCardProps) => (
  <Card title={title} aside={<span className="badge">{count}</span>}>
    {count === 0 ? (
      <EmptyState>{empty}</EmptyState>
    ) : (
      <div className="table-wrap">
        <table className="table" aria-label={label}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    )}
  </Card>
);
