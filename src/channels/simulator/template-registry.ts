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

  constructor(templates: SimulatorTemplate[] = []) {
    for (const template of templates) this.upsert(template);
  }

  upsert(template: SimulatorTemplate): void {
    this.templates.set(key(template.name, template.language), { status: 'APPROVED', category: 'UTILITY', ...template });
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
