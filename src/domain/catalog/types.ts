export type ServiceKind = 'request' | 'information';

/** location: a WhatsApp pin or a typed address; text: free text; photos: images sent in the chat. */
export type FieldKind = 'location' | 'text' | 'photos';

export interface ServiceField {
  code: string;
  kind: FieldKind;
  required: boolean;
  /** Short label for the summary the citizen confirms ("Local", "Descrição"). */
  label: string;
  /** The question the bot asks for this field. */
  prompt: string;
  maxLength?: number | undefined;
  maxItems?: number | undefined;
}

/** Deadlines are proposals until the city publishes a Carta de Serviços; `status` says which. */
export interface ServiceDeadline {
  businessDays: number | null;
  status: 'proposal' | 'official' | 'none';
  note: string;
  source: string;
}

export interface CatalogService {
  code: string;
  name: string;
  kind: ServiceKind;
  departmentId: string;
  group: string;
  /** WhatsApp list row title (≤ 24 characters). */
  menuTitle: string;
  /** WhatsApp list row description (≤ 72 characters). */
  menuDescription: string;
  keywords: string[];
  /** The team that takes the same requests by phone, where known. */
  phoneLine: string | null;
  /** Request services only. */
  deadline: ServiceDeadline | null;
  /** Request services: what to ask, in order. Information services: none. */
  fields: ServiceField[];
  /** Information services: short messages sent in order. */
  guidance: string[];
  seedCodes: string[];
  /** Reports about other people (fiscalização): the department never sees who reported. */
  anonymousReports: boolean;
  /** An open request of this service within this many metres is the same problem (0: never link). */
  duplicateRadiusMeters: number;
}

export interface CatalogGroup {
  id: string;
  /** WhatsApp list section title (≤ 24 characters). */
  title: string;
  order: number;
}

export interface Catalog {
  groups: CatalogGroup[];
  services: CatalogService[];
}

export interface Department {
  id: string;
  name: string;
  shortName: string;
  /** Blank where none is known: never invented. */
  acronym: string;
  /** "YYYY-MM-DD", inclusive; null = unknown / open. */
  validFrom: string | null;
  validTo: string | null;
  /** Who takes over when this one ends (rename, merger). */
  successorId: string | null;
  source: string;
}
