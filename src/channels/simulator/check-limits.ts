import { LIMITS } from '../whatsapp-cloud/limits.js';
import type { SendMessageRequest } from './send-request.schema.js';

/*
 * Meta's value limits (WHATSAPP.md §3.4–3.6, §3.11). Each check returns the `error_data.details` of a
 * 131009 error naming the rule, or undefined when the message is acceptable.
 */

type Violation = string | undefined;

const length = (text: string): number => [...text].length;

const maxLength = (path: string, text: string | undefined, max: number): Violation =>
  text !== undefined && length(text) > max ? `${path} must be at most ${max} characters (got ${length(text)})` : undefined;

const required = (path: string, text: string | undefined, max: number): Violation =>
  text === undefined || text.trim() === '' ? `${path} must not be empty` : maxLength(path, text, max);

const firstOf = (...checks: Array<() => Violation>): Violation => {
  for (const check of checks) {
    const violation = check();
    if (violation) return violation;
  }
  return undefined;
};

const duplicateOf = (values: string[]): string | undefined => values.find((value, i) => values.indexOf(value) !== i);

type Interactive = Extract<SendMessageRequest, { type: 'interactive' }>['interactive'];
type ButtonInteractive = Extract<Interactive, { type: 'button' }>;
type ListInteractive = Extract<Interactive, { type: 'list' }>;

const checkHeaderAndFooter = (message: { header?: { type: string; text?: string }; footer?: { text: string } }): Violation =>
  firstOf(
    () => (message.header?.type === 'text' ? required('interactive.header.text', message.header.text, LIMITS.header) : undefined),
    () => (message.footer ? required('interactive.footer.text', message.footer.text, LIMITS.footer) : undefined),
  );

const checkButtons = (message: ButtonInteractive): Violation => {
  const buttons = message.action.buttons;
  const titles = buttons.map((b) => b.reply.title);
  const ids = buttons.map((b) => b.reply.id);
  return firstOf(
    () => required('interactive.body.text', message.body.text, LIMITS.interactiveBody),
    () => checkHeaderAndFooter(message),
    () => (buttons.length < 1 || buttons.length > LIMITS.buttons ? `interactive.action.buttons must have 1 to ${LIMITS.buttons} buttons (got ${buttons.length})` : undefined),
    ...buttons.map((b, i) => () => required(`interactive.action.buttons[${i}].reply.title`, b.reply.title, LIMITS.buttonTitle)),
    ...buttons.map((b, i) => () => required(`interactive.action.buttons[${i}].reply.id`, b.reply.id, LIMITS.buttonId)),
    ...ids.map((id, i) => () => (id !== id.trim() ? `interactive.action.buttons[${i}].reply.id must not have leading or trailing spaces` : undefined)),
    () => (duplicateOf(titles) !== undefined ? `button titles must be unique ("${duplicateOf(titles)}" repeats)` : undefined),
    () => (duplicateOf(ids) !== undefined ? `button ids must be unique ("${duplicateOf(ids)}" repeats)` : undefined),
  );
};

const checkList = (message: ListInteractive): Violation => {
  const { button, sections } = message.action;
  const rows = sections.flatMap((section, s) => section.rows.map((row, r) => ({ row, path: `interactive.action.sections[${s}].rows[${r}]` })));
  const ids = rows.map(({ row }) => row.id);
  return firstOf(
    () => required('interactive.body.text', message.body.text, LIMITS.interactiveBody),
    () => checkHeaderAndFooter(message),
    () => required('interactive.action.button', button, LIMITS.listButton),
    () => (sections.length < 1 || sections.length > LIMITS.listSections ? `a list must have 1 to ${LIMITS.listSections} sections (got ${sections.length})` : undefined),
    () => (rows.length < 1 || rows.length > LIMITS.listRowsTotal ? `a list must have 1 to ${LIMITS.listRowsTotal} rows in total across sections (got ${rows.length})` : undefined),
    ...sections.map((section, s) => () =>
      sections.length > 1 || section.title !== undefined
        ? required(`interactive.action.sections[${s}].title`, section.title, LIMITS.sectionTitle)
        : undefined,
    ),
    ...rows.map(({ row, path }) => () =>
      firstOf(
        () => required(`${path}.id`, row.id, LIMITS.rowId),
        () => required(`${path}.title`, row.title, LIMITS.rowTitle),
        () => maxLength(`${path}.description`, row.description, LIMITS.rowDescription),
      ),
    ),
    () => (duplicateOf(ids) !== undefined ? `row ids must be unique ("${duplicateOf(ids)}" repeats)` : undefined),
  );
};

const checkInteractive = (interactive: Interactive): Violation => {
  switch (interactive.type) {
    case 'button':
      return checkButtons(interactive);
    case 'list':
      return checkList(interactive);
    case 'location_request_message':
      return required('interactive.body.text', interactive.body.text, LIMITS.interactiveBody);
  }
};

const checkMedia = (type: string, media: { id?: string; link?: string; caption?: string }): Violation =>
  firstOf(
    () => (Boolean(media.id) === Boolean(media.link) ? `${type} needs exactly one of id or link` : undefined),
    () => maxLength(`${type}.caption`, media.caption, LIMITS.caption),
  );

const checkLocation = (location: { latitude: number; longitude: number }): Violation =>
  Math.abs(location.latitude) > 90 || Math.abs(location.longitude) > 180 ? 'location coordinates are out of range' : undefined;

/** 512 characters, Meta's cap on `biz_opaque_callback_data`. */
export const CALLBACK_DATA_MAX = 512;

export const findLimitViolation = (request: SendMessageRequest): Violation => {
  const common = maxLength('biz_opaque_callback_data', request.biz_opaque_callback_data, CALLBACK_DATA_MAX);
  if (common) return common;
  switch (request.type) {
    case 'text':
      return required('text.body', request.text.body, LIMITS.textBody);
    case 'interactive':
      return checkInteractive(request.interactive);
    case 'image':
      return checkMedia('image', request.image);
    case 'audio':
      return checkMedia('audio', request.audio);
    case 'video':
      return checkMedia('video', request.video);
    case 'document':
      return checkMedia('document', request.document);
    case 'sticker':
      return checkMedia('sticker', request.sticker);
    case 'location':
      return checkLocation(request.location);
    case 'template':
    case 'reaction':
      return undefined;
  }
};
