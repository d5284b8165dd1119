import { LIMITS } from './limits.js';
import type { ListRow, ListSection, OutboundMessage, ReplyButton, TemplateComponent } from './outbound-message.js';

/*
 * Builders never produce a message Meta would reject: a too-long text is split, too many or too long
 * buttons become a list, a list over the row limit is split, and what cannot fit becomes numbered text.
 */

export interface Choice {
  id: string;
  title: string;
  description?: string;
}

const ellipsis = (text: string, max: number): string =>
  [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';

const length = (text: string): number => [...text].length;

/** Splits on paragraph, line or word boundaries so each part stays under the limit. */
export const splitText = (body: string, max: number = LIMITS.textBody): string[] => {
  const parts: string[] = [];
  let rest = body.trim();
  while (length(rest) > max) {
    const window = [...rest].slice(0, max).join('');
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : window.length;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
};

export const text = (body: string): OutboundMessage[] =>
  splitText(body).map((part) => ({ type: 'text', text: { body: part, preview_url: false } }));

/** "1. Iluminação pública" lines, for choices that cannot be buttons or list rows. */
export const numberedText = (body: string, choices: Choice[]): OutboundMessage[] =>
  text(`${body}\n\n${choices.map((c, i) => `${i + 1}. ${c.title}`).join('\n')}\n\nResponda com o número da opção.`);

const fitsAsButtons = (choices: Choice[]): boolean =>
  choices.length >= 1 &&
  choices.length <= LIMITS.buttons &&
  choices.every((c) => length(c.title) <= LIMITS.buttonTitle && c.title.trim() !== '' && c.id.length <= LIMITS.buttonId);

const bodyFits = (body: string): boolean => length(body) <= LIMITS.interactiveBody;

export const buttons = (body: string, choices: Choice[], footer?: string): OutboundMessage[] => {
  if (!fitsAsButtons(choices) || !bodyFits(body)) return list(body, 'Ver opções', choices, footer);
  const replyButtons: ReplyButton[] = choices.map((c) => ({ id: c.id, title: c.title }));
  return [
    {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: body },
        ...(footer ? { footer: { text: ellipsis(footer, LIMITS.footer) } } : {}),
        action: { buttons: replyButtons.map((reply) => ({ type: 'reply', reply })) },
      },
    },
  ];
};

const toRow = (choice: Choice): ListRow => {
  const title = ellipsis(choice.title, LIMITS.rowTitle);
  const description = choice.description ?? (title !== choice.title ? choice.title : undefined);
  return { id: choice.id, title, ...(description ? { description: ellipsis(description, LIMITS.rowDescription) } : {}) };
};

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** A list of rows; more rows than Meta allows become several lists ("1/2", "2/2"). */
export const list = (body: string, buttonLabel: string, choices: Choice[], footer?: string): OutboundMessage[] => {
  if (choices.length === 0) return text(body);
  if (!bodyFits(body) || choices.some((c) => c.id.length > LIMITS.rowId)) return numberedText(body, choices);
  const pages = chunk(choices, LIMITS.listRowsTotal);
  return pages.map((page, index) => {
    const section: ListSection = { rows: page.map(toRow) };
    const pageBody = pages.length > 1 ? `${body} (${index + 1}/${pages.length})` : body;
    return {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: pageBody },
        ...(footer ? { footer: { text: ellipsis(footer, LIMITS.footer) } } : {}),
        action: { button: ellipsis(buttonLabel, LIMITS.listButton), sections: [section] },
      },
    };
  });
};

export const locationRequest = (body: string): OutboundMessage[] => [
  { type: 'interactive', interactive: { type: 'location_request_message', body: { text: ellipsis(body, LIMITS.interactiveBody) }, action: { name: 'send_location' } } },
];

/** Meta refuses template parameters with new lines, tabs or more than four spaces in a row. */
const templateParameter = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** An approved template with its body parameters in order and, optionally, the payloads of its quick-reply buttons. */
export const template = (name: string, languageCode: string, bodyParameters: string[] = [], quickReplyPayloads: string[] = []): OutboundMessage => {
  const body: TemplateComponent[] = bodyParameters.length > 0 ? [{ type: 'body', parameters: bodyParameters.map((value) => ({ type: 'text', text: templateParameter(value) })) }] : [];
  const buttons = quickReplyPayloads.map((payload, index): TemplateComponent => ({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] }));
  const components = [...body, ...buttons];
  return { type: 'template', template: { name, language: { code: languageCode }, ...(components.length > 0 ? { components } : {}) } };
};

const HEADER_MEDIA_TYPES = { IMAGE: 'image', VIDEO: 'video', DOCUMENT: 'document' } as const;

/** An approved template whose header is an image, video or document given by link (a broadcast's message). */
export const templateWithHeaderMedia = (
  name: string,
  languageCode: string,
  bodyParameters: string[],
  header: { format: keyof typeof HEADER_MEDIA_TYPES; link: string } | null,
): OutboundMessage => {
  const message = template(name, languageCode, bodyParameters);
  if (!header || message.type !== 'template') return message;
  const type = HEADER_MEDIA_TYPES[header.format];
  const components: TemplateComponent[] = [{ type: 'header', parameters: [{ type, [type]: { link: header.link } }] }, ...(message.template.components ?? [])];
  return { type: 'template', template: { ...message.template, components } };
};
