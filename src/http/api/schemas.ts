import { z } from 'zod';

/** Every API error: a stable code for programs, a Portuguese message for the person at the console. */
export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
