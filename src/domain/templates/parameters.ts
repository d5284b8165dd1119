import { fail, ok, type Result } from '../requests/result.js';
import type { TemplateComponents } from './types.js';

const SLOT = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * The body's parameters in the order a send must give them: `1`…`n` for positional slots (Meta numbers them from 1
 * without gaps, so the highest number is the count), or each name once, in order of first appearance.
 */
export const bodyParameterNames = (body: string): string[] => {
  const slots = [...body.matchAll(SLOT)].map((m) => m[1] ?? '');
  if (slots.length > 0 && slots.every((s) => /^\d+$/.test(s))) {
    const highest = Math.max(...slots.map(Number));
    return Array.from({ length: highest }, (_, i) => String(i + 1));
  }
  return [...new Set(slots)];
};

const HEADER_LABELS = { TEXT: 'Texto', IMAGE: 'Imagem', VIDEO: 'Vídeo', DOCUMENT: 'Documento', LOCATION: 'Localização' } as const;

/**
 * The text a citizen would read: header, body with the parameters in place, footer, and the buttons as `[Título]`.
 * Parameters not given keep their `{{slot}}`, so a preview of an empty form shows where the values go.
 */
export const renderTemplatePreview = (template: { components: TemplateComponents }, parameters: readonly string[] = []): string => {
  const { header, body, footer, buttons } = template.components;
  const names = bodyParameterNames(body);
  const filled = body.replace(SLOT, (slot, name: string) => {
    const value = parameters[names.indexOf(name)];
    return value === undefined || value === '' ? slot : value;
  });
  const headerLine = header ? (header.format === 'TEXT' ? (header.text ?? '') : `[${HEADER_LABELS[header.format]}]`) : '';
  return [headerLine, filled, footer ?? '', buttons.map((b) => `[${b.text}]`).join(' ')].filter((part) => part !== '').join('\n\n');
};

export type ParameterErrorCode = 'parameter_count' | 'parameter_empty' | 'parameter_format';

const plural = (n: number): string => (n === 1 ? '1 parâmetro' : `${n} parâmetros`);

/**
 * Checks the body parameters of a send before Meta does: the count must match (else Meta answers 132000), none may be
 * empty, and none may hold line breaks, tabs or more than four spaces in a row (Meta refuses those too).
 * Gives the values trimmed, ready to send.
 */
export const validateTemplateParameters = (
  template: { name: string; parameterNames: readonly string[] },
  parameters: readonly string[],
): Result<string[], ParameterErrorCode> => {
  const expected = template.parameterNames.length;
  if (parameters.length !== expected) {
    const given = parameters.length === 1 ? 'foi informado 1' : `foram informados ${parameters.length}`;
    return fail('parameter_count', 'invalid_input', `O modelo ${template.name} pede ${plural(expected)}, mas ${given}.`, { expected, given: parameters.length });
  }
  const values = parameters.map((p) => p.trim());
  const empty = values.findIndex((v) => v === '');
  if (empty >= 0) return fail('parameter_empty', 'invalid_input', `Preencha o parâmetro {{${template.parameterNames[empty]}}}: ele não pode ficar vazio.`, { index: empty });
  const badFormat = values.findIndex((v) => /[\n\t]| {5,}/.test(v));
  if (badFormat >= 0) {
    return fail('parameter_format', 'invalid_input', `O parâmetro {{${template.parameterNames[badFormat]}}} não pode ter quebras de linha, tabulações nem mais de quatro espaços seguidos.`, { index: badFormat });
  }
  return ok(values);
};
