import { z } from 'zod';
import { cartaEntryFieldsSchema, cartaEntrySchema } from '../../domain/carta/index.js';

/** Errors of the Carta routes: `fields` names what a form should mark. */
export const cartaErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.string()).optional() }), fields: z.array(z.string()).optional() });

export const cartaErrors = { 400: cartaErrorSchema, 401: cartaErrorSchema, 403: cartaErrorSchema, 404: cartaErrorSchema, 409: cartaErrorSchema };

/** Loose on input (the domain checks every field and names the wrong ones); documented as the entry's fields. */
export const entryFieldsBody = z.record(z.string(), z.unknown()).describe(`The entry's fields: ${Object.keys(cartaEntryFieldsSchema.shape).join(', ')}`);

export const entryItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  provider: z.string(),
  lastReviewed: z.string(),
  reviewNeeded: z.boolean(),
  reviewDue: z.boolean().describe('Last reviewed more than CARTA_REVIEW_MONTHS (6) ago, or marked for review'),
  edited: z.boolean().describe('Differs from the shipped profile'),
  answers30d: z.number().describe('Times the bot answered with it in the last 30 days'),
});

export const entryDetailSchema = z.object({
  entry: cartaEntrySchema,
  edited: z.boolean(),
  editedAt: z.string().nullable(),
  editedBy: z.string().nullable(),
  reviewDue: z.boolean(),
  publicUrl: z.string().describe('The public page of this entry'),
});

export const questionSchema = z.object({
  id: z.number(),
  text: z.string().describe('Phone numbers masked'),
  askedAt: z.string(),
  entryId: z.string().nullable(),
  entryTitle: z.string().nullable(),
  outcome: z.enum(['unanswered', 'answered', 'not_helpful']),
  resolved: z.boolean(),
});

export const searchSchema = z.object({
  decision: z.object({ kind: z.enum(['entry', 'service', 'none']), id: z.string().nullable(), score: z.number() }),
  results: z.array(z.object({ id: z.string(), title: z.string(), score: z.number() })),
});
