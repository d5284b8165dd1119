import type { MessageTemplate, TemplateParameter } from '../../config/city-profile.js';
import type { EngineContext } from '../../conversation/engine.js';
import { noticeReplies } from '../../conversation/follow-ups.js';
import type { Reply } from '../../conversation/reply.js';
import type { Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { RequestNotice, RequestNotifier } from '../requests/index.js';

/**
 * Free-form messages go only while WhatsApp's 24-hour customer-service window is open. The notice is sent a moment
 * after it is queued, so a window about to close counts as closed: a template arrives where free text would be
 * refused (131047).
 */
export const FREE_FORM_WINDOW_MS = 23 * 60 * 60 * 1000;

export interface NoticeTemplates {
  requestOpened: MessageTemplate;
  requestStatus: MessageTemplate;
  requestConcluded: MessageTemplate;
}

export interface RequestNotifierDeps {
  repos: Repositories;
  engine: EngineContext;
  templates: NoticeTemplates;
  /** Turns a reply into the channel's message bodies. */
  render: (reply: Reply) => object[];
  /** Builds the channel's template message: body parameters in order, then quick-reply payloads. */
  template: (name: string, language: string, parameters: string[], quickReplyPayloads: string[]) => object;
}

const templateCall = (deps: RequestNotifierDeps, notice: RequestNotice): object => {
  const { templates, engine } = deps;
  const values: Record<TemplateParameter, string> =
    notice.kind === 'opened'
      ? { protocol: notice.protocol, service: notice.serviceName, department: notice.departmentName, status: engine.t('status.aberto'), note: '' }
      : { protocol: notice.protocol, service: notice.serviceName, department: '', status: engine.t(`status.${notice.status}`), note: notice.note ?? '' };
  const chosen = notice.kind === 'opened' ? templates.requestOpened : notice.askFeedback ? templates.requestConcluded : templates.requestStatus;
  const payloads = chosen === templates.requestConcluded ? [`fb:yes:${notice.protocol}`, `fb:no:${notice.protocol}`].slice(0, chosen.quickReplies.length) : [];
  return deps.template(chosen.name, chosen.language, chosen.parameters.map((name) => values[name]), payloads);
};

/**
 * Queues request notices in the outbox, in the caller's transaction: as a free-form message (with buttons) inside
 * the 24-hour window, with the template as its fallback, and as the city's approved template outside it. A citizen
 * never seen on WhatsApp gets nothing.
 */
export const requestNotifier = (deps: RequestNotifierDeps): RequestNotifier => ({
  async notify(tx: Tx, citizenKey: string, notice: RequestNotice, idempotencyKey: string, now: number): Promise<void> {
    const citizen = await deps.repos.citizens.byKey(tx, citizenKey);
    if (!citizen) return;
    const template = templateCall(deps, notice);
    const insideWindow = now - Number(citizen.last_inbound_at) < FREE_FORM_WINDOW_MS;
    const messages = insideWindow ? noticeReplies(deps.engine, notice).flatMap(deps.render) : [template];
    await deps.repos.outbox.enqueue(
      tx,
      messages.map((payload, index) => ({
        idempotencyKey: `${idempotencyKey}:${index}`,
        recipient: citizenKey,
        payload,
        cause: idempotencyKey,
        // Should the window close before it goes out anyway, the first message becomes the template.
        ...(insideWindow && index === 0 ? { fallback: template } : {}),
      })),
      now,
    );
  },
});
