import { Field } from '../../ui/Field';

export interface ServiceGroup {
  id: string;
  label: string;
  services: Array<{ code: string; name: string }>;
}

const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

/** The groups with only the services whose name or department contains the search (the chosen one always stays). */
export const matchingGroups = (groups: ServiceGroup[], search: string, chosen: string): ServiceGroup[] => {
  const wanted = plain(search);
  if (!wanted) return groups;
  return groups
    .map((group) => ({
      ...group,
      services: group.services.filter((s) => s.code === chosen || plain(s.name).includes(wanted) || plain(group.label).includes(wanted)),
    }))
    .filter((group) => group.services.length > 0);
};

interface ServicePickerProps {
  groups: ServiceGroup[];
  search: string;
  onSearch: (search: string) => void;
  value: string;
  onChange: (code: string) => void;
}

/** A search that narrows the services (and picks the only one left) above the list grouped by department. */
export const ServicePicker = ({ groups, search, onSearch, value, onChange }: ServicePickerProps) => {
  const shown = matchingGroups(groups, search, value);
  const searchFor = (text: string): void => {
    onSearch(text);
    const left = matchingGroups(groups, text, '').flatMap((group) => group.services);
    if (plain(text) && left.length === 1 && left[0]) onChange(left[0].code);
  };
  return (
    <div className="intake__row">
      <Field label="Buscar serviço" hint="Parte do nome ou da secretaria: buraco, poda, lâmpada…">
        {(props) => <input {...props} className="input" type="search" autoComplete="off" value={search} onChange={(e) => searchFor(e.target.value)} />}
      </Field>
      <Field label="Serviço" hint={shown.length === 0 ? 'Nenhum serviço com esse nome: apague a busca para ver todos.' : undefined}>
        {(props) => (
          <select {...props} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">Escolha o serviço…</option>
            {shown.map((group) => (
              <optgroup key={group.id} label={group.label}>
                {group.services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
};
