import { z } from 'zod';
import type { Catalog } from '../../domain/catalog/index.js';
import { nonEmpty, slugId } from './common.schema.js';

/** Meta's limits for interactive list rows and sections. */
export const MENU_TITLE_MAX = 24;
export const MENU_DESCRIPTION_MAX = 72;

const field = z.strictObject({
  code: slugId,
  kind: z.enum(['location', 'text', 'photos']),
  required: z.boolean(),
  label: nonEmpty,
  prompt: nonEmpty,
  maxLength: z.number().int().positive().optional(),
  maxItems: z.number().int().positive().optional(),
});

const deadline = z.strictObject({
  businessDays: z.number().int().positive().nullable(),
  status: z.enum(['proposal', 'official', 'none']),
  note: nonEmpty,
  source: nonEmpty,
});

const service = z.strictObject({
  code: slugId,
  name: nonEmpty,
  kind: z.enum(['request', 'information']),
  departmentId: slugId,
  group: slugId,
  menuTitle: nonEmpty.max(MENU_TITLE_MAX, { error: `menu title over ${MENU_TITLE_MAX} characters (WhatsApp list row)` }),
  menuDescription: nonEmpty.max(MENU_DESCRIPTION_MAX, {
    error: `menu description over ${MENU_DESCRIPTION_MAX} characters (WhatsApp list row)`,
  }),
  keywords: z.array(nonEmpty),
  phoneLine: nonEmpty.nullable(),
  deadline: deadline.nullable(),
  fields: z.array(field),
  guidance: z.array(nonEmpty.max(1024)),
  seedCodes: z.array(nonEmpty).default([]),
  anonymousReports: z.boolean().default(false),
  duplicateRadiusMeters: z.number().int().min(0).max(1000).default(50),
});

const group = z.strictObject({
  id: slugId,
  title: nonEmpty.max(MENU_TITLE_MAX, { error: `group title over ${MENU_TITLE_MAX} characters (WhatsApp list section)` }),
  order: z.number().int(),
});

export const catalogFileSchema = z.strictObject({
  note: z.string().optional(),
  groups: z.array(group).min(1),
  services: z.array(service).min(1),
});

/** Compile-time proof that the parsed file is the domain's Catalog. */
export const toCatalog = (file: z.infer<typeof catalogFileSchema>): Catalog => ({ groups: file.groups, services: file.services });
