import { describe, expect, it } from 'vitest';
import { answerMessage, detailsMessage } from '../../console/src/features/carta/answer-preview.js';
import type { CartaEntry, CartaListItem } from '../../console/src/features/carta/carta-types.js';
import { draftOf, emptyDraft, entryOf, filterEntries, suggestedId, updateOf } from '../../console/src/features/carta/entry-draft.js';

const ENTRY: CartaEntry = {
  id: 'iptu-segunda-via',
  title: 'Segunda via do IPTU',
  category: 'impostos',
  provider: 'Secretaria Municipal da Fazenda (Sefin)',
  departmentId: null,
  answer: 'A *segunda via* sai no site.',
  requirements: ['documento com foto'],
  howToAsk: ['Acesse o site', 'Informe a inscrição'],
  deadline: null,
  cost: 'Gratuito',
  where: null,
  when: null,
  phones: ['(63) 3212-7426'],
  officialUrl: 'https://www.palmas.to.gov.br/',
  lastReviewed: '2026-11-29',
  review: { needed: true, note: 'Confirmar o endereço' },
  sources: ['CIVIC.md §4.3'],
  questions: ['como tiro a segunda via do iptu', 'perdi o boleto do iptu', 'boleto iptu', 'iptu atrasado'],
};

const item = (id: string, patch: Partial<CartaListItem> = {}): CartaListItem => ({
  id,
  title: id,
  category: 'impostos',
  provider: 'Sefin',
  lastReviewed: '2026-01-01',
  reviewNeeded: false,
  reviewDue: false,
  edited: false,
  answers30d: 0,
  ...patch,
});

describe('the entry editor draft', () => {
  it('goes from entry to draft and back unchanged', () => {
    expect(entryOf(draftOf(ENTRY))).toEqual(ENTRY);
  });

  it('reads lists one item per line, trimmed, blank lines dropped, and blank facts as unknown', () => {
    const draft = { ...draftOf(ENTRY), howToAsk: '  Ligue \n\n Vá ao Resolve Palmas\n', cost: '   ', officialUrl: '', departmentId: '' };
    const entry = entryOf(draft);
    expect(entry.howToAsk).toEqual(['Ligue', 'Vá ao Resolve Palmas']);
    expect(entry.cost).toBeNull();
    expect(entry.officialUrl).toBeNull();
    expect(entry.departmentId).toBeNull();
  });

  it('sends everything but the id, with markReviewed only when asked', () => {
    expect(updateOf(draftOf(ENTRY), false)).not.toHaveProperty('id');
    expect(updateOf(draftOf(ENTRY), false)).not.toHaveProperty('markReviewed');
    expect(updateOf(draftOf(ENTRY), true)).toMatchObject({ markReviewed: true, title: ENTRY.title });
  });

  it('keeps a blank review note as null, as the profile writes it', () => {
    const noted = { ...ENTRY, review: { needed: false, note: null } };
    expect(entryOf(draftOf(noted))).toEqual(noted);
    expect(entryOf({ ...draftOf(ENTRY), reviewNote: '  ' }).review.note).toBeNull();
  });

  it('starts a new entry marked for review, dated today', () => {
    const entry = entryOf(emptyDraft('2026-11-30', 'saude'));
    expect(entry).toMatchObject({ category: 'saude', lastReviewed: '2026-11-30', review: { needed: true }, howToAsk: [], phones: [] });
  });

  it('offers a kebab-case id from the title', () => {
    expect(suggestedId('Segunda via do IPTU')).toBe('segunda-via-do-iptu');
    expect(suggestedId('  Vacinação: UBS & UPAs! ')).toBe('vacinacao-ubs-upas');
  });
});

describe('the entries table filters', () => {
  const items = [
    item('iptu-segunda-via', { title: 'Segunda via do IPTU', edited: true }),
    item('vacinacao', { title: 'Vacinação', category: 'saude', reviewNeeded: true, reviewDue: true }),
    item('alvara', { title: 'Alvará de funcionamento', reviewDue: true }),
  ];
  const ids = (criteria: Parameters<typeof filterEntries>[1]) => filterEntries(items, criteria).map((i) => i.id);

  it('searches every word, ignoring accents and case', () => {
    expect(ids({ text: 'VACINACAO', category: '', filter: 'all' })).toEqual(['vacinacao']);
    expect(ids({ text: 'via iptu', category: '', filter: 'all' })).toEqual(['iptu-segunda-via']);
    expect(ids({ text: 'alvara', category: '', filter: 'all' })).toEqual(['alvara']);
  });

  it('filters by category, review state and edits', () => {
    expect(ids({ text: '', category: 'saude', filter: 'all' })).toEqual(['vacinacao']);
    expect(ids({ text: '', category: '', filter: 'review-needed' })).toEqual(['vacinacao']);
    expect(ids({ text: '', category: '', filter: 'review-due' })).toEqual(['vacinacao', 'alvara']);
    expect(ids({ text: '', category: '', filter: 'edited' })).toEqual(['iptu-segunda-via']);
  });
});

describe("the bot's Carta replies in the preview", () => {
  it('adds the public page to the answer only when it has a public address', () => {
    expect(answerMessage(ENTRY, 'https://whats.palmas.example/carta-de-servicos/iptu-segunda-via')).toBe(
      'A *segunda via* sai no site.\n\n🔗 Saiba mais: https://whats.palmas.example/carta-de-servicos/iptu-segunda-via',
    );
    expect(answerMessage(ENTRY, '/carta-de-servicos/iptu-segunda-via')).toBe('A *segunda via* sai no site.');
  });

  it('lists the known facts in "Mais detalhes", names the unknown ones once, and says what to confirm', () => {
    const text = detailsMessage(ENTRY);
    expect(text.startsWith('*Segunda via do IPTU*\n\n*O que levar:* \n• documento com foto')).toBe(true);
    expect(text).toContain('*Como pedir:* \n1. Acesse o site\n2. Informe a inscrição');
    expect(text).toContain('*Custo:* Gratuito');
    expect(text).toContain('*Telefones:* (63) 3212-7426');
    expect(text).toContain('ℹ️ Ainda não temos confirmado: onde, quando, prazo.');
    expect(text).toContain('⚠️ Informação a confirmar: Confirmar o endereço');
    expect(detailsMessage({ ...ENTRY, review: { needed: false, note: '' } })).not.toContain('⚠️');
  });
});
