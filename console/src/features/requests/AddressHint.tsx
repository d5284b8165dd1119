import type { PlaceLookup } from './use-place-lookup';

const named = (place: { name: string; region: string | null }): string => (place.region ? `${place.name} · ${place.region}` : place.name);

/** Under the address field: which quadra or setor the typed address was understood as, or why none. */
export const AddressHint = ({ lookup, searching }: { lookup: PlaceLookup | undefined; searching: boolean }) => {
  const match = lookup?.place;
  if (searching && !match) return <span className="address-hint">Procurando a quadra ou setor…</span>;
  if (!match) return <span className="address-hint">Digite como o cidadão falou, por exemplo “qd 106 sul al 3”.</span>;
  if (match.status === 'inside' && match.best && !match.ambiguous)
    return (
      <span className="address-hint address-hint--found">
        Entendido como <strong>{named(match.best)}</strong>. O pedido fica nessa quadra, a não ser que você escolha outra em “Quadra ou setor”.
      </span>
    );
  if (match.status === 'inside' && match.best)
    return (
      <span className="address-hint address-hint--doubt">
        Pode ser {[match.best, ...match.alternatives].map((p) => p.name).join(' ou ')}: confirme com o cidadão e escolha a quadra ou setor na lista.
      </span>
    );
  if (match.status === 'outside')
    return (
      <span className="address-hint address-hint--doubt">
        {match.best ? `${match.best.name} não pertence a Palmas.` : 'Esse lugar não pertence a Palmas.'} Confirme o local com o cidadão.
      </span>
    );
  return <span className="address-hint address-hint--doubt">Não reconhecemos a quadra ou setor nesse endereço. Escolha na lista ou marque o ponto no mapa.</span>;
};
