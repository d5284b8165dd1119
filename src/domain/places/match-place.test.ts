import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import { editDistance, isInsideCity, matchPlace, placeLabel, tokenize } from './index.js';

const { places } = loadCityProfile(fromRoot('city', 'palmas'));
const best = (text: string) => {
  const m = matchPlace(text, places);
  return m.best ? `${m.status}: ${placeLabel(m.best.place)}` : m.status;
};

describe('matchPlace', () => {
  it.each(['arse 12', 'ARSE12', 'Arse-12', '106 sul', '106sul', '106 Sul', 'quadra 106 sul', 'Q. 106 Sul', 'qd 106s', 'Qd. 106 S'])(
    '%s → 106 Sul (ARSE 12)',
    (text) => {
      const m = matchPlace(text, places);
      expect(m.status).toBe('inside');
      expect(m.best?.place.id).toBe('106-sul');
      expect(m.best?.score).toBe(1);
      expect(placeLabel(m.best!.place)).toBe('106 Sul (ARSE 12)');
    },
  );

  it('never confuses quadra numbers through typo tolerance', () => {
    expect(matchPlace('108 sul', places).best?.place.id).toBe('108-sul');
    expect(matchPlace('arse 12', places).alternatives.map((a) => a.place.id)).not.toContain('108-sul');
  });

  it('accepts a missing "sul"/"norte" only when one quadra fits', () => {
    const alone = matchPlace('106', places);
    expect(alone.best?.place.id).toBe('106-sul');
    expect(alone.best!.score).toBeLessThan(1);
    expect(alone.ambiguous).toBe(false);
    const both = matchPlace('403', places);
    expect(both.ambiguous).toBe(true);
    expect([both.best?.place.id, both.alternatives[0]?.place.id].sort()).toEqual(['403-norte', '403-sul']);
  });

  it('Aureny 3 = Jardim Aureny III, with the separate Setor Aureny III as an alternative', () => {
    for (const text of ['Aureny 3', 'aureny III', 'Jd. Aureny III', 'jardim aureny 3']) {
      const m = matchPlace(text, places);
      expect(m.best?.place.name).toBe('Jardim Aureny III');
      expect(m.alternatives.map((a) => a.place.name)).toContain('Setor Aureny III');
      expect(m.ambiguous).toBe(false);
    }
  });

  it('bairros and districts, with accents or without', () => {
    expect(best('taquaralto')).toBe('inside: Taquaralto');
    expect(best('TAQUARALTO')).toBe('inside: Taquaralto');
    expect(best('Taquaruçu')).toBe('inside: Taquaruçu');
    expect(best('taquarussu')).toBe('inside: Taquaruçu');
    expect(best('santa fe 3')).toBe('inside: Setor Santa Fé');
  });

  it('forgives typos in names', () => {
    expect(best('taquarusu')).toBe('inside: Taquaruçu');
    expect(best('taquarlto')).toBe('inside: Taquaralto');
    expect(best('santa barbra')).toBe('inside: Setor Santa Bárbara');
    const typo = matchPlace('taquarusu', places);
    expect(typo.best!.score).toBeLessThan(1);
  });

  it('finds the place inside a longer text', () => {
    expect(best('moro na 106 sul, alameda 5, lote 10')).toBe('inside: 106 Sul (ARSE 12)');
    expect(best('perto da UPA no taquaralto')).toBe('inside: Taquaralto');
  });

  it('recognises a "NNN Sul/Norte" quadra that is not in the alias table yet, with a lower score', () => {
    const m = matchPlace('104 sul', places);
    expect(m.status).toBe('inside');
    expect(m.best?.place.name).toBe('104 Sul');
    expect(m.best!.score).toBeLessThan(0.9);
  });

  it('places outside the city', () => {
    expect(best('luzimangues')).toBe('outside: Luzimangues');
    expect(best('Luzimangues, Porto Nacional')).toMatch(/^outside: /);
    expect(best('luzimanges')).toBe('outside: Luzimangues');
    expect(best('Goiânia')).toBe('outside: Goiânia');
    expect(best('paraiso')).toBe('outside: Paraíso do Tocantins');
  });

  it('nothing for nonsense or ordinary words', () => {
    for (const text of ['asdfgh', '', '   ', 'sim', 'está certo', 'não sei', '😀😀', 'sul', 'quadra']) {
      expect(matchPlace(text, places)).toEqual({ status: 'none', best: null, alternatives: [], ambiguous: false });
    }
  });
});

describe('helpers', () => {
  it('tokenize splits letters from digits and reads roman numerals', () => {
    expect(tokenize('Jd. Aureny III', places.matching)).toEqual(['jardim', 'aureny', '3']);
    expect(tokenize('ARSE12', places.matching)).toEqual(['arse', '12']);
  });

  it('editDistance counts swaps as one edit and stops past the limit', () => {
    expect(editDistance('taquaralto', 'taquarlato', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('isInsideCity', () => {
  it('Praça dos Girassóis is inside; Goiânia and Luzimangues (across the lake) are not', () => {
    expect(isInsideCity(-10.1844, -48.3336, places.boundary)).toBe(true);
    expect(isInsideCity(-16.68, -49.25, places.boundary)).toBe(false);
    expect(isInsideCity(-10.17, -48.45, places.boundary)).toBe(false);
  });

  it('covers Taquaralto in the south and the district of Taquaruçu', () => {
    expect(isInsideCity(-10.33, -48.3, places.boundary)).toBe(true);
    expect(isInsideCity(-10.31, -48.16, places.boundary)).toBe(true);
    expect(isInsideCity(-10.7, -48.41, places.boundary)).toBe(false);
  });

  it('refuses non-numbers', () => {
    expect(isInsideCity(Number.NaN, -48.33, places.boundary)).toBe(false);
  });
});
