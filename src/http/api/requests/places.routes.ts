import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isInsideCity, matchPlace, placeLabel, type PlaceCandidate } from '../../../domain/places/index.js';
import { errorSchema } from '../schemas.js';
import { security, type RequestsRoutesDeps } from './deps.js';

const lookupQuery = z
  .object({
    address: z.string().trim().min(1).max(300).optional().describe('free text as the caller says it ("qd 106 sul al 3")'),
    latitude: z.coerce.number().min(-90).max(90).optional(),
    longitude: z.coerce.number().min(-180).max(180).optional(),
  })
  .refine((q) => (q.latitude === undefined) === (q.longitude === undefined), { message: 'Informe latitude e longitude juntas.' })
  .refine((q) => q.address !== undefined || q.latitude !== undefined, { message: 'Informe um endereço ou um ponto.' });

const placeSchema = z.object({ id: z.string(), name: z.string(), region: z.string().nullable() });

const lookupSchema = z.object({
  place: z
    .object({
      status: z.enum(['inside', 'outside', 'none']).describe('inside: a place of the city; outside: a place people mention that is not the city; none: nothing fits'),
      best: placeSchema.nullable(),
      alternatives: z.array(placeSchema),
      ambiguous: z.boolean().describe('the first alternative is as likely as the best: ask which one'),
    })
    .nullable()
    .describe('what the address resolved to; null when no address was given'),
  point_inside_city: z.boolean().nullable().describe('whether the point falls inside the city outline; null when no point was given'),
});

const presentPlace = (candidate: PlaceCandidate) => ({ id: candidate.place.id, name: placeLabel(candidate.place), region: candidate.place.region });

/** Tells intake screens which quadra or setor a typed address means, and whether a clicked point is in the city. */
export const registerPlacesRoutes = (app: FastifyInstance, deps: RequestsRoutesDeps): void => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/places/lookup', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['requests'],
      summary: 'Which place of the city a typed address means, and whether a point is inside the city',
      security,
      querystring: lookupQuery,
      response: { 200: lookupSchema, 400: errorSchema, 401: errorSchema },
    },
  }, async (request) => {
    const { address, latitude, longitude } = request.query;
    const match = address === undefined ? undefined : matchPlace(address, deps.city.places);
    return {
      place: match
        ? { status: match.status, best: match.best ? presentPlace(match.best) : null, alternatives: match.alternatives.map(presentPlace), ambiguous: match.ambiguous }
        : null,
      point_inside_city: latitude === undefined || longitude === undefined ? null : isInsideCity(latitude, longitude, deps.city.places.boundary),
    };
  });
};
