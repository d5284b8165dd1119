import { z } from 'zod';
import type { PlaceDirectory } from '../../domain/places/index.js';
import { nonEmpty, slugId } from './common.schema.js';

const confidence = z.enum(['alta', 'media', 'baixa']);
const latLng = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);

const place = z.strictObject({
  id: slugId,
  name: nonEmpty,
  officialName: nonEmpty.nullable(),
  kind: nonEmpty,
  region: nonEmpty.nullable(),
  aliases: z.array(nonEmpty),
  uncertainAliases: z.array(nonEmpty),
  confidence,
  outsideCity: z.boolean(),
  note: z.string().nullable(),
  source: nonEmpty,
});

const pattern = z.strictObject({
  id: slugId,
  match: nonEmpty.refine(
    (source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'not a valid regular expression' },
  ),
  name: nonEmpty,
  kind: nonEmpty,
  region: nonEmpty.nullable(),
  confidence,
  note: z.string().nullable(),
});

const lowerWords = z.array(z.string().regex(/^[a-z0-9]+$/, { error: 'must be lower case, without accents or spaces' }));

export const placesFileSchema = z.strictObject({
  note: z.string().optional(),
  matching: z.strictObject({
    ignoredPrefixes: lowerWords,
    optionalSuffixes: lowerWords,
    ignoredWords: lowerWords,
    synonyms: z.record(z.string().regex(/^[a-z0-9]+$/), z.string().regex(/^[a-z0-9]+$/)),
  }),
  patterns: z.array(pattern),
  boundary: z.strictObject({ note: nonEmpty, polygon: z.array(latLng).min(3) }),
  places: z.array(place).min(1),
});

export const toPlaceDirectory = (file: z.infer<typeof placesFileSchema>): PlaceDirectory => ({
  matching: file.matching,
  patterns: file.patterns,
  boundary: file.boundary,
  places: file.places,
});
