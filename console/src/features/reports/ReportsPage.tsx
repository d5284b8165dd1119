import { useState } from 'react';
import { useDepartments } from '../../api/departments';
import { useApiGet } from '../../api/use-api-get';
import { useCatalogNames, useConsole } from '../../app/console-context';
import { shortDay } from '../../format/dates';
import { formatDecimal, formatInteger, formatPercent } from '../../format/numbers';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { CountBars } from '../dashboard/CountBars';
import { BrazilTileMap } from './BrazilTileMap';
import { DailyChart } from './DailyChart';
import { addressOf, cityToday, periodFromAddress, PRESETS, type Period } from './period';
import { ReportFigures } from './ReportFigures';
import { summaryPath, type Summary } from './reports-api';
import './reports.css';

export const REPORTS_ROOT = '/relatorios';
const NO_SUBJECT = '-';

const countryName = (code: string): string => {
  if (code === '?') return 'Desconhecido';
  try {
    return new Intl.DisplayNames(['pt-BR'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** What the coordinators report: messages by subject, state and hours; citizens; requests; each against the period before. */
export const ReportsPage = () => {
  const { config } = useConsole();
  const { serviceName, statusLabel } = useCatalogNames();
  const { shortName } = useDepartments();
  const today = cityToday(config.city.timezone);
  const [period, setPeriod] = useState(() => periodFromAddress(window.location.search, today));
  const summary = useApiGet<Summary>(summaryPath(period.from, period.to));
  // The period lives in the address too, so a link or a reload shows the same report.
  const choose = (next: Period) => {
    setPeriod(next);
    window.history.replaceState(null, '', `${REPORTS_ROOT}${addressOf(next)}`);
  };
  const groupName = (id: string) => (id === NO_SUBJECT ? 'Sem assunto (cumprimentos, menu)' : (config.groups.find((g) => g.id === id)?.title ?? id));
  const subjectName = (code: string) => (code === NO_SUBJECT ? 'Sem assunto (cumprimentos, menu)' : serviceName(code));

  return (
    <>
      <PageHeader
        title="Relatórios"
        subtitle={`${shortDay(period.from)} a ${shortDay(period.to)}, comparado com ${summary.data ? `${shortDay(summary.data.previous.from)} a ${shortDay(summary.data.previous.to)}` : 'o período anterior'}`}
        actions={<a className="button button--secondary" href={summaryPath(period.from, period.to, 'csv')}>Baixar CSV</a>}
      />
      <form className="period-picker" aria-label="Período" onSubmit={(e) => e.preventDefault()}>
        {PRESETS.map((preset) => {
          const p = preset.period(today);
          const current = p.from === period.from && p.to === period.to;
          return (
            <button key={preset.id} type="button" className="period-picker__preset" aria-pressed={current} onClick={() => choose(p)}>
              {preset.label}
            </button>
          );
        })}
        <label className="period-picker__day">
          De <input type="date" className="input input--compact" value={period.from} max={period.to} onChange={(e) => e.target.value && choose({ ...period, from: e.target.value })} />
        </label>
        <label className="period-picker__day">
          até <input type="date" className="input input--compact" value={period.to} min={period.from} onChange={(e) => e.target.value && choose({ ...period, to: e.target.value })} />
        </label>
      </form>
      {summary.error && <Notice tone="error">{summary.error.message}</Notice>}
      {!summary.data ? (
        !summary.error && <Loading label="Calculando…" />
      ) : (
        <div className="stack">
          <ReportFigures summary={summary.data} />
          <Card title="Mensagens por dia">
            {summary.data.by_day.length === 0 ? <p className="card__lead">Nenhuma mensagem no período.</p> : <DailyChart days={summary.data.by_day} />}
          </Card>
          <div className="report-columns">
            <Card title="Assuntos das mensagens">
              <CountBars counts={summary.data.by_group} nameOf={groupName} empty="Nenhuma mensagem no período." />
              <details className="report-details">
                <summary>Por serviço</summary>
                <CountBars counts={summary.data.by_service} nameOf={subjectName} empty="Nenhuma mensagem no período." />
              </details>
            </Card>
            <Card title="De onde escrevem">
              <div className="origin">
                <BrazilTileMap counts={summary.data.by_state} />
                <div>
                  <CountBars counts={summary.data.by_state} nameOf={(uf) => (uf === '?' ? 'DDD desconhecido' : uf)} empty="Nenhuma mensagem de número brasileiro." />
                  <h3 className="subheading">Outros países</h3>
                  <CountBars
                    counts={Object.fromEntries(Object.entries(summary.data.by_country).filter(([code]) => code !== 'BR'))}
                    nameOf={countryName}
                    empty="Nenhuma mensagem de outro país."
                  />
                </div>
              </div>
            </Card>
          </div>
          <div className="report-columns">
            <Card title="Horário de atendimento">
              <CountBars
                counts={{ inside: summary.data.messages_inside_hours, outside: summary.data.messages_outside_hours }}
                nameOf={(k) => (k === 'inside' ? 'No horário (seg–sex, 13h30–18h)' : 'Fora do horário')}
                empty="Nenhuma mensagem no período."
              />
              <p className="card__lead">
                Primeira resposta de um atendente:{' '}
                {summary.data.first_response.average_minutes === null ? 'sem atendimentos no período' : `em média ${formatInteger(summary.data.first_response.average_minutes)} min úteis (${formatInteger(summary.data.first_response.count)} atendimentos)`}.
              </p>
            </Card>
            <Card title="Cidadãos">
              <dl className="report-list">
                <div><dt>Escreveram pela primeira vez</dt><dd>{formatInteger(summary.data.citizens)}</dd></div>
                <div><dt>Cadastrados (hoje)</dt><dd>{formatInteger(summary.data.citizens_registered)}</dd></div>
                <div><dt>Recebem avisos (hoje)</dt><dd>{formatInteger(summary.data.citizens_opted_in)}</dd></div>
              </dl>
            </Card>
          </div>
          <div className="report-columns">
            <Card title="Pedidos por secretaria">
              <CountBars counts={summary.data.requests.by_department} nameOf={(id) => shortName(id)} empty="Nenhum pedido aberto no período." />
              <h3 className="subheading">Encerrados por situação</h3>
              <CountBars counts={summary.data.requests.closed_by_status} nameOf={statusLabel} empty="Nenhum pedido encerrado no período." />
            </Card>
            <Card title="Onde mais pedem">
              <CountBars counts={Object.fromEntries(summary.data.requests.top_places.map((p) => [p.name, p.n]))} nameOf={(name) => name} empty="Nenhum pedido com local no período." />
              <p className="card__lead">
                Avaliação dos cidadãos:{' '}
                {summary.data.requests.ratings.average === null ? 'nenhuma no período' : `${formatDecimal(summary.data.requests.ratings.average)} de 5 (${formatInteger(summary.data.requests.ratings.count)} avaliações)`}
                {summary.data.requests.on_time_rate === null ? '' : ` · ${formatPercent(summary.data.requests.on_time_rate)} dentro do prazo`}.
              </p>
            </Card>
          </div>
        </div>
      )}
    </>
  );
};
