import { describe, expect, it } from 'vitest';
import { bodyParameterNames, renderTemplatePreview, validateTemplateParameters } from './parameters.js';
import type { TemplateComponents } from './types.js';

const components = (body: string, extra: Partial<TemplateComponents> = {}): { components: TemplateComponents } => ({
  components: { header: null, body, footer: null, buttons: [], ...extra },
});

describe('template parameters', () => {
  it('counts positional slots by their highest number and named slots once each', () => {
    expect(bodyParameterNames('Olá {{1}}, seu pedido {{2}} ({{1}}).')).toEqual(['1', '2']);
    expect(bodyParameterNames('Olá {{nome}}, protocolo {{protocolo}}; {{nome}}')).toEqual(['nome', 'protocolo']);
    expect(bodyParameterNames('Sem parâmetros.')).toEqual([]);
  });

  it('renders what the citizen reads, leaving slots without a value visible', () => {
    const template = components('Olá, {{1}}! Protocolo {{2}}.', { header: { format: 'IMAGE', text: null }, footer: 'Prefeitura de Palmas', buttons: [{ type: 'QUICK_REPLY', text: 'Ok' }] });
    expect(renderTemplatePreview(template, ['Maria'])).toBe('[Imagem]\n\nOlá, Maria! Protocolo {{2}}.\n\nPrefeitura de Palmas\n\n[Ok]');
    expect(renderTemplatePreview(components('Oi {{nome}}'), ['Ana'])).toBe('Oi Ana');
  });

  it('refuses a wrong count (Meta 132000), an empty value and line breaks, in Portuguese', () => {
    const template = { name: 'protocolo_atualizado', parameterNames: ['1', '2'] };
    expect(validateTemplateParameters(template, ['a'])).toMatchObject({ ok: false, error: { code: 'parameter_count', message: 'O modelo protocolo_atualizado pede 2 parâmetros, mas foi informado 1.' } });
    expect(validateTemplateParameters(template, ['a', '  '])).toMatchObject({ ok: false, error: { code: 'parameter_empty', message: 'Preencha o parâmetro {{2}}: ele não pode ficar vazio.' } });
    expect(validateTemplateParameters(template, ['a\nb', 'c'])).toMatchObject({ ok: false, error: { code: 'parameter_format' } });
    expect(validateTemplateParameters(template, [' Maria ', '2026-000123'])).toEqual({ ok: true, value: ['Maria', '2026-000123'] });
  });
});
