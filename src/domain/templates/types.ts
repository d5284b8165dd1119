/** Meta's template categories (WHATSAPP.md §5.2). */
export const TEMPLATE_CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** The statuses Meta gives a template; only APPROVED ones can be sent (else 132001). */
export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** Statuses that stop a template from being sent; reaching one deserves a warning in the logs. */
export const BLOCKING_STATUSES: readonly TemplateStatus[] = ['REJECTED', 'PAUSED', 'DISABLED'];

export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;
export type HeaderFormat = (typeof HEADER_FORMATS)[number];

export const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP'] as const;
export type ButtonType = (typeof BUTTON_TYPES)[number];

export interface TemplateButton {
  type: ButtonType;
  text: string;
  url?: string;
  phoneNumber?: string;
}

/** What a citizen sees: an optional header, the body with its `{{1}}` or `{{name}}` slots, a footer, buttons. */
export interface TemplateComponents {
  header: { format: HeaderFormat; text: string | null } | null;
  body: string;
  footer: string | null;
  buttons: TemplateButton[];
}

export type TemplateSource = 'graph' | 'manual';

export interface WhatsAppTemplate {
  id: number;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  /** Meta's reason for the last status change, when it gave one. */
  statusReason: string | null;
  components: TemplateComponents;
  /** Body parameters in send order: `1`, `2`… or the names of a template with named parameters. */
  parameterNames: string[];
  metaId: string | null;
  source: TemplateSource;
  /** When a sync last found the template gone from Meta; null while Meta still has it. */
  missingSince: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A template as read from Meta or typed in by a coordinator, before it is stored. */
export interface TemplateDraft {
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  components: TemplateComponents;
  metaId: string | null;
  statusReason?: string | null;
}

export const isTemplateCategory = (value: string): value is TemplateCategory => (TEMPLATE_CATEGORIES as readonly string[]).includes(value);
export const isTemplateStatus = (value: string): value is TemplateStatus => (TEMPLATE_STATUSES as readonly string[]).includes(value);
