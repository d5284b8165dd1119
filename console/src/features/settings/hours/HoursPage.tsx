import { useApiGet } from '../../../api/use-api-get';
import { dayRange } from '../../../format/dates';
import { Card } from '../../../ui/Card';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';

interface Calendar {
  weekly_hours: Array<{ weekday: number; open: string; close: string }>;
  open_now: boolean;
  next_opening_text: string;
  holidays: Array<{ date: string; name: string; kind: 'feriado' | 'ponto_facultativo' | 'ponto_facultativo_parcial'; scope: string; opens_at: string | null; closes_at: string | null }>;
}

const WEEKDAYS = ['Domingo', 'Segunda-feira', 'Terça-feira', 'Quarta-feira', 'Quinta-feira', 'Sexta-feira', 'Sábado'];
const KINDS: Record<Calendar['holidays'][number]['kind'], string> = { feriado: 'Feriado', ponto_facultativo: 'Ponto facultativo', ponto_facultativo_parcial: 'Expediente reduzido' };

const hours = (text: string): string => text.replace(':', 'h');

/** When people answer the channel, as the bot applies it: the week, right now, and the holidays of the year ahead. */
export const HoursPage = () => {
  const calendar = useApiGet<Calendar>('/api/calendar');
  if (calendar.error) return <Notice tone="error">{calendar.error.message}</Notice>;
  const data = calendar.data;
  if (!data) return <Loading label="Carregando o calendário…" />;
  return (
    <div className="hours-layout">
      <Card title="Atendimento humano">
        <p className={data.open_now ? 'hours-now hours-now--open' : 'hours-now'}>{data.open_now ? 'Aberto agora.' : `Fechado agora. Próximo atendimento: ${data.next_opening_text}.`}</p>
        <ul className="hours-week">
          {WEEKDAYS.map((name, weekday) => {
            const shifts = data.weekly_hours.filter((s) => s.weekday === weekday);
            return (
              <li key={name}>
                <span>{name}</span>
                <span className={shifts.length ? undefined : 'muted'}>{shifts.length ? shifts.map((s) => `${hours(s.open)} às ${hours(s.close)}`).join(', ') : 'Fechado'}</span>
              </li>
            );
          })}
        </ul>
        <p className="card__lead">O horário e os feriados vêm do perfil da cidade (calendar.json). Fechamentos extras entram na aba Fechamentos.</p>
      </Card>
      <Card title="Feriados e pontos facultativos" aside={<span className="card__count">próximos 12 meses</span>}>
        {data.holidays.length === 0 ? (
          <EmptyState>Nenhum feriado cadastrado para os próximos 12 meses.</EmptyState>
        ) : (
          <ul className="hours-holidays">
            {data.holidays.map((h) => (
              <li key={`${h.date}-${h.name}`}>
                <span className="hours-holidays__day">{dayRange(h.date, h.date)}</span>
                <span>
                  {h.name}
                  <span className="table__sub">
                    {KINDS[h.kind]} · {h.scope}
                    {h.opens_at ? ` · atendimento a partir de ${hours(h.opens_at)}` : ''}
                    {h.closes_at ? ` · atendimento até ${hours(h.closes_at)}` : ''}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
};
