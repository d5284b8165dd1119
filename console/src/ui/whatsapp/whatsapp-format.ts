/**
 * WhatsApp's message formatting as a tree, so the console can show a message as the citizen's phone does without
 * ever handing raw text to the browser as HTML. Pure: no React, no DOM.
 *
 * The rules WhatsApp applies: `*bold*`, `_italic_`, `~strike~` and ```` ```mono``` ````. A marker opens only at the
 * start of the text or after a character that is not a letter or digit, and must be followed by a non-space; it closes
 * at the same marker preceded by a non-space and not followed by a letter or digit ("2*3*4" stays as typed). Styles
 * nest; monospace shows its text as typed. Bold, italic and strike stay on one line; monospace may span lines.
 */

export type WhatsAppStyle = 'bold' | 'italic' | 'strike';

export type WhatsAppNode =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'mono'; text: string }
  | { kind: WhatsAppStyle; children: WhatsAppNode[] };

const STYLE_OF: Record<string, WhatsAppStyle> = { '*': 'bold', _: 'italic', '~': 'strike' };
const MONO = '```';

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);
const isSpace = (char: string | undefined): boolean => char === undefined || /\s/u.test(char);

/** Where the marker opened at `start` closes on the same line, or -1. */
const closingOf = (text: string, start: number, marker: string): number => {
  for (let j = start + 2; j < text.length; j += 1) {
    const char = text[j];
    if (char === '\n') return -1;
    if (char === marker && !isSpace(text[j - 1]) && !isWordChar(text[j + 1])) return j;
  }
  return -1;
};

const opensAt = (text: string, i: number): boolean => !isWordChar(text[i - 1]) && !isSpace(text[i + 1]);

const pushText = (nodes: WhatsAppNode[], text: string): void => {
  if (!text) return;
  const last = nodes[nodes.length - 1];
  if (last?.kind === 'text') last.text += text;
  else nodes.push({ kind: 'text', text });
};

/** The formatting tree of a message, line breaks included. */
export const parseWhatsApp = (text: string): WhatsAppNode[] => {
  const nodes: WhatsAppNode[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (text.startsWith(MONO, i)) {
      const end = text.indexOf(MONO, i + MONO.length);
      if (end > i + MONO.length) {
        nodes.push({ kind: 'mono', text: text.slice(i + MONO.length, end) });
        i = end + MONO.length;
        continue;
      }
    }
    const style = STYLE_OF[char];
    if (style && opensAt(text, i)) {
      const end = closingOf(text, i, char);
      if (end > 0) {
        nodes.push({ kind: style, children: parseWhatsApp(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (char === '\n') nodes.push({ kind: 'break' });
    else pushText(nodes, char);
    i += 1;
  }
  return nodes;
};

/** The text a citizen reads, markers removed (for counting and for screen readers' summaries). */
export const plainWhatsApp = (nodes: readonly WhatsAppNode[]): string =>
  nodes
    .map((node) => {
      if (node.kind === 'text' || node.kind === 'mono') return node.text;
      if (node.kind === 'break') return '\n';
      return plainWhatsApp(node.children);
    })
    .join('');
