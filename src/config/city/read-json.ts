import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

/** Reads and validates one file of a city profile, turning every failure into readable lines. */
export const readProfileFile = <S extends z.ZodType>(
  directory: string,
  file: string,
  schema: S,
  problems: string[],
): z.infer<S> | undefined => {
  const path = join(directory, file);
  if (!existsSync(path)) {
    problems.push(`${file}: missing (expected at ${path})`);
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${file}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return undefined;
  }
  return parsed.data;
};
