import type { CartaEntry } from './carta-types.js'; // .js: the unit tests type-check this file under Node's resolution

/** The buttons the bot sends under an answer from the Carta (their words come with the bot's texts). */
export const ANSWER_BUTTONS = ['Mais detalhes', 'Falar com atendente', 'Menu'] as const;

const section = (title: string, items: readonly string[], numbered = false): string[] =>
  items.length === 0 ? [] : [`*${title}*`, ...items.map((item, i) => (numbered ? `${i + 1}. ${item}` : `• ${item}`)), ''];

const fact = (title: string, value: string | null): string[] => (value ? [`*${title}:* ${value}`] : []);

/**
 * What "Mais detalhes" sends: the entry's facts in WhatsApp formatting. A fact the city has not confirmed is left out
 * rather than guessed; the official link and the public page are where to confirm it.
 */
export const detailsMessage = (entry: Pick<CartaEntry, 'title' | 'provider' | 'requirements' | 'howToAsk' | 'deadline' | 'cost' | 'where' | 'when' | 'phones' | 'officialUrl'>, publicUrl: string | null): string => {
  const lines = [
    `*${entry.title}*`,
    entry.provider ? `_${entry.provider}_` : '',
    '',
    ...section('Como pedir', entry.howToAsk, true),
    ...section('O que levar', entry.requirements),
    ...fact('Prazo', entry.deadline),
    ...fact('Custo', entry.cost),
    ...fact('Onde', entry.where),
    ...fact('Quando', entry.when),
    ...fact('Telefone', entry.phones.join(' · ') || null),
    ...fact('Site oficial', entry.officialUrl),
    ...fact('Carta de Serviços', publicUrl),
  ];
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};
