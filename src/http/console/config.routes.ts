import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CityProfile } from '../../config/city-profile.js';
import { placeLabel } from '../../domain/places/index.js';
import { REQUEST_STATUSES, STATUS_TRANSITIONS } from '../../domain/requests/index.js';

export interface ConsoleConfigDeps {
  city: Pick<CityProfile, 'name' | 'channelName' | 'timezone' | 'catalog' | 'texts' | 'places' | 'broadcastTopics'>;
  simulator: boolean;
  mapTiles: { url: string; attribution: string } | undefined;
}

const consoleConfigSchema = z.object({
  city: z.object({ name: z.string(), channel_name: z.string(), timezone: z.string() }),
  simulator: z.boolean().describe('The server runs the WhatsApp simulator (/simulador) instead of the Cloud API'),
  map: z.object({ tile_url: z.string(), attribution: z.string() }).nullable().describe('null: maps without tiles'),
  services: z.array(z.object({ code: z.string(), name: z.string(), department_id: z.string(), kind: z.enum(['request', 'information']) })),
  statuses: z.array(z.object({ code: z.string(), label: z.string(), next: z.array(z.string()).describe('the statuses staff may move it to') })),
  places: z.array(z.object({ id: z.string(), name: z.string(), region: z.string().nullable() })).describe('quadras and setores of the city, for filters and intake'),
  boundary: z.array(z.tuple([z.number(), z.number()])).describe('the city outline as [lat, lng] vertices: maps show it even without tiles'),
  topics: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })).describe('what broadcasts are about; citizens opt in per topic'),
  groups: z.array(z.object({ id: z.string(), title: z.string() })).describe("the menu's sections of services, for reports by subject"),
});
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

/** What the console needs before anyone signs in: the city's names, the catalog's words, the simulator, map tiles. */
export const consoleConfig = (deps: ConsoleConfigDeps): ConsoleConfig => ({
  city: { name: deps.city.name, channel_name: deps.city.channelName, timezone: deps.city.timezone },
  simulator: deps.simulator,
  map: deps.mapTiles ? { tile_url: deps.mapTiles.url, attribution: deps.mapTiles.attribution } : null,
  services: deps.city.catalog.services.map((s) => ({ code: s.code, name: s.name, department_id: s.departmentId, kind: s.kind })),
  statuses: REQUEST_STATUSES.map((code) => ({ code, label: deps.city.texts[`status.${code}`] ?? code, next: [...STATUS_TRANSITIONS[code]] })),
  places: deps.city.places.places.filter((place) => !place.outsideCity).map((place) => ({ id: place.id, name: placeLabel(place), region: place.region })),
  boundary: deps.city.places.boundary.polygon,
  topics: deps.city.broadcastTopics.map((t) => ({ id: t.id, title: t.title, description: t.description })),
  groups: deps.city.catalog.groups.map((g) => ({ id: g.id, title: g.title })),
});

export const registerConsoleConfigRoute = (app: FastifyInstance, deps: ConsoleConfigDeps): void => {
  // Built again only when coordinators' edits replaced the catalog.
  let cached: { catalog: unknown; body: ConsoleConfig } | undefined;
  const body = (): ConsoleConfig => {
    if (cached?.catalog !== deps.city.catalog) cached = { catalog: deps.city.catalog, body: consoleConfig(deps) };
    return cached.body;
  };
  app.withTypeProvider<ZodTypeProvider>().get('/api/config', {
    schema: { tags: ['console'], summary: "The console's settings: city, catalog and status names, simulator mode, map tiles", response: { 200: consoleConfigSchema } },
  }, async () => body());
};
