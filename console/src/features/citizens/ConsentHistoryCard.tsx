import { useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import type { CitizenRecord } from './citizens-api';

const CHANNELS: Record<string, string> = { whatsapp: 'pelo WhatsApp', console: 'registrado no console' };

/** The broadcast topics received now and every consent given or withdrawn, with the words the citizen saw. */
export const ConsentHistoryCard = ({ citizen }: { citizen: CitizenRecord }) => {
  const { config } = useConsole();
  const topicTitle = (id: string | null) => config.topics.find((t) => t.id === id)?.title ?? id ?? '';
  // In the city's order, as the citizen saw them.
  const received = config.topics.filter((t) => citizen.topics.includes(t.id)).map((t) => t.title);
  const what = (c: CitizenRecord['consents'][number]): string => {
    if (c.subject === 'privacy') return c.granted ? 'Aceitou o aviso de privacidade' : 'Recusou o aviso de privacidade';
    if (c.subject === 'broadcasts') return c.granted ? 'Entrou na lista de avisos' : 'Saiu da lista de avisos';
    return c.granted ? `Passou a receber avisos de ${topicTitle(c.topic_id)}` : `Deixou de receber avisos de ${topicTitle(c.topic_id)}`;
  };
  return (
    <Card title="Avisos e consentimentos">
      <p className="card__lead">{citizen.topics.length > 0 ? `Recebe avisos de: ${received.join(', ')}.` : 'Não recebe avisos da Prefeitura.'}</p>
      {citizen.consents.length === 0 ? (
        <EmptyState>Nenhum consentimento registrado.</EmptyState>
      ) : (
        <ul className="citizen-list" aria-label="Histórico de consentimentos">
          {citizen.consents.map((c, index) => (
            <li key={`${c.at}-${index}`} className="citizen-list__item">
              <div>
                <span className="citizen-list__title">{what(c)}</span>
                <p className="citizen-list__meta">
                  {dateTime(c.at, config.city.timezone)}, {CHANNELS[c.channel] ?? c.channel}
                </p>
                <details className="consent-wording">
                  <summary>Texto mostrado</summary>
                  <p>{c.wording}</p>
                </details>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
};
