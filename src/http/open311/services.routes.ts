import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findOpen311Service, open311Error, open311Services, serviceDefinition } from '../../domain/open311/index.js';
import type { Open311Deps } from './deps.js';
import { definitionXml, discoveryXml, servicesXml, type Discovery } from './documents.js';
import { DISCOVERY_CONTENT_TYPES, sendDocument, sendError, splitFormat, type Format } from './reply.js';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const FORMATS: readonly Format[] = ['xml', 'json'];

const baseUrl = (deps: Open311Deps, request: FastifyRequest): string =>
  (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

const discovery = (deps: Open311Deps, request: FastifyRequest): Discovery => ({
  changeset: deps.changeset(),
  contact: deps.contact,
  key_service: 'API keys are issued by the city administration in the Whats Palmas console (admin: POST /api/open311/keys).',
  endpoints: [
    {
      specification: SPECIFICATION,
      url: `${baseUrl(deps, request)}/open311/v2`,
      changeset: deps.changeset(),
      type: deps.endpointType,
      formats: ['text/xml', 'application/json'],
    },
  ],
});

/** Discovery (also at /open311/discovery.*, the version-less place clients look first), services, definitions. */
export const registerServiceRoutes = (scope: FastifyInstance, deps: Open311Deps): void => {
  for (const format of FORMATS) {
    for (const path of [`/v2/discovery.${format}`, `/discovery.${format}`]) {
      scope.get(path, { schema: { hide: true } }, async (request, reply) => {
        const document = discovery(deps, request);
        return sendDocument(reply, format, { json: document, xml: discoveryXml(document) }, { contentTypes: DISCOVERY_CONTENT_TYPES });
      });
    }
    scope.get(`/v2/services.${format}`, { schema: { hide: true } }, async (_request, reply) => {
      const services = open311Services(deps.city.catalog);
      return sendDocument(reply, format, { json: services, xml: servicesXml(services) });
    });
  }

  scope.get<{ Params: { file: string } }>('/v2/services/:file', { schema: { hide: true } }, async (request, reply) => {
    const { name, format } = splitFormat(request.params.file);
    const service = findOpen311Service(deps.city.catalog, name);
    if (!service) return sendError(reply, format ?? 'xml', open311Error(404, `service_code: serviço ${name.slice(0, 60)} não encontrado; veja services.xml.`));
    const definition = serviceDefinition(service);
    return sendDocument(reply, format ?? 'xml', { json: definition, xml: definitionXml(definition) });
  });
};
