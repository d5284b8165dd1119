import { useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { CARTA_ENTRIES_PATH, type CartaCategory, type CartaListItem } from './carta-api';
import { EntriesTable } from './EntriesTable';
import { filterEntries, type EntryFilter } from './entry-draft';
import { SummaryCards } from './SummaryCards';
import { Options } from '../../ui/Options';

const FILTERS: Array<{ value: EntryFilter; label: string }> = [
  { value: 'all', label: 'Todas' },
  { value: 'review-needed', label: 'Precisa revisão' },
  { value: 'review-due', label: 'Revisão vencida' },
  { value: 'edited', label: 'Editadas no console' },
];

/** Every entry of the Carta, searched as one types, with what needs review in view. */
export const EntriesPage = () => {
  const list = useApiGet<{ categories: CartaCategory[]; items: CartaListItem[] }>(CARTA_ENTRIES_PATH);
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [filter, setFilter] = useState<EntryFilter>('all');

  if (list.error) return <Notice tone="error">Não foi possível carregar a Carta de Serviços. {list.error.message}</Notice>;
  if (!list.data) return <Loading label="Carregando a Carta de Serviços…" />;
  const { categories, items } = list.data;
  const shown = filterEntries(items, { text, category, filter });

  return (
    <div className="carta">
      <SummaryCards items={items} />
      <div className="toolbar carta__filters" role="search" aria-label="Filtrar entradas">
        <Field label="Buscar">
          {(props) => (
            <input {...props} type="search" className="input carta__search" placeholder="Ex.: IPTU, vacina, alvará" value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <Field label="Categoria">
          {(props) => (
            <select {...props} className="input" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">Todas</option>
              <Options choices={categories.map((c) => ({ value: c.id, label: c.title }))} />
            </select>
          )}
        </Field>
        <Field label="Situação">
          {(props) => (
            <select {...props} className="input" value={filter} onChange={(e) => setFilter(e.target.value as EntryFilter)}>
              <Options choices={FILTERS} />
            </select>
          )}
        </Field>
      </div>
      <EntriesTable items={shown} total={items.length} categories={categories} />
    </div>
  );
};
