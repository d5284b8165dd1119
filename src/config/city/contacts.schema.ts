import { z } from 'zod';
import type { ContactDirectory } from '../../domain/catalog/index.js';
import { nonEmpty, slugId } from './common.schema.js';

const emergency = z.strictObject({
  id: slugId,
  name: nonEmpty,
  phone: z.string().regex(/^\d{3}$|^\(\d{2}\) /, { error: 'must be a short code such as "192" or "(63) …"' }),
  hours: nonEmpty.nullable(),
  what: nonEmpty,
  source: nonEmpty,
  sourceDate: nonEmpty.nullable(),
});

const line = z.strictObject({
  id: slugId,
  name: nonEmpty,
  phone: nonEmpty.nullable(),
  email: z.email().nullable(),
  address: nonEmpty.nullable(),
  hours: nonEmpty.nullable(),
  what: nonEmpty,
  departmentId: slugId.nullable(),
  status: z.enum(['current', 'superseded']),
  source: nonEmpty,
  sourceDate: nonEmpty.nullable(),
});

export const contactsFileSchema = z.strictObject({
  note: z.string().optional(),
  emergency: z.array(emergency).min(1),
  lines: z.array(line),
});

export const toContacts = (file: z.infer<typeof contactsFileSchema>): ContactDirectory => ({
  emergency: file.emergency,
  lines: file.lines,
});
