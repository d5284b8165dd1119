import { z } from 'zod';
import { BUTTON_TYPES, HEADER_FORMATS, TEMPLATE_CATEGORIES, TEMPLATE_STATUSES, type TemplateButton, type TemplateComponents, type TemplateDraft } from '../../domain/templates/index.js';

const metaButton = z.object({ type: z.string(), text: z.string().default(''), url: z.string().optional(), phone_number: z.string().optional() });
const metaComponent = z.object({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(metaButton).optional(),
});
export type MetaComponent = z.input<typeof metaComponent>;

/** One template as `GET /{WABA_ID}/message_templates` returns it. */
const metaTemplateSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  language: z.string(),
  status: z.enum(TEMPLATE_STATUSES),
  category: z.enum(TEMPLATE_CATEGORIES),
  components: z.array(metaComponent).default([]),
});

/** A page of the template list; `paging.next` is the full URL of the next page, absent on the last one. */
export const templatePageSchema = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ next: z.string().optional() }).optional(),
});

const isOneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T => value !== undefined && (values as readonly string[]).includes(value);

/** Buttons of kinds we cannot show (flows, catalogues) are left out of the stored copy. */
const toButton = (button: z.infer<typeof metaButton>): TemplateButton[] =>
  isOneOf(BUTTON_TYPES, button.type)
    ? [{ type: button.type, text: button.text, ...(button.url ? { url: button.url } : {}), ...(button.phone_number ? { phoneNumber: button.phone_number } : {}) }]
    : [];

const fromMetaComponents = (components: ReadonlyArray<z.infer<typeof metaComponent>>): TemplateComponents => {
  const of = (type: string) => components.find((c) => c.type.toUpperCase() === type);
  const header = of('HEADER');
  const format = header?.format?.toUpperCase();
  return {
    header: header && isOneOf(HEADER_FORMATS, format) ? { format, text: header.text ?? null } : null,
    body: of('BODY')?.text ?? '',
    footer: of('FOOTER')?.text ?? null,
    buttons: (of('BUTTONS')?.buttons ?? []).flatMap(toButton),
  };
};

/** The components in Meta's shape (what the template endpoint lists and the simulator keeps). */
export const toMetaComponents = (components: TemplateComponents): MetaComponent[] => [
  ...(components.header ? [{ type: 'HEADER', format: components.header.format, ...(components.header.text ? { text: components.header.text } : {}) }] : []),
  { type: 'BODY', text: components.body },
  ...(components.footer ? [{ type: 'FOOTER', text: components.footer }] : []),
  ...(components.buttons.length > 0
    ? [{ type: 'BUTTONS', buttons: components.buttons.map((b) => ({ type: b.type, text: b.text, ...(b.url ? { url: b.url } : {}), ...(b.phoneNumber ? { phone_number: b.phoneNumber } : {}) })) }]
    : []),
];

/** Meta's template as the domain stores it; undefined when it is not one we can read (unknown status or category). */
export const toTemplateDraft = (item: unknown): TemplateDraft | undefined => {
  const parsed = metaTemplateSchema.safeParse(item);
  if (!parsed.success) return undefined;
  const { id, name, language, status, category, components } = parsed.data;
  return { name, language, status, category, metaId: id, components: fromMetaComponents(components) };
};
