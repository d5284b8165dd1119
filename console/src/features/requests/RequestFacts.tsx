import { useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import { formatPhone } from '../inbox/phone';
import { Fact, Facts } from '../../ui/Facts';
import type { RequestDetail } from './requests-api';

const CHANNELS: Record<string, string> = { whatsapp: 'WhatsApp', phone: 'Telefone', counter: 'Balcão', open311: 'Open311' };

const person = (p: { name: string | null; phone: string | null }): string => [p.name, p.phone ? formatPhone(p.phone) : null].filter(Boolean).join(' · ') || '—';

/** The request's facts: where it came from, who reported, deadlines, and what the citizen said of the result. */
export const RequestFacts = ({ request }: { request: RequestDetail }) => {
  const { config } = useConsole();
  const when = (iso: string) => dateTime(iso, config.city.timezone);
  const { reporter, feedback } = request;
  return (
    <Facts>
      <Fact term="Secretaria">{request.department.name}</Fact>
      <Fact term="Canal">{CHANNELS[request.channel] ?? request.channel}</Fact>
      <Fact term="Aberto em">{when(request.created_at)}</Fact>
      <Fact term="Prazo">{request.due_at ? <span className={request.overdue ? 'late' : undefined}>{when(request.due_at)}{request.overdue ? ' (atrasado)' : ''}</span> : 'Sem prazo definido'}</Fact>
      {request.closed_at && <Fact term="Encerrado em">{when(request.closed_at)}</Fact>}
      <Fact term="Quem pediu">
        {request.anonymous ? 'Denúncia anônima: quem pediu não é mostrado.' : reporter === null ? 'Visível só para a secretaria do pedido.' : reporter.citizen ? person(reporter.citizen) : reporter.caller ? `${person(reporter.caller)} (ligação)` : '—'}
      </Fact>
      <Fact term="Acompanham">{request.followers === 0 ? 'Ninguém além de quem pediu' : `${request.followers} pessoa(s) além de quem pediu`}</Fact>
      {feedback.at && (
        <Fact term="Avaliação do cidadão">
          {feedback.solved === false ? 'Disse que não foi resolvido' : 'Disse que foi resolvido'}
          {feedback.rating !== null ? ` · nota ${feedback.rating} de 5` : ''}
        </Fact>
      )}
    </Facts>
  );
};
