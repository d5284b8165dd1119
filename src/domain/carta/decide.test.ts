import { describe, expect, it } from 'vitest';
import { cartaTestProfile } from '../../../test/support/carta-profile.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { normalizeText } from '../../nlu/index.js';
import { decideCarta, looksLikeQuestion } from './decide.js';
import { requestServiceCodes } from './links.js';
import { CartaSearch } from './search-index.js';

const city = loadCityProfile(cartaTestProfile());
const search = new CartaSearch(city.carta.entries, city.carta.synonyms);
const requestServices = requestServiceCodes(city.catalog);
const decide = (text: string, serviceCode: string | null = null, confidence = 0) =>
  decideCarta({ text, classifier: { serviceCode, confidence }, search, requestServices, normalize: normalizeText }).decision;

describe('the Carta search', () => {
  it('finds entries without accents, with chat spelling, plural and synonyms', () => {
    expect(search.search('alvaras p/ minha loja')[0]?.id).toBe('alvara-funcionamento');
    expect(search.search('VACINAÇÃO')[0]?.id).toBe('vacinacao');
    expect(search.search('perdi o carnê do iptu')[0]).toMatchObject({ id: 'iptu-segunda-via', coverage: 1 });
    expect(search.search('como fazer')).toEqual([]);
  });

  it('ranks how citizens asked above words that only appear in an answer', () => {
    const hits = search.search('telefone da ouvidoria');
    expect(hits[0]?.id).toBe('ouvidoria');
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });
});

describe('the decision the bot and the console make', () => {
  it('answers a question from the Carta even when the classifier guessed a request service', () => {
    expect(decide('como tiro a segunda via do IPTU?')).toMatchObject({ kind: 'entry', id: 'iptu-segunda-via' });
    expect(decide('qual o telefone da zeladoria urbana?', 'tapa-buraco', 0.8)).toMatchObject({ kind: 'entry', id: 'zeladoria-contato' });
  });

  it('sends a report to the request flow and says none for what the base does not know', () => {
    expect(decide('tem um buraco enorme na minha rua', 'tapa-buraco', 0.95)).toEqual({ kind: 'service', id: 'tapa-buraco', score: 0.95 });
    expect(decide('qual o melhor time do brasil')).toEqual({ kind: 'none', id: null, score: 0 });
    expect(decide('preciso de orientação', 'saude-orientacao', 0.7)).toMatchObject({ kind: 'service', id: 'saude-orientacao' });
  });

  it('tells questions from reports', () => {
    expect(looksLikeQuestion('quanto custa o alvará', normalizeText)).toBe(true);
    expect(looksLikeQuestion('poste apagado na minha rua', normalizeText)).toBe(false);
  });
});

describe('the profile file', () => {
  it('is optional: the Palmas profile without it would load with an empty Carta', () => {
    expect(city.carta.entries.length).toBeGreaterThanOrEqual(5);
    expect(city.carta.categories.some((c) => c.id === 'impostos')).toBe(true);
  });
});
