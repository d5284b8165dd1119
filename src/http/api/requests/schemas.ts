import { z } from 'zod';
import { MAX_NOTE, REQUEST_PRIORITIES, REQUEST_STATUSES, type RequestPriority, type RequestStatus } from '../../../domain/requests/index.js';

export const protocolParams = z.object({ protocol: z.string().regex(/^\d{4}-\d{6}$/, 'AAAA-NNNNNN') });

const statusEnum = z.enum(REQUEST_STATUSES as [RequestStatus, ...RequestStatus[]]);
const priorityEnum = z.enum(REQUEST_PRIORITIES as [RequestPriority, ...RequestPriority[]]);
const iso = z.string().describe('ISO 8601');
const when = z.string().describe('AAAA-MM-DD (dia na cidade) ou data e hora ISO 8601');

/** `?status=aberto,em_analise` and `?status=aberto&status=em_analise` alike. */
const multi = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean)), z.array(item).max(20))
    .optional();

const flag = z.enum(['true', 'false']).optional();

export const listQuery = z.object({
  status: multi(statusEnum),
  service_code: multi(z.string().max(100)),
  department: z.string().max(100).optional(),
  assignee: z.union([z.enum(['me', 'none']), z.string().regex(/^\d{1,12}$/)]).optional().describe('"me", "none" or a user id'),
  priority: multi(priorityEnum),
  overdue: flag.describe('true: only open requests past their due date'),
  q: z.string().max(200).optional().describe('text in the protocol, description or address'),
  created_from: when.optional(),
  created_to: when.optional(),
  include_duplicates: flag.describe('false: leave out reports linked to another request (default true)'),
  place: multi(z.string().max(100)).describe('place ids of the city profile (quadras, setores), as in GET /api/config places'),
  region: z.string().max(100).optional().describe('a region of the city profile (e.g. "Plano Diretor Sul"): requests at any of its places'),
  before: z.coerce.number().int().positive().optional().describe('next_before of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

const named = z.object({ code: z.string(), name: z.string() });
const department = z.object({ id: z.string(), name: z.string() });
const person = z.object({ name: z.string().nullable(), phone: z.string().nullable() });

export const requestSummarySchema = z.object({
  protocol: z.string(),
  service: named,
  department,
  status: statusEnum,
  priority: priorityEnum,
  assignee: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  channel: z.string(),
  created_at: iso,
  updated_at: iso,
  due_at: iso.nullable(),
  overdue: z.boolean(),
  place: z.string().nullable().describe('the place or address as typed'),
  duplicate_of: z.string().nullable(),
  has_photos: z.boolean(),
  anonymous: z.boolean(),
  point: z.object({ latitude: z.number(), longitude: z.number() }).nullable().describe('where it was pinned, for maps'),
});

export const requestDetailSchema = requestSummarySchema.extend({
  description: z.string(),
  location: z.object({
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    place_id: z.string().nullable(),
    address: z.string().nullable(),
    reference: z.string().nullable(),
  }),
  photos: z.number(),
  photo_ids: z.array(z.string()).describe('read each at /api/media/{id}'),
  closed_at: iso.nullable(),
  feedback: z.object({ solved: z.boolean().nullable(), rating: z.number().nullable(), at: iso.nullable() }),
  followers: z.number(),
  duplicates: z.array(z.string()),
  reporter: z
    .object({ citizen: person.nullable(), caller: person.nullable() })
    .nullable()
    .describe('null when hidden: anonymous requests (fiscalização), or a user of another department'),
  history: z.array(
    z.object({
      kind: z.string(),
      from: statusEnum.nullable(),
      to: statusEnum,
      note: z.string().nullable(),
      actor: z.string(),
      actor_name: z.string().nullable(),
      at: iso,
    }),
  ),
});

export const patchBody = z.object({
  status: statusEnum.optional().describe('the citizen and followers are told on WhatsApp, with the note'),
  note: z.string().max(MAX_NOTE * 2).optional().describe('with status: sent to the citizen; alone: internal note'),
  priority: priorityEnum.optional(),
  assignee_id: z.number().int().positive().nullable().optional().describe('null: nobody'),
});

export const noteBody = z.object({ note: z.string().max(MAX_NOTE * 2) });
export const linkBody = z.object({ primary: protocolParams.shape.protocol });

const MAX_INTAKE_TEXT = 5000;

export const intakeBody = z.object({
  service_code: z.string().max(100),
  location: z.object({
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    address: z.string().max(MAX_INTAKE_TEXT).optional(),
    place: z.string().max(100).optional().describe('a place id of the city profile'),
  }),
  description: z.string().max(MAX_INTAKE_TEXT),
  reference: z.string().max(MAX_INTAKE_TEXT).optional(),
  caller: z.object({ name: z.string().max(200).optional(), phone: z.string().max(40).optional() }),
  channel: z.enum(['phone', 'counter']).optional().describe('default phone'),
});

export const intakeResponse = z.object({
  protocol: z.string(),
  service: named,
  department,
  due_at: iso.nullable(),
  deadline_business_days: z.number().nullable(),
  duplicate_of: z.string().nullable(),
  sent_on_whatsapp: z.boolean(),
});
