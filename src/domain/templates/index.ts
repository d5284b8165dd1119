export { addManualTemplate, removeManualTemplate } from './manual-templates.js';
export { bodyParameterNames, renderTemplatePreview, validateTemplateParameters, type ParameterErrorCode } from './parameters.js';
export { applyTemplateEvents, type TemplateChange } from './status-events.js';
export { findTemplate, findTemplateByName, listTemplates } from './stored-templates.js';
export { syncTemplates, type SyncSummary } from './sync-templates.js';
export {
  BUTTON_TYPES,
  HEADER_FORMATS,
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  isTemplateCategory,
  isTemplateStatus,
  type TemplateButton,
  type TemplateCategory,
  type TemplateComponents,
  type TemplateDraft,
  type TemplateSource,
  type TemplateStatus,
  type WhatsAppTemplate,
} from './types.js';
export { TEMPLATE_LIMITS, validateTemplateDraft } from './validate-draft.js';
