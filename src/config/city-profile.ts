import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The city as data: a second city runs by pointing CITY_CONFIG at its own folder. */
export const cityProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  channelName: z.string().min(1),
  timezone: z.string().min(1),
  locale: z.string().default('pt-BR'),
  whatsapp: z.object({ displayPhoneNumber: z.string().min(8) }),
  privacyPolicyUrl: z.string().url(),
});

export const cityTextsSchema = z.record(z.string(), z.string());

export type CityProfile = z.infer<typeof cityProfileSchema> & { texts: Record<string, string>; directory: string };

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export const loadCityProfile = (directory: string): CityProfile => {
  const profile = cityProfileSchema.parse(readJson(join(directory, 'city.json')));
  const texts = cityTextsSchema.parse(readJson(join(directory, 'texts.pt-BR.json')));
  return { ...profile, texts, directory };
};
