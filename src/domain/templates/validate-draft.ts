import { fail, ok, type Result } from '../requests/result.js';
import { bodyParameterNames } from './parameters.js';
import type { TemplateComponents } from './types.js';

export const TEMPLATE_LIMITS = { name: 512, body: 1024, headerText: 60, footer: 60, buttonText: 25, buttons: 10, quickReplies: 3 } as const;

const NAME = /^[a-z0-9_]{1,512}$/;
const LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

type Problem = [field: string, message: string];

/** Meta's rules for a template, checked before a coordinator stores one by hand; each broken rule said in Portuguese. */
export const validateTemplateDraft = (draft: { name: string; language: string; components: TemplateComponents }): Result<void, 'invalid_template'> => {
  const problem = [...identityProblems(draft), ...bodyProblems(draft.components.body), ...otherProblems(draft.components)][0];
  return problem ? fail('invalid_template', 'invalid_input', problem[1], { field: problem[0] }) : ok(undefined);
};

const identityProblems = (draft: { name: string; language: string }): Problem[] => [
  ...(NAME.test(draft.name) ? [] : [['name', 'O nome do modelo usa só letras minúsculas sem acento, números e "_" (por exemplo: aviso_vacinacao).'] as Problem]),
  ...(LANGUAGE.test(draft.language) ? [] : [['language', 'Informe o idioma no formato da Meta, por exemplo pt_BR.'] as Problem]),
];

const bodyProblems = (body: string): Problem[] => {
  const problems: Problem[] = [];
  if (body.trim() === '') problems.push(['body', 'Escreva o texto do modelo.']);
  if (body.length > TEMPLATE_LIMITS.body) problems.push(['body', `O texto do modelo passa de ${TEMPLATE_LIMITS.body} caracteres.`]);
  const names = bodyParameterNames(body);
  const slots = new Set([...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => m[1]));
  if (slots.size > 0 && names.some((n) => !slots.has(n))) problems.push(['body', 'Os parâmetros do texto seguem em ordem, sem pular números: {{1}}, {{2}}, {{3}}…']);
  return problems;
};

const otherProblems = ({ header, footer, buttons }: TemplateComponents): Problem[] => {
  const problems: Problem[] = [];
  if (header?.format === 'TEXT' && !header.text?.trim()) problems.push(['header', 'Escreva o texto do cabeçalho ou escolha outro tipo.']);
  if ((header?.text?.length ?? 0) > TEMPLATE_LIMITS.headerText) problems.push(['header', `O cabeçalho passa de ${TEMPLATE_LIMITS.headerText} caracteres.`]);
  if ((footer?.length ?? 0) > TEMPLATE_LIMITS.footer) problems.push(['footer', `O rodapé passa de ${TEMPLATE_LIMITS.footer} caracteres.`]);
  if (buttons.length > TEMPLATE_LIMITS.buttons) problems.push(['buttons', `Um modelo tem no máximo ${TEMPLATE_LIMITS.buttons} botões.`]);
  if (buttons.filter((b) => b.type === 'QUICK_REPLY').length > TEMPLATE_LIMITS.quickReplies) problems.push(['buttons', `Um modelo tem no máximo ${TEMPLATE_LIMITS.quickReplies} botões de resposta rápida.`]);
  if (buttons.some((b) => b.text.trim() === '' || b.text.length > TEMPLATE_LIMITS.buttonText)) problems.push(['buttons', `Cada botão precisa de um título de até ${TEMPLATE_LIMITS.buttonText} caracteres.`]);
  if (buttons.some((b) => b.type === 'URL' && !b.url)) problems.push(['buttons', 'Informe o endereço (URL) do botão de link.']);
  if (buttons.some((b) => b.type === 'PHONE_NUMBER' && !b.phoneNumber)) problems.push(['buttons', 'Informe o telefone do botão de ligação.']);
  return problems;
};
