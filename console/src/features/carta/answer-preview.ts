import type { CartaEntry } from './carta-types.js'; // .js: the unit tests type-check this file under Node's resolution

/*
 * The bot's Carta replies as src/conversation/flows/carta.flow.ts composes them, with the words of
 * city/palmas/texts.pt-BR.json (carta.*). The console API does not send the bot's rendering, so this mirrors it:
 * change both together (see docs/carta.md, "In the console").
 */

/** Under the short answer. */
export const ANSWER_BUTTONS = ['Mais detalhes', 'Não era isso', 'Falar com alguém'] as const;
/** Under "Mais detalhes". */
export const DETAILS_BUTTONS = ['Não era isso', 'Ver o menu', 'Falar com alguém'] as const;

const DETAILS_MAX = 1024;

type PreviewEntry = Pick<CartaEntry, 'title' | 'answer' | 'requirements' | 'howToAsk' | 'deadline' | 'cost' | 'where' | 'when' | 'phones' | 'officialUrl' | 'review'>;

/** The short answer, and the public page when the server has a public address (PUBLIC_URL) to link to. */
export const answerMessage = (entry: Pick<CartaEntry, 'answer'>, publicUrl: string | null): string =>
  publicUrl && /^https?:\/\//.test(publicUrl) ? `${entry.answer}\n\n🔗 Saiba mais: ${publicUrl}` : entry.answer;

const line = (label: string, value: string): string => `*${label}:* ${value}`;

/** What "Mais detalhes" sends: every known fact, the unknown ones named once with how to confirm them, and the review note. */
export const detailsMessage = (entry: PreviewEntry): string => {
  const known: string[] = [];
  const unknown: string[] = [];
  const fact = (label: string, value: string | null) => (value ? known.push(line(label, value)) : unknown.push(label.toLowerCase()));
  if (entry.requirements.length > 0) known.push(`${line('O que levar', '')}\n${entry.requirements.map((r) => `• ${r}`).join('\n')}`);
  known.push(`${line('Como pedir', '')}\n${entry.howToAsk.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
  fact('Onde', entry.where);
  fact('Quando', entry.when);
  fact('Custo', entry.cost);
  fact('Prazo', entry.deadline);
  if (entry.phones.length > 0) known.push(line('Telefones', entry.phones.join(' · ')));
  if (entry.officialUrl) known.push(line('Site oficial', entry.officialUrl));
  if (unknown.length > 0) known.push(`ℹ️ Ainda não temos confirmado: ${unknown.join(', ')}. Confirme pelos telefones ou pelo site oficial antes de ir, ou fale com alguém por aqui.`);
  if (entry.review.needed) known.push(`⚠️ Informação a confirmar: ${entry.review.note || 'confirme com a Prefeitura antes de ir.'}`);
  return `*${entry.title}*\n\n${known.join('\n\n')}`.slice(0, DETAILS_MAX);
};
