import { Link } from '../../app/router';
import { shortDay } from '../../format/dates';
import { formatInteger, plural } from '../../format/numbers';
import { EmptyState } from '../../ui/EmptyState';
import type { CartaCategory, CartaListItem } from './carta-api';
import { ReviewPill } from './review-state';
import { entryPagePath } from './carta-paths';

interface EntriesTableProps {
  items: CartaListItem[];
  total: number;
  categories: CartaCategory[];
}

/** The entries that match, each linking to its editor. */
export const EntriesTable = ({ items, total, categories }: EntriesTableProps) => {
  const categoryTitle = (id: string) => categories.find((c) => c.id === id)?.title ?? id;
  if (total === 0) return <EmptyState>A Carta de Serviços ainda não tem entradas. A coordenação pode criar a primeira em “Nova entrada”.</EmptyState>;
  if (items.length === 0) return <EmptyState>Nenhuma entrada com esses filtros. Tente outra palavra ou limpe os filtros.</EmptyState>;
  return (
    <section className="card carta__table" aria-label="Entradas">
      <p className="carta__count" aria-live="polite">
        {items.length === total ? plural(total, 'entrada', 'entradas') : `${formatInteger(items.length)} de ${plural(total, 'entrada', 'entradas')}`}
      </p>
      <div className="table-wrap">
        <table className="table" aria-label="Entradas da Carta de Serviços">
          <thead>
            <tr>
              <th scope="col">Entrada</th>
              <th scope="col" className="carta__category">
                Categoria
              </th>
              <th scope="col">Revisada em</th>
              <th scope="col">Revisão</th>
              <th scope="col" className="table__number">
                Usos em 30 dias
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={entryPagePath(item.id)} className="carta__entry-link">
                    {item.title}
                  </Link>
                  <span className="carta__sub">
                    {item.provider}
                    {item.edited && <span className="badge carta__edited">editada</span>}
                  </span>
                </td>
                <td className="carta__category">{categoryTitle(item.category)}</td>
                <td>{shortDay(item.lastReviewed)}</td>
                <td>
                  <ReviewPill reviewNeeded={item.reviewNeeded} reviewDue={item.reviewDue} />
                </td>
                <td className="table__number">{formatInteger(item.answers30d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
