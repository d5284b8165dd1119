export type { Carta, CartaCategory, CartaEntry, CartaEntryFields } from '../../config/city/carta.schema.js';
export { CARTA_ANSWER_MAX, cartaEntryFieldsSchema, cartaEntrySchema } from '../../config/city/carta.schema.js';
export { CartaSearch, FIELD_BOOSTS, type CartaHit } from './search-index.js';
export { decideCarta, DEFAULT_CARTA_THRESHOLDS, looksLikeQuestion, type CartaDecision, type CartaThresholds, type ClassifierVerdict, type DecideInput } from './decide.js';
export { LiveCarta, markCartaChanged, type EntryEditInfo, type LiveCartaOptions } from './live-carta.js';
export { addCartaEntry, editCartaEntry, type EntryChange, type SaveEntryError } from './save-entry.js';
export {
  citizenRefOf,
  listCartaQuestions,
  markNotHelpful,
  NOT_HELPFUL_WINDOW_MS,
  QUESTIONS_LIMIT,
  recordCartaQuestion,
  resolveCartaQuestion,
  type CartaQuestionView,
  type QuestionKind,
  type ResolveQuestion,
} from './questions.js';
export { CARTA_REVIEW_MONTHS, cartaEntryDetail, cartaEntryItems, isReviewDue, type CartaEntryDetail, type CartaEntryItem } from './views.js';
export { cartaPageUrl, requestServiceCodes, todayIn } from './links.js';
export { understandQuestion, type QuestionDeps } from './understand.js';
export { cartaEvaluationSchema, evaluateCarta, labelOf, loadCartaEvaluation, type CartaCase, type CartaMiss, type CartaReport } from './evaluation.js';
