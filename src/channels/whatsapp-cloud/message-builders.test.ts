import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { buttons, list, splitText, templateWithHeaderMedia, text, type Choice } from './message-builders.js';

const choices = (n: number, title = (i: number) => `Opção ${i + 1}`): Choice[] =>
  Array.from({ length: n }, (_, i) => ({ id: `opt-${i + 1}`, title: title(i) }));

describe('message builders keep within Meta limits', () => {
  it('splits a text over 4,096 characters on word boundaries', () => {
    const long = 'palavra '.repeat(1200);
    const parts = splitText(long);
    expect(parts.length).toBe(3);
    for (const part of parts) expect([...part].length).toBeLessThanOrEqual(LIMITS.textBody);
    expect(parts.join(' ')).toBe(long.trim());
    expect(text('oi')).toEqual([{ type: 'text', text: { body: 'oi', preview_url: false } }]);
  });

  it('sends up to three short choices as reply buttons', () => {
    const [message] = buttons('Está certo?', [{ id: 'yes', title: 'Sim' }, { id: 'no', title: 'Não, corrigir' }]);
    expect(message).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
  });

  it('turns four buttons, or a title over 20 characters, into a list', () => {
    expect(buttons('Escolha', choices(4))[0]).toMatchObject({ interactive: { type: 'list' } });
    expect(buttons('Escolha', [{ id: 'a', title: 'Um título comprido demais' }])[0]).toMatchObject({ interactive: { type: 'list' } });
  });

  it('splits a list of more than 10 rows into several lists', () => {
    const messages = list('Serviços', 'Ver serviços', choices(13));
    expect(messages).toHaveLength(2);
    const rows = messages.flatMap((m) => (m.type === 'interactive' && m.interactive.type === 'list' ? m.interactive.action.sections.flatMap((s) => s.rows) : []));
    expect(rows.map((r) => r.id)).toEqual(choices(13).map((c) => c.id));
    expect(messages[0]).toMatchObject({ interactive: { body: { text: 'Serviços (1/2)' } } });
  });

  it('shortens a row title over 24 characters and keeps the whole title as its description', () => {
    const [message] = list('Serviços', 'Ver', [{ id: 'x', title: 'Retirada de galhadas e árvores caídas' }]);
    const row = message?.type === 'interactive' && message.interactive.type === 'list' ? message.interactive.action.sections[0]?.rows[0] : undefined;
    expect([...(row?.title ?? '')].length).toBeLessThanOrEqual(LIMITS.rowTitle);
    expect(row?.description).toBe('Retirada de galhadas e árvores caídas');
  });

  it('falls back to numbered text when the body is too long for an interactive message', () => {
    const [message] = list('x'.repeat(1100), 'Ver', choices(2));
    expect(message?.type).toBe('text');
    expect(message?.type === 'text' && message.text.body).toContain('1. Opção 1\n2. Opção 2');
  });
});

describe('a broadcast template', () => {
  it('puts the header media before the body parameters', () => {
    expect(templateWithHeaderMedia('campanha_vacina', 'pt_BR', ['sábado'], { format: 'IMAGE', link: 'https://palmas.to.gov.br/cartaz.jpg' })).toEqual({
      type: 'template',
      template: {
        name: 'campanha_vacina',
        language: { code: 'pt_BR' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { link: 'https://palmas.to.gov.br/cartaz.jpg' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'sábado' }] },
        ],
      },
    });
  });

  it('is a plain template without header media', () => {
    expect(templateWithHeaderMedia('aviso', 'pt_BR', [], null)).toEqual({ type: 'template', template: { name: 'aviso', language: { code: 'pt_BR' } } });
  });
});
