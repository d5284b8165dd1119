import { StemmerPt } from '@nlpjs/lang-pt';
import { createNormalizer, type Lexicon } from './normalize-text.js';

/**
 * Words that say how someone asks, not what about ("como", "onde", "preciso"), already without accents. Question
 * words are here on purpose: a question's subject is in its other words.
 */
const STOPWORDS = new Set(
  (
    'a ao aos aquela aquele aquilo as ate com como da das de dela dele depois do dos e ela ele em entre essa esse esta este eu isso isto ja lhe mais mas me ' +
    'mesmo meu meus minha minhas muito na nao nas nem no nos nossa nosso num numa o os ou para pela pelas pelo pelos por quais qual quando que quem se sem ' +
    'seu seus so sua suas tambem te um uma umas uns voce voces onde quanto quanta quantos quantas gostaria queria quero preciso precisa precisamos posso ' +
    'pode podem tem ter tenho sobre oi ola bom boa dia tarde noite favor estou esta estao sei saber alguem ai aqui la ja fazer faco faz fiz consigo ' +
    'consegue vou vai ir eh ser sou foi era alguma algum informacao informacoes duvida ajuda obrigado obrigada prefeitura palmas'
  ).split(' '),
);

export interface SearchTerms {
  /** Text → the stems a search indexes and looks up: normalised (accents, chat spelling, lexicon), stopwords out. */
  (text: string): string[];
}

/** The one tokenizer for the Carta's search: documents and questions are cut the same way. */
export const createSearchTerms = (lexicon: Lexicon): SearchTerms => {
  const normalize = createNormalizer(lexicon);
  const stemmer = new StemmerPt();
  return (text) =>
    normalize(text)
      .split(' ')
      .filter((word) => word.length > 1 && !STOPWORDS.has(word))
      .map((word) => stemmer.stem(word));
};
