import { useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { StatCard } from '../../ui/StatCard';
import { questionsPath, type CartaListItem, type CartaQuestion } from './carta-api';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Questions asked in the last seven days (the API lists the newest 200). */
export const askedThisWeek = (questions: readonly CartaQuestion[], now: number): number =>
  questions.filter((q) => now - new Date(q.askedAt).getTime() <= WEEK_MS).length;

/** The Carta at a glance: how big it is, what is due for review, and what citizens asked that it could not answer. */
export const SummaryCards = ({ items }: { items: readonly CartaListItem[] }) => {
  const unanswered = useApiGet<{ items: CartaQuestion[] }>(questionsPath('unanswered'));
  const [now] = useState(() => Date.now());
  const due = items.filter((i) => i.reviewDue).length;
  const week = unanswered.data ? askedThisWeek(unanswered.data.items, now) : undefined;
  return (
    <div className="stats carta__stats" aria-label="Resumo da Carta de Serviços">
      <StatCard label="Entradas" value={items.length} note={`${items.filter((i) => i.edited).length} editadas no console`} />
      <StatCard label="Revisão pendente" value={due} note="Fatos a confirmar ou revisão vencida" tone={due > 0 ? 'warning' : 'calm'} />
      {week === undefined ? (
        <section className="stat" aria-label="Sem resposta nesta semana">
          <h2 className="stat__label">Sem resposta nesta semana</h2>
          <p className="stat__note">{unanswered.error ? unanswered.error.message : 'Carregando…'}</p>
        </section>
      ) : (
        <StatCard label="Sem resposta nesta semana" value={week} note="Perguntas que o robô não soube responder" tone={week > 0 ? 'warning' : 'calm'} />
      )}
    </div>
  );
};
