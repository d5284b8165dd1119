import type { EngineContext } from './context.js';
import { menuReply } from './menu.js';
import type { Option, Reply } from './reply.js';
import { isRequestStatus, type RequestNotice } from '../domain/requests/index.js';

/*
 * Replies that depend on what an effect found or created (a protocol number, a request's history, the stored
 * data); the application runs the effect and renders its result with these pure functions.
 */

export interface OpenedRequest {
  protocol: string;
  departmentName: string;
  /** Business days promised by the catalog, or null when the service has no deadline. */
  deadlineBusinessDays: number | null;
  /** The open request this report was linked to (same problem, nearby). */
  duplicateOf: { protocol: string } | null;
}

const deadlineText = (ctx: EngineContext, days: number | null): string => (days ? ctx.t('request.deadline', { days }) : '');

export const requestOpenedReplies = (ctx: EngineContext, opened: OpenedRequest): Reply[] => {
  if (opened.duplicateOf) return [{ kind: 'text', body: ctx.t('request.duplicate', { primary: opened.duplicateOf.protocol, protocol: opened.protocol }) }];
  return [
    {
      kind: 'text',
      body: ctx.t('request.opened', { protocol: opened.protocol, department: opened.departmentName, deadline: deadlineText(ctx, opened.deadlineBusinessDays) }),
    },
  ];
};

/** A notice about a request the citizen did not just ask about (status change, phone intake). */
export const noticeReplies = (ctx: EngineContext, notice: RequestNotice): Reply[] => {
  if (notice.kind === 'opened') {
    const vars = { protocol: notice.protocol, service: notice.serviceName, department: notice.departmentName, deadline: deadlineText(ctx, notice.deadlineBusinessDays) };
    return [{ kind: 'text', body: ctx.t('notice.opened', vars) }];
  }
  const vars = { protocol: notice.protocol, service: notice.serviceName, status: statusLabel(ctx, notice.status), note: notice.note ? ctx.t('notice.note', { note: notice.note }) : '' };
  if (!notice.askFeedback) return [{ kind: 'text', body: ctx.t('notice.status', vars) }];
  return [{ kind: 'buttons', body: ctx.t('notice.concluded', vars), options: verdictOptions(ctx, notice.protocol) }];
};

/** "Was it solved?" answers; their ids carry the protocol, so they work whatever the conversation is doing. */
export const verdictOptions = (ctx: EngineContext, protocol: string): Option[] => [
  { id: `fb:yes:${protocol}`, title: ctx.t('feedback.yes') },
  { id: `fb:no:${protocol}`, title: ctx.t('feedback.no') },
];

const RATINGS = [5, 4, 3, 2, 1] as const;

export type VerdictOutcome = { ok: true; protocol: string; reopened: boolean } | { ok: false };

export const verdictReplies = (ctx: EngineContext, outcome: VerdictOutcome): Reply[] => {
  if (!outcome.ok) return [{ kind: 'text', body: ctx.t('feedback.notApplicable') }];
  if (outcome.reopened) return [{ kind: 'text', body: ctx.t('feedback.reopened', { protocol: outcome.protocol }) }];
  return [
    {
      kind: 'list',
      body: ctx.t('feedback.rate'),
      button: ctx.t('feedback.rateButton'),
      options: RATINGS.map((rating) => ({ id: `rate:${outcome.protocol}:${rating}`, title: ctx.t(`feedback.rate${rating}`) })),
    },
  ];
};

export const ratingReplies = (ctx: EngineContext, rated: boolean): Reply[] => [{ kind: 'text', body: ctx.t(rated ? 'feedback.thanks' : 'feedback.notApplicable') }];

export interface RequestHistoryView {
  protocol: string;
  serviceName: string;
  status: string;
  updatedAt: number;
  history: Array<{ status: string; at: number }>;
}

const statusLabel = (ctx: EngineContext, status: string): string => (isRequestStatus(status) ? ctx.t(`status.${status}`) : status);

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
