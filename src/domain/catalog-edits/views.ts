import { isServiceTextField, PROMPT_PREFIX, SERVICE_TEXT_LIMITS, serviceText, type CatalogService, type ServiceTextField } from '../catalog/index.js';
import type { LiveCatalog } from './live-catalog.js';

export interface ServiceTextEntry {
  field: ServiceTextField;
  /** For a question: the label of the field it asks for ("Local"); null for the service's own texts. */
  fieldLabel: string | null;
  value: string | string[];
  defaultValue: string | string[];
  edited: boolean;
  /** Per message for guidance. */
  maxLength: number;
}

export interface EditableService {
  service: CatalogService;
  /** The menu section it is listed under. */
  groupTitle: string;
  texts: ServiceTextEntry[];
}

const maxLengthOf = (field: ServiceTextField): number =>
  field === 'name' || field === 'menuTitle' || field === 'menuDescription' ? SERVICE_TEXT_LIMITS[field] : SERVICE_TEXT_LIMITS.message;

const fieldsOf = (service: CatalogService): ServiceTextField[] =>
  (['name', 'menuTitle', 'menuDescription', 'guidance'] as ServiceTextField[])
    .concat(service.fields.map((f): ServiceTextField => `${PROMPT_PREFIX}${f.code}`))
    .filter((field) => isServiceTextField(service, field));

/** Every text of every service as citizens see it now, beside the profile's default. */
export const editableServices = (live: LiveCatalog): EditableService[] =>
  live.defaults.catalog.services.map((original) => {
    const service = live.catalog.services.find((s) => s.code === original.code) ?? original;
    const texts = fieldsOf(original).map((field): ServiceTextEntry => {
      const value = serviceText(service, field) ?? '';
      const defaultValue = serviceText(original, field) ?? '';
      const asked = original.fields.find((f) => `${PROMPT_PREFIX}${f.code}` === field);
      return { field, fieldLabel: asked?.label ?? null, value, defaultValue, edited: JSON.stringify(value) !== JSON.stringify(defaultValue), maxLength: maxLengthOf(field) };
    });
    const groupTitle = live.catalog.groups.find((g) => g.id === service.group)?.title ?? service.group;
    return { service, groupTitle, texts };
  });

export interface IntentPhrases {
  intent: string;
  label: string;
  serviceCode: string | null;
  phrases: Array<{ text: string; origin: 'profile' | 'console' }>;
  /** The profile's phrases a coordinator took out. */
  removed: string[];
}

/** What each intent is taught now, and where each phrase came from. */
export const intentPhrases = (live: LiveCatalog): IntentPhrases[] =>
  live.trainingData.intents.map(({ intent, serviceCode, phrases }) => {
    const original = live.defaults.training.intents.find((i) => i.intent === intent)?.phrases ?? [];
    return {
      intent,
      label: live.intentLabel(intent),
      serviceCode,
      phrases: phrases.map((text) => ({ text, origin: original.includes(text) ? 'profile' : 'console' })),
      removed: original.filter((text) => !phrases.includes(text)),
    };
  });
