import { useEffect } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import { formatInteger } from '../../format/numbers';
import { Notice } from '../../ui/Notice';

interface ChannelStatus {
  sending_paused: { code: number; since: string } | null;
  graph_unavailable: { since: string } | null;
  waiting: { count: number; oldest_since: string | null };
}

const CHECK_EVERY_MS = 30_000;

const waitingLine = ({ count }: ChannelStatus['waiting']): string =>
  count === 0 ? '' : ` ${formatInteger(count)} ${count === 1 ? 'mensagem espera' : 'mensagens esperam'} e ${count === 1 ? 'sai' : 'saem'} assim que voltar.`;

/** On every page, when WhatsApp messages are not going out: why, since when, and what happens next. */
export const ChannelAlert = () => {
  const { config, user } = useConsole();
  const { data, reload } = useApiGet<ChannelStatus>('/api/operations/channel');
  useEffect(() => {
    const timer = setInterval(reload, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (!data) return null;
  const when = (iso: string) => dateTime(iso, config.city.timezone);
  if (data.sending_paused) {
    const fix = user.role === 'admin' ? ' Troque o token de acesso (WHATSAPP_ACCESS_TOKEN) e reinicie, ou rode whats-palmas channel resume.' : ' Avise a equipe de TI.';
    return (
      <Notice tone="error">
        <strong>Mensagens do WhatsApp paradas</strong> desde {when(data.sending_paused.since)}: a Meta recusou o token de acesso (erro {data.sending_paused.code}).{waitingLine(data.waiting)}{fix}
      </Notice>
    );
  }
  if (data.graph_unavailable) {
    return (
      <Notice tone="error">
        <strong>A Meta não está respondendo</strong> desde {when(data.graph_unavailable.since)}. O envio tenta de novo sozinho a cada poucos segundos.{waitingLine(data.waiting)}
      </Notice>
    );
  }
  return null;
};
