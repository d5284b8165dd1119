import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { managesQueues, type StaffViewer } from '../attendants/staff.js';
import { recordAudit } from '../audit/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import { findTemplateByName, validateTemplateParameters, type ParameterErrorCode } from '../templates/index.js';
import { normalizeAudience, resolveAudience, type AudienceErrorCode } from './audience.js';
import type { BroadcastAudience, BroadcastCity, BuildBroadcastMessage } from './types.js';
import { headerMediaFor, scheduleFor, type HeaderErrorCode, type ScheduleErrorCode } from './validate-broadcast.js';

export interface BroadcastsDeps {
  db: Db;
  repos: Repositories;
  city: BroadcastCity;
  buildMessage: BuildBroadcastMessage;
}

export interface NewBroadcastInput {
  title: string;
  template: { name: string; language: string; parameters: string[] };
  audience: Partial<BroadcastAudience>;
  headerMediaUrl?: string | undefined;
  /** Unix ms; none: now. */
  sendAt?: number | undefined;
}

export type CreateBroadcastError = 'forbidden' | 'invalid_title' | 'template_not_found' | 'template_not_approved' | ParameterErrorCode | HeaderErrorCode | AudienceErrorCode | ScheduleErrorCode;

export const FORBIDDEN_MESSAGE = 'Só coordenadores e administradores enviam e controlam avisos.';

/**
 * Schedules a broadcast of an approved template (with the right parameters) to an audience the city knows, at a time
 * outside the quiet hours; the runner starts it when that time comes. Audited.
 */
export const createBroadcast = async (deps: BroadcastsDeps, viewer: StaffViewer, input: NewBroadcastInput, now: number): Promise<Result<{ id: number }, CreateBroadcastError>> => {
  if (!managesQueues(viewer)) return fail('forbidden', 'forbidden', FORBIDDEN_MESSAGE);
  const title = input.title.trim();
  if (title === '') return fail('invalid_title', 'invalid_input', 'Dê um título ao aviso: é como a equipe o encontra depois.');
  const audience = normalizeAudience(input.audience);
  const filter = resolveAudience(deps.city, audience);
  if (!filter.ok) return filter;
  const { name, language } = input.template;
  const template = await findTemplateByName(deps.db, deps.repos, name, language);
  if (!template) return fail('template_not_found', 'invalid_input', `Não há o modelo ${name} (${language}) no registro: sincronize os modelos com a Meta ou cadastre-o.`);
  if (template.status !== 'APPROVED') return fail('template_not_approved', 'invalid_input', `O modelo ${name} está com status ${template.status}: só modelos aprovados pela Meta podem ser enviados.`);
  const parameters = validateTemplateParameters(template, input.template.parameters);
  if (!parameters.ok) return parameters;
  const headerMedia = headerMediaFor(template, input.headerMediaUrl);
  if (!headerMedia.ok) return headerMedia;
  const sendAt = scheduleFor(input.sendAt, now, deps.city.timezone);
  if (!sendAt.ok) return sendAt;
  const payload = deps.buildMessage({ name, language, parameters: parameters.value, headerMedia: headerMedia.value });
  return deps.db.transaction().execute(async (tx) => {
    const id = await deps.repos.broadcasts.insert(
      tx,
      { title, templateName: name, templateLanguage: language, parameters: parameters.value, headerMediaUrl: headerMedia.value?.link ?? null, payload: JSON.stringify(payload), audience: JSON.stringify(audience), sendAt: sendAt.value, createdBy: viewer.id },
      now,
    );
    const details = { title, template: name, language, send_at: new Date(sendAt.value).toISOString(), audience };
    await recordAudit(tx, deps.repos, { actorUserId: viewer.id, action: 'broadcast.created', subject: { type: 'broadcast', id: String(id) }, details }, now);
    return ok({ id });
  });
};

/** How many citizens an audience reaches right now (nobody is sent anything). */
export const countAudience = async (deps: Pick<BroadcastsDeps, 'db' | 'repos' | 'city'>, audience: Partial<BroadcastAudience>): Promise<Result<number, AudienceErrorCode>> => {
  const filter = resolveAudience(deps.city, normalizeAudience(audience));
  if (!filter.ok) return filter;
  return ok(await deps.repos.broadcastRecipients.countAudience(deps.db, filter.value));
};
