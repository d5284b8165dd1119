import type { CartaEntry } from '../../config/city/carta.schema.js';
import { cartaPageUrl } from '../../domain/carta/links.js';
import type { EngineContext, Outcome, Turn } from '../context.js';
import { goTo } from '../outcome.js';
import type { Option, Reply } from '../reply.js';
import type { ConversationState } from '../state.js';
import { plain } from '../words.js';

const MORE = 'carta:more:';
const NOT_IT = 'carta:no:';
const MENU: Option['id'] = 'cmd:menu';
const HUMAN: Option['id'] = 'cmd:human';

/** A message of a few words that is not a command: worth keeping as a question the Carta could not answer. */
export const looksLikeAsk = (text: string): boolean => text.includes('?') || plain(text).split(/\s+/).filter((w) => w.length > 1).length >= 3;

const exits = (ctx: EngineContext): Option[] => [
  { id: MENU, title: ctx.t('carta.menu') },
  { id: HUMAN, title: ctx.t('carta.human') },
];

const entryOf = (ctx: EngineContext, id: string): CartaEntry | undefined => ctx.city.carta.entries.find((e) => e.id === id);

/** The entry's short answer, its public page when PUBLIC_URL is set, and three ways on. */
export const answerFromCarta = (state: ConversationState, ctx: EngineContext, entryId: string, text: string): Outcome | undefined => {
  const entry = entryOf(ctx, entryId);
  if (!entry) return undefined;
  const link = ctx.publicUrl ? `\n\n${ctx.t('carta.link', { url: cartaPageUrl(ctx.publicUrl, entry.id) })}` : '';
  const reply: Reply = {
    kind: 'buttons',
    body: `${entry.answer}${link}`,
    options: [
      { id: `${MORE}${entry.id}`, title: ctx.t('carta.more') },
      { id: `${NOT_IT}${entry.id}`, title: ctx.t('carta.notIt') },
      { id: HUMAN, title: ctx.t('carta.human') },
    ],
  };
  return goTo(state, { name: 'menu' }, [reply], [{ kind: 'record_carta_question', text, entryId: entry.id }]);
};

/** Nothing in the Carta answers it: say so, keep the question for the team, and offer the menu or a person. */
export const noCartaAnswer = (state: ConversationState, ctx: EngineContext, text: string): Outcome =>
  goTo(state, { name: 'menu' }, [{ kind: 'buttons', body: ctx.t('carta.noAnswer'), options: exits(ctx) }], [{ kind: 'record_carta_question', text, entryId: null }]);

const line = (label: string, value: string): string => `*${label}:* ${value}`;

/** Every known fact of the entry; the unknown ones are named once, with how to confirm them. */
const details = (ctx: EngineContext, entry: CartaEntry): string => {
  const known: string[] = [];
  const unknown: string[] = [];
  const fact = (key: string, value: string | null) => (value ? known.push(line(ctx.t(`carta.field.${key}`), value)) : unknown.push(ctx.t(`carta.field.${key}`).toLowerCase()));
  if (entry.requirements.length > 0) known.push(`${line(ctx.t('carta.field.requirements'), '')}\n${entry.requirements.map((r) => `• ${r}`).join('\n')}`);
  known.push(`${line(ctx.t('carta.field.howToAsk'), '')}\n${entry.howToAsk.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
  fact('where', entry.where);
  fact('when', entry.when);
  fact('cost', entry.cost);
  fact('deadline', entry.deadline);
  if (entry.phones.length > 0) known.push(line(ctx.t('carta.field.phones'), entry.phones.join(' · ')));
  if (entry.officialUrl) known.push(line(ctx.t('carta.field.officialUrl'), entry.officialUrl));
  if (unknown.length > 0) known.push(ctx.t('carta.unknown', { fields: unknown.join(', ') }));
  if (entry.review.needed) known.push(ctx.t('carta.review', { note: entry.review.note || ctx.t('carta.reviewDefault') }));
  return `*${entry.title}*\n\n${known.join('\n\n')}`.slice(0, 1024);
};

/** The buttons under a Carta answer: more details, "não era isso", and the ways out. */
export const cartaStep = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  if (turn.content.type !== 'reply') return undefined;
  const { id } = turn.content;
  if (id.startsWith(MORE)) {
    const entry = entryOf(ctx, id.slice(MORE.length));
    if (!entry) return undefined;
    return goTo(state, { name: 'menu' }, [{ kind: 'buttons', body: details(ctx, entry), options: [{ id: `${NOT_IT}${entry.id}`, title: ctx.t('carta.notIt') }, ...exits(ctx)] }]);
  }
  if (id.startsWith(NOT_IT)) return goTo(state, { name: 'menu' }, [{ kind: 'buttons', body: ctx.t('carta.sorry'), options: exits(ctx) }], [{ kind: 'carta_not_helpful' }]);
  return undefined;
};
