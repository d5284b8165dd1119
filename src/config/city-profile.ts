import { z } from 'zod';
import type { OfficeCalendar } from '../domain/calendar/index.js';
import type { Catalog, ContactDirectory, Department } from '../domain/catalog/index.js';
import type { PlaceDirectory } from '../domain/places/index.js';
import type { Carta } from './city/carta.schema.js';
import { cartaProblems } from './city/carta-checks.js';
import { readCarta } from './city/read-carta.js';
import { calendarFileSchema, toHolidays, toWeeklyHours } from './city/calendar.schema.js';
import { catalogFileSchema, toCatalog } from './city/catalog.schema.js';
import { contactsFileSchema, toContacts } from './city/contacts.schema.js';
import {
  calendarProblems,
  catalogProblems,
  contactProblems,
  departmentProblems,
  placeProblems,
} from './city/cross-checks.js';
import { departmentsFileSchema, toDepartments } from './city/departments.schema.js';
import { placesFileSchema, toPlaceDirectory } from './city/places.schema.js';
import { readProfileFile } from './city/read-json.js';

/** Values a notice template can carry, filled in by name (see TEMPLATE_PARAMETERS). */
export const TEMPLATE_PARAMETERS = ['protocol', 'service', 'status', 'department', 'note'] as const;
export type TemplateParameter = (typeof TEMPLATE_PARAMETERS)[number];

/** A message template the city registered in Meta's WhatsApp Manager (UTILITY), as approved there. */
const messageTemplateSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and _ (Meta template name)'),
  language: z.string().min(2),
  /** The approved body with {{1}}, {{2}}… slots, in the order of `parameters`. */
  body: z.string().min(1).max(1024),
  parameters: z.array(z.enum(TEMPLATE_PARAMETERS)),
  /** Titles of its quick-reply buttons, in order; the payloads are set at send time. */
  quickReplies: z.array(z.string().min(1).max(25)).max(3).default([]),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

/**
 * A subject citizens opt in to for broadcasts ("avisos de saúde"). The title fits a WhatsApp list row (24
 * characters), the description its second line (72).
 */
const broadcastTopicSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1).max(24),
  description: z.string().min(1).max(72),
  /** Words citizens use for it ("vacina", "chuva"), matched without accents: "quero avisos de vacina". */
  keywords: z.array(z.string().min(2)).default([]),
});
export type BroadcastTopic = z.infer<typeof broadcastTopicSchema>;

/** The city as data: a second city runs by pointing CITY_CONFIG at its own folder. */
export const cityProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  channelName: z.string().min(1),
  timezone: z.string().min(1),
  locale: z.string().default('pt-BR'),
  whatsapp: z.object({
    displayPhoneNumber: z.string().min(8),
    /** Notices sent outside WhatsApp's 24-hour window, where only approved templates may go. */
    templates: z.object({
      requestOpened: messageTemplateSchema,
      requestStatus: messageTemplateSchema,
      requestConcluded: messageTemplateSchema,
      /** What an attendant sends to reopen a conversation after 24 hours of silence. */
      conversationResume: messageTemplateSchema,
    }),
  }),
  privacyPolicyUrl: z.string().url(),
  /** Ready answers every attendant has; coordinators add their own in the console. */
  cannedReplies: z.array(z.object({ title: z.string().min(1).max(60), body: z.string().min(1).max(1024) })).default([]),
  /** What broadcasts are about; a citizen receives a broadcast only on a topic they opted in to (at most 10: one list). */
  broadcastTopics: z
    .array(broadcastTopicSchema)
    .max(10)
    .default([])
    .refine((topics) => new Set(topics.map((t) => t.id)).size === topics.length, 'topic ids must be unique'),
});

export const cityTextsSchema = z.record(z.string(), z.string());

/** The files of a city profile folder; every one is required. */
export const CITY_PROFILE_FILES = {
  city: 'city.json',
  texts: 'texts.pt-BR.json',
  catalog: 'catalog.json',
  departments: 'departments.json',
  calendar: 'calendar.json',
  places: 'places.json',
  contacts: 'contacts.json',
} as const;

export type CityProfile = z.infer<typeof cityProfileSchema> & {
  texts: Record<string, string>;
  directory: string;
  /** The services citizens can ask for (Open311 service list), grouped for the menu. */
  catalog: Catalog;
  /** Dated departments; services point at them by id. */
  departments: Department[];
  /** Office hours and holiday rules, in the city's timezone. */
  calendar: OfficeCalendar;
  /** Quadras, bairros, districts, places outside the city, and the city's outline. */
  places: PlaceDirectory;
  /** Emergency numbers and the city's phone lines. */
  contacts: ContactDirectory;
  /** The Carta de Serviços (optional file; empty when the city ships none), with coordinators' edits once live. */
  carta: Carta;
};

/** A profile that cannot run: lists every problem found, file by file. */
export class CityProfileError extends Error {
  constructor(
    readonly directory: string,
    readonly problems: string[],
  ) {
    super(`Invalid city profile at ${directory}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CityProfileError';
  }
}

/** Reads and checks a whole city profile folder; fails at start-up with every problem at once. */
export const loadCityProfile = (directory: string): CityProfile => {
  const problems: string[] = [];
  const read = <S extends z.ZodType>(file: string, schema: S) => readProfileFile(directory, file, schema, problems);
  const profile = read(CITY_PROFILE_FILES.city, cityProfileSchema);
  const texts = read(CITY_PROFILE_FILES.texts, cityTextsSchema);
  const catalogFile = read(CITY_PROFILE_FILES.catalog, catalogFileSchema);
  const departmentsFile = read(CITY_PROFILE_FILES.departments, departmentsFileSchema);
  const calendarFile = read(CITY_PROFILE_FILES.calendar, calendarFileSchema);
  const placesFile = read(CITY_PROFILE_FILES.places, placesFileSchema);
  const contactsFile = read(CITY_PROFILE_FILES.contacts, contactsFileSchema);
  const carta = readCarta(directory, problems);
  if (!profile || !texts || !catalogFile || !departmentsFile || !calendarFile || !placesFile || !contactsFile || !carta)
    throw new CityProfileError(directory, problems);

  const departments = toDepartments(departmentsFile);
  const catalog = toCatalog(catalogFile);
  const calendar: OfficeCalendar = {
    timezone: profile.timezone,
    weeklyHours: toWeeklyHours(calendarFile),
    businessWeekdays: calendarFile.businessWeekdays,
    holidays: toHolidays(calendarFile),
  };
  const places = toPlaceDirectory(placesFile);
  const contacts = toContacts(contactsFile);
  problems.push(
    ...departmentProblems(departments),
    ...catalogProblems(catalog, departments),
    ...calendarProblems(calendar),
    ...placeProblems(places),
    ...contactProblems(contacts, departments),
    ...cartaProblems(carta, new Set(departments.map((d) => d.id))),
  );
  if (problems.length > 0) throw new CityProfileError(directory, problems);
  return { ...profile, texts, directory, catalog, departments, calendar, places, contacts, carta };
};
