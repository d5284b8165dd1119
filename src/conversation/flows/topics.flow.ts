import type { BroadcastTopic } from '../../config/city-profile.js';
import type { EngineContext, Outcome, Turn } from '../context.js';
import { confirmOptOut } from './account.flow.js';
import { answerOf, goTo } from '../outcome.js';
import type { Effect, Option, Reply } from '../reply.js';
import type { ConversationState } from '../state.js';
import { pickOption, plain } from '../words.js';

const ALL = 'topics:all';
const NONE = 'topics:none';
const TOPIC = 'topic:';
/** A list row title holds 24 characters; the check mark needs two of them. */
const ROW_TITLE = 24;

const topicsOf = (ctx: EngineContext): BroadcastTopic[] => ctx.city.broadcastTopics;

/** "Saúde, Eventos e Chuvas e Defesa Civil", in the city's order. */
export const topicNames = (ctx: EngineContext, ids: readonly string[]): string => {
  const titles = topicsOf(ctx).filter((t) => ids.includes(t.id)).map((t) => t.title);
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')}${ctx.t('topics.and')}${titles.at(-1)}`;
};

const topicOptions = (ctx: EngineContext, received: readonly string[]): Option[] => [
  { id: ALL, title: ctx.t('topics.all'), description: ctx.t('topics.allDescription') },
  ...topicsOf(ctx).map((topic) => ({
    id: `${TOPIC}${topic.id}`,
    title: received.includes(topic.id) && topic.title.length <= ROW_TITLE - 2 ? `✓ ${topic.title}` : topic.title,
    description: topic.description,
  })),
  { id: NONE, title: ctx.t('topics.none'), description: ctx.t('topics.noneDescription') },
];

const topicsList = (ctx: EngineContext, received: readonly string[]): Reply => ({
  kind: 'list',
  body: ctx.t('topics.choose', { current: received.length > 0 ? ctx.t('topics.current', { topics: topicNames(ctx, received) }) : '' }),
  button: ctx.t('topics.button'),
  options: topicOptions(ctx, received),
});

/** AVISOS: the city's topics, the ones received marked, to join or leave one, all, or none. */
export const chooseTopics = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome =>
  goTo(state, { name: 'chooseTopics' }, [topicsList(ctx, turn.citizen.topics)]);

/** "meus avisos": what they receive. */
export const describeTopics = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome => {
  const received = turn.citizen.optedIn ? turn.citizen.topics : [];
  const body = received.length > 0 ? ctx.t('topics.mine', { topics: topicNames(ctx, received) }) : ctx.t('topics.mineNone');
  return goTo(state, { name: 'menu' }, [{ kind: 'text', body }]);
};

/** Joins or leaves one topic, saying which in the words recorded as the consent. */
const toggleTopic = (state: ConversationState, turn: Turn, ctx: EngineContext, topic: BroadcastTopic, join: boolean): Outcome => {
  const receives = turn.citizen.optedIn && turn.citizen.topics.includes(topic.id);
  if (join === receives) return goTo(state, { name: 'menu' }, [{ kind: 'text', body: ctx.t(join ? 'topics.alreadyIn' : 'topics.alreadyOut', { topic: topic.title }) }]);
  const body = ctx.t(join ? 'topics.added' : 'topics.removed', { topic: topic.title });
  const effect: Effect = { kind: 'set_topics', subscribe: join ? [topic.id] : [], unsubscribe: join ? [] : [topic.id], wording: body };
  return goTo(state, { name: 'menu' }, [{ kind: 'text', body }], [effect]);
};

/** Every topic, and the list itself: what "Quero receber" and "Todos os temas" mean. */
export const allTopicsEffects = (ctx: EngineContext, wording: string): Effect[] => [
  { kind: 'set_opt_in', optedIn: true, wording },
  { kind: 'set_topics', subscribe: topicsOf(ctx).map((t) => t.id), unsubscribe: [], wording },
];

const chosenInList = (turn: Turn, ctx: EngineContext): string | undefined => {
  const answer = answerOf(turn.content);
  if (answer === undefined) return undefined;
  if (turn.content.type === 'reply') return answer;
  return pickOption(answer, topicOptions(ctx, turn.citizen.topics).map((o) => ({ ...o, title: o.title.replace(/^✓ /, '') })))?.id;
};

/** Steps where free text is a new subject, not the answer to a question. */
const AT_REST: ReadonlySet<ConversationState['step']['name']> = new Set(['start', 'menu', 'chooseTopics']);

const OUT = /\b(nao quero|nao desejo|sair|parar|pare|cancelar|cancela|chega de|remover|tirar)\b/;
const ABOUT_NOTICES = /\b(aviso|avisos|alerta|alertas|noticia|noticias|informe|informes|receber)\b/;

/** "quero receber avisos de saúde", "não quero mais avisos de eventos": a topic and which way, or nothing. */
export const topicRequest = (text: string, topics: readonly BroadcastTopic[]): { topic: BroadcastTopic; join: boolean } | undefined => {
  const words = ` ${plain(text)} `;
  if (!ABOUT_NOTICES.test(words)) return undefined;
  const topic = topics.find((t) => [t.title, ...t.keywords].some((keyword) => words.includes(` ${plain(keyword)} `)));
  return topic ? { topic, join: !OUT.test(words) } : undefined;
};

/** The topics list's answers, and topics asked for in free text outside a request or registration. */
export const topicsStep = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  if (state.step.name === 'chooseTopics') {
    const chosen = chosenInList(turn, ctx);
    if (chosen === ALL) return goTo(state, { name: 'menu' }, [{ kind: 'text', body: ctx.t('optIn.done') }], allTopicsEffects(ctx, ctx.t('optIn.done')));
    if (chosen === NONE) return confirmOptOut(state, ctx);
    const topic = chosen?.startsWith(TOPIC) ? topicsOf(ctx).find((t) => `${TOPIC}${t.id}` === chosen) : undefined;
    if (topic) return toggleTopic(state, turn, ctx, topic, !(turn.citizen.optedIn && turn.citizen.topics.includes(topic.id)));
    if (turn.content.type !== 'text' && turn.content.type !== 'reply') return chooseTopics(state, turn, ctx);
  }
  // Anything else falls through to the menu, services and free text: never a dead end.
  if (turn.content.type !== 'text' || !AT_REST.has(state.step.name)) return undefined;
  const asked = topicRequest(turn.content.body, topicsOf(ctx));
  return asked ? toggleTopic(state, turn, ctx, asked.topic, asked.join) : undefined;
};
