import type { SendMessageRequest } from './send-request.schema.js';
import type { SimulatorTemplate } from './types.js';

type TemplateRequest = Extract<SendMessageRequest, { type: 'template' }>['template'];

export type TemplateCheck =
  | { ok: true; template: SimulatorTemplate }
  | { ok: false; code: 132000 | 132001; details: string };

const key = (name: string, language: string): string => `${name}\u0000${language}`;

export const bodyParametersOf = (request: TemplateRequest): Array<Record<string, unknown>> =>
  (request.components ?? []).filter((c) => c.type.toLowerCase() === 'body').flatMap((c) => c.parameters ?? []);

/** The approved message templates of the business account, per name and language (WHATSAPP.md §3.8). */
export class TemplateRegistry {
  private readonly templates = new Map<string, SimulatorTemplate>();
  private nextId = 1_000_000_000_000_000;

  constructor(templates: SimulatorTemplate[] = []) {
    for (const template of templates) this.upsert(template);
  }

  upsert(template: SimulatorTemplate): void {
    const id = template.id ?? this.find(template.name, template.language)?.id ?? String(this.nextId++);
    this.templates.set(key(template.name, template.language), { status: 'APPROVED', category: 'UTILITY', ...template, id });
  }

  remove(name: string, language: string): boolean {
    return this.templates.delete(key(name, language));
  }

  /** One page of the list as `GET /{WABA_ID}/message_templates` gives it; the cursor is the offset of the page. */
  page(after: string | undefined, limit: number): { data: Array<Record<string, unknown>>; after: string | undefined } {
    const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8')) || 0 : 0;
    const all = this.list();
    const end = start + limit;
    return { data: all.slice(start, end).map(asMetaTemplate), after: end < all.length ? Buffer.from(String(end)).toString('base64url') : undefined };
  }

  find(name: string, language: string): SimulatorTemplate | undefined {
    return this.templates.get(key(name, language));
  }

  list(): SimulatorTemplate[] {
    return [...this.templates.values()];
  }

  /** 132001 when missing or not approved in that language; 132000 when the body parameter count differs. */
  check(request: TemplateRequest): TemplateCheck {
    const template = this.find(request.name, request.language.code);
    if (!template) {
      return { ok: false, code: 132001, details: `template name (${request.name}) does not exist in ${request.language.code}` };
    }
    if (template.status !== 'APPROVED') {
      return { ok: false, code: 132001, details: `template ${request.name} in ${request.language.code} is ${template.status}, not APPROVED` };
    }
    const given = bodyParametersOf(request).length;
    if (given !== template.bodyParameters) {
      return { ok: false, code: 132000, details: `body: number of localizable_params (${given}) does not match the expected number of params (${template.bodyParameters})` };
    }
    return { ok: true, template };
  }
}

const asMetaTemplate = (template: SimulatorTemplate): Record<string, unknown> => ({
  id: template.id,
  name: template.name,
  language: template.language,
  status: template.status,
  category: template.category,
  components: template.components ?? [
    { type: 'BODY', text: template.body ?? '' },
    ...(template.quickReplies?.length ? [{ type: 'BUTTONS', buttons: template.quickReplies.map((text) => ({ type: 'QUICK_REPLY', text })) }] : []),
  ],
});
