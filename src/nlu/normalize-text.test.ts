import { describe, expect, it } from 'vitest';
import { createNormalizer, normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it('lower-cases, strips accents and punctuation, drops numbers', () => {
    expect(normalizeText('Lâmpada QUEIMADA na 305 Sul!!!')).toBe('lampada queimada na sul');
  });

  it('expands WhatsApp spelling', () => {
    expect(normalizeText('vc pode ver pfv, ta q ta tbm aki')).toBe('voce pode ver por favor esta que esta tambem aqui');
    expect(normalizeText('ñ')).toBe('nao');
    expect(normalizeText('n sei')).toBe('nao sei');
  });

  it('collapses stretched letters and turns laughter into one word', () => {
    expect(normalizeText('buracooo')).toBe('buraco');
    expect(normalizeText('kkkkkk')).toBe('risos');
    expect(normalizeText('hahaha rsrs')).toBe('risos risos');
  });

  it('applies the city lexicon, multi-word keys first', () => {
    const normalize = createNormalizer({ synonyms: { muriçoca: 'mosquito', 'boca de lobo': 'bueiro', boca: 'x' } });
    expect(normalize('Muriçoca e BOCA DE LOBO')).toBe('mosquito e bueiro');
  });

  it('leaves nothing of emoji-only text', () => {
    expect(normalizeText('👍😂')).toBe('');
  });
});
