import { describe, expect, it } from 'vitest';
import { toMetaComponents, toTemplateDraft } from './message-templates.js';

// Shaped like an item of Meta's `GET /{WABA_ID}/message_templates` answer.
const fromMeta = {
  id: 1689556908129832,
  name: 'protocolo_atualizado',
  language: 'pt_BR',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Protocolo {{1}}' },
    { type: 'BODY', text: 'Olá, {{1}}! Seu pedido mudou para {{2}}.' },
    { type: 'FOOTER', text: 'Prefeitura de Palmas' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Acompanhar', url: 'https://palmas.to.gov.br/p/{{1}}' }, { type: 'FLOW', text: 'Formulário' }, { type: 'QUICK_REPLY', text: 'Obrigado' }] },
  ],
};

describe("Meta's templates", () => {
  it('are read into drafts, leaving out buttons we cannot show, and written back in the same shape', () => {
    const draft = toTemplateDraft(fromMeta);
    expect(draft).toEqual({
      name: 'protocolo_atualizado',
      language: 'pt_BR',
      status: 'APPROVED',
      category: 'UTILITY',
      metaId: '1689556908129832',
      components: {
        header: { format: 'TEXT', text: 'Protocolo {{1}}' },
        body: 'Olá, {{1}}! Seu pedido mudou para {{2}}.',
        footer: 'Prefeitura de Palmas',
        buttons: [{ type: 'URL', text: 'Acompanhar', url: 'https://palmas.to.gov.br/p/{{1}}' }, { type: 'QUICK_REPLY', text: 'Obrigado' }],
      },
    });
    if (!draft) throw new Error('expected a draft');
    expect(toTemplateDraft({ ...fromMeta, components: toMetaComponents(draft.components) })?.components).toEqual(draft.components);
  });

  it('are skipped when their status or category is not one Meta documents', () => {
    expect(toTemplateDraft({ ...fromMeta, category: 'TRANSACTIONAL' })).toBeUndefined();
    expect(toTemplateDraft({ name: 'sem_id' })).toBeUndefined();
  });
});
