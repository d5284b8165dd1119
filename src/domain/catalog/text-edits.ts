import type { Catalog, CatalogService } from './types.js';

/** The texts of a service a coordinator may reword; `prompt:<code>` is the question asked for one field. */
export type ServiceTextField = 'name' | 'menuTitle' | 'menuDescription' | 'guidance' | `prompt:${string}`;

export interface ServiceTextEdit {
  serviceCode: string;
  field: ServiceTextField;
  /** A list of messages for `guidance`, one text for the rest. */
  value: string | string[];
}

/**
 * WhatsApp's limits where each text goes: list rows (title 24, description 72), interactive bodies (1024). The
 * name appears in summaries and notices, so it is kept short enough to read on a phone.
 */
export const SERVICE_TEXT_LIMITS = { name: 100, menuTitle: 24, menuDescription: 72, message: 1024, guidanceMessages: 10 } as const;

export const PROMPT_PREFIX = 'prompt:';

/** Whether a service has this text: guidance only for information services, a prompt only for one of its fields. */
export const isServiceTextField = (service: CatalogService, field: string): field is ServiceTextField =>
  field === 'name' ||
  field === 'menuTitle' ||
  field === 'menuDescription' ||
  (field === 'guidance' && service.kind === 'information') ||
  (field.startsWith(PROMPT_PREFIX) && service.fields.some((f) => `${PROMPT_PREFIX}${f.code}` === field));

/** WhatsApp shows line breaks, so they are kept; runs of spaces and blank edges are not. */
const tidy = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const singleLine = (text: string): string => tidy(text).replace(/\s*\n\s*/g, ' ');

const lengthProblem = (text: string, max: number, what: string): string | undefined => {
  if (text.length === 0) return `${what}: escreva um texto.`;
  if (text.length > max) return `${what}: no máximo ${max} caracteres (tem ${text.length}).`;
  return undefined;
};

export type CheckedText = { ok: true; field: ServiceTextField; value: string | string[] } | { ok: false; problem: string };

/** Checks and tidies a new wording for one text of a service; the problem is said in Portuguese for the console. */
export const checkServiceText = (service: CatalogService, field: string, value: unknown): CheckedText => {
  if (!isServiceTextField(service, field)) return { ok: false, problem: `O texto "${field}" não existe para o serviço ${service.name}.` };
  if (field === 'guidance') {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { ok: false, problem: 'Orientações: envie uma lista de mensagens.' };
    const messages = (value as string[]).map(tidy).filter((m) => m.length > 0);
    if (messages.length === 0) return { ok: false, problem: 'Orientações: escreva ao menos uma mensagem.' };
    if (messages.length > SERVICE_TEXT_LIMITS.guidanceMessages) return { ok: false, problem: `Orientações: no máximo ${SERVICE_TEXT_LIMITS.guidanceMessages} mensagens.` };
    const problem = messages.map((m, i) => lengthProblem(m, SERVICE_TEXT_LIMITS.message, `Mensagem ${i + 1}`)).find(Boolean);
    return problem ? { ok: false, problem } : { ok: true, field, value: messages };
  }
  if (typeof value !== 'string') return { ok: false, problem: 'Envie o texto.' };
  if (field === 'name') return asChecked(field, singleLine(value), SERVICE_TEXT_LIMITS.name, 'Nome do serviço');
  if (field === 'menuTitle') return asChecked(field, singleLine(value), SERVICE_TEXT_LIMITS.menuTitle, 'Título no menu');
  if (field === 'menuDescription') return asChecked(field, singleLine(value), SERVICE_TEXT_LIMITS.menuDescription, 'Descrição no menu');
  return asChecked(field, tidy(value), SERVICE_TEXT_LIMITS.message, 'Pergunta');
};

const asChecked = (field: ServiceTextField, text: string, max: number, what: string): CheckedText => {
  const problem = lengthProblem(text, max, what);
  return problem ? { ok: false, problem } : { ok: true, field, value: text };
};

/** The text a service has now for a field (after edits, if applied to the catalog given). */
export const serviceText = (service: CatalogService, field: ServiceTextField): string | string[] | undefined => {
  if (field === 'name' || field === 'menuTitle' || field === 'menuDescription') return service[field];
  if (field === 'guidance') return service.guidance;
  return service.fields.find((f) => `${PROMPT_PREFIX}${f.code}` === field)?.prompt;
};

const withEdit = (service: CatalogService, { field, value }: ServiceTextEdit): CatalogService => {
  if (field === 'guidance') return Array.isArray(value) ? { ...service, guidance: value } : service;
  if (Array.isArray(value)) return service;
  if (field === 'name' || field === 'menuTitle' || field === 'menuDescription') return { ...service, [field]: value };
  return { ...service, fields: service.fields.map((f) => (`${PROMPT_PREFIX}${f.code}` === field ? { ...f, prompt: value } : f)) };
};

/**
 * The catalog with coordinators' wordings over the profile's. Edits are checked again, so one left behind by an
 * older profile (a service or field since removed, a limit since lowered) is ignored rather than shown to citizens.
 */
export const applyServiceTextEdits = (catalog: Catalog, edits: readonly ServiceTextEdit[]): Catalog => ({
  groups: catalog.groups,
  services: catalog.services.map((service) =>
    edits
      .filter((edit) => edit.serviceCode === service.code && checkServiceText(service, edit.field, edit.value).ok)
      .reduce(withEdit, service),
  ),
});
