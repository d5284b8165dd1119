import { describe, expect, it } from 'vitest';
import { parseWhatsApp, plainWhatsApp, type WhatsAppNode } from '../../console/src/ui/whatsapp/whatsapp-format.js';

const text = (t: string): WhatsAppNode => ({ kind: 'text', text: t });

describe('WhatsApp formatting as the phone draws it', () => {
  it('reads bold, italic, strike and monospace', () => {
    expect(parseWhatsApp('*IPTU* _2026_ ~caro~ ```3212-7426```')).toEqual([
      { kind: 'bold', children: [text('IPTU')] },
      text(' '),
      { kind: 'italic', children: [text('2026')] },
      text(' '),
      { kind: 'strike', children: [text('caro')] },
      text(' '),
      { kind: 'mono', text: '3212-7426' },
    ]);
  });

  it('turns line breaks into breaks and keeps blank lines', () => {
    expect(parseWhatsApp('a\n\nb')).toEqual([text('a'), { kind: 'break' }, { kind: 'break' }, text('b')]);
  });

  it('nests styles', () => {
    expect(parseWhatsApp('*_atenção_*')).toEqual([{ kind: 'bold', children: [{ kind: 'italic', children: [text('atenção')] }] }]);
  });

  it('leaves markers as typed inside words, beside spaces, unclosed or across lines', () => {
    for (const typed of ['2*3*4', 'snake_case_name', '* não é negrito *', '*sem fim', '*linha\noutra*', 'a * b']) {
      expect(plainWhatsApp(parseWhatsApp(typed)), typed).toBe(typed);
      expect(parseWhatsApp(typed).some((n) => n.kind === 'bold' || n.kind === 'italic'), typed).toBe(false);
    }
  });

  it('closes at punctuation and opens after it', () => {
    expect(parseWhatsApp('(*grátis*).')).toEqual([text('('), { kind: 'bold', children: [text('grátis')] }, text(').')]);
  });

  it('shows monospace as typed, markers and line breaks included', () => {
    expect(parseWhatsApp('```*a*\nb```')).toEqual([{ kind: 'mono', text: '*a*\nb' }]);
  });

  it('keeps markup-looking text as text (the renderer never makes HTML from it)', () => {
    expect(parseWhatsApp('<b>oi</b> & *<i>*')).toEqual([text('<b>oi</b> & '), { kind: 'bold', children: [text('<i>')] }]);
  });

  it('gives back the words a citizen reads, without markers', () => {
    expect(plainWhatsApp(parseWhatsApp('*Segunda via*\nLeve _RG_'))).toBe('Segunda via\nLeve RG');
  });
});
