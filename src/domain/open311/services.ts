import type { Catalog, CatalogService, ServiceField } from '../catalog/index.js';

/** GET services: one entry per service that takes requests. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  /** Only for singlevaluelist and multivaluelist. */
  values?: Array<{ key: string; name: string }>;
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** Text up to this many characters is a one-line `string`; longer ones are `text` (multi-line). */
const SINGLE_LINE_MAX = 300;

/**
 * Catalog fields already covered by Open311's own parameters are not repeated as attributes: the location
 * (lat/long, address_string, address_id) and the description. Photos are WhatsApp media, which an Open311 client
 * cannot send; the field is optional in every bundled service.
 */
const isAttribute = (field: ServiceField): boolean => field.kind === 'text' && field.code !== 'description';

const toAttribute = (field: ServiceField, order: number): Open311Attribute => {
  const max = field.maxLength;
  return {
    variable: true,
    code: field.code,
    datatype: max !== undefined && max <= SINGLE_LINE_MAX ? 'string' : 'text',
    required: field.required,
    datatype_description: max === undefined ? null : `Texto de até ${max} caracteres.`,
    order,
    description: field.prompt,
  };
};

/**
 * Only services that take requests: information services (kind 'information') answer with guidance in the chat
 * and the domain refuses requests for them, so listing them would offer Open311 clients categories that always fail.
 */
export const isOpen311Service = (service: CatalogService): boolean => service.kind === 'request';

export const findOpen311Service = (catalog: Catalog, code: string): CatalogService | undefined =>
  catalog.services.find((s) => s.code === code && isOpen311Service(s));

export const serviceDefinition = (service: CatalogService): Open311ServiceDefinition => ({
  service_code: service.code,
  attributes: service.fields.filter(isAttribute).map((field, index) => toAttribute(field, index + 1)),
});

/** The codes a POST may use as attribute[code], for this service. */
export const attributeCodes = (service: CatalogService): string[] => service.fields.filter(isAttribute).map((f) => f.code);

export const open311Services = (catalog: Catalog): Open311Service[] => {
  const groupTitle = new Map(catalog.groups.map((g) => [g.id, g.title]));
  return catalog.services.filter(isOpen311Service).map((service) => ({
    service_code: service.code,
    service_name: service.name,
    description: service.menuDescription,
    metadata: serviceDefinition(service).attributes.length > 0,
    type: 'realtime',
    // No spaces after commas: FixMyStreet splits on "," and compares each keyword exactly.
    keywords: service.keywords.join(','),
    group: groupTitle.get(service.group) ?? service.group,
  }));
};

/**
 * Fiscalização requests are complaints about someone (noise, an irregular building): whoever reported must never
 * be identifiable from what the API shows. The catalog marks those services `anonymousReports` (requests keep the
 * flag from their opening; a service marked later covers its older requests too).
 */
export const isConfidentialService = (service: CatalogService | undefined): boolean => service?.anonymousReports === true;
