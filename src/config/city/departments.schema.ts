import { z } from 'zod';
import type { Department } from '../../domain/catalog/index.js';
import { isoDateOrNull, nonEmpty, slugId } from './common.schema.js';

const department = z.strictObject({
  id: slugId,
  name: nonEmpty,
  shortName: nonEmpty,
  acronym: z.string(),
  validFrom: isoDateOrNull,
  validTo: isoDateOrNull,
  successorId: slugId.nullable(),
  source: nonEmpty,
});

export const departmentsFileSchema = z.strictObject({
  note: z.string().optional(),
  departments: z.array(department).min(1),
});

export const toDepartments = (file: z.infer<typeof departmentsFileSchema>): Department[] => file.departments;
