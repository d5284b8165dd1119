import type { EngineContext } from './context.js';
import { menuReply } from './menu.js';
import type { Reply } from './reply.js';

/*
 * Replies that depend on what an effect found or created (a protocol number, a request's history, the stored
 * data); the application runs the effect and renders its result with these pure functions.
 */

export interface OpenedRequest {
  protocol: string;
  departmentName: string;
  /** Business days promised by the catalog, or null when the service has no deadline. */
  deadlineBusinessDays: number | null;
}

export const requestOpenedReplies = (ctx: EngineContext, opened: OpenedRequest): Reply[] => [
  {
    kind: 'text',
    body: ctx.t('request.opened', {
      protocol: opened.protocol,
      department: opened.departmentName,
      deadline: opened.deadlineBusinessDays ? ctx.t('request.deadline', { days: opened.deadlineBusinessDays }) : '',
    }),
  },
];

export interface RequestHistoryView {
  protocol: string;
  serviceName: string;
  status: string;
  updatedAt: number;
  history: Array<{ status: string; at: number }>;
}

const STATUS_KEYS = ['aberto', 'em_analise', 'encaminhado', 'em_execucao', 'concluido', 'indeferido', 'cancelado'];

const statusLabel = (ctx: EngineContext, status: string): string => (STATUS_KEYS.includes(status) ? ctx.t(`status.${status}`) : status);

const dayMonth = (at: number, timezone: string): string =>
  new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: '2-digit', timeZone: timezone }).format(new Date(at));

/** "25/11, 10h12" in the city's timezone. */
const dateTime = (at: number, timezone: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timezone })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}, ${parts.hour}h${parts.minute}`;
};

export const protocolReplies = (ctx: EngineContext, request: RequestHistoryView | undefined): Reply[] => {
  if (!request) return [{ kind: 'text', body: ctx.t('protocol.notFound') }];
  const timezone = ctx.city.calendar.timezone;
  const history = request.history.map((event) => `${statusLabel(ctx, event.status).toLowerCase()} ${dayMonth(event.at, timezone)}`).join(' → ');
  return [
    {
      kind: 'text',
      body: ctx.t('protocol.status', {
        protocol: request.protocol,
        service: request.serviceName,
        status: statusLabel(ctx, request.status),
        updated: dateTime(request.updatedAt, timezone),
        history,
      }),
    },
  ];
};

/** "meus dados": one line per thing we keep, in plain words. */
export const storedDataReplies = (ctx: EngineContext, lines: string[]): Reply[] => [
  menuReply(ctx, ctx.t('data.summary', { lines: lines.map((line) => `• ${line}`).join('\n') })),
];
