import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { closuresForCalendar } from '../../../domain/closures/index.js';
import { canSeeRequest, inTransaction, registerPhoneRequest } from '../../../domain/requests/index.js';
import { errorSchema } from '../schemas.js';
import { security, viewerOf, type RequestsRoutesDeps } from './deps.js';
import { must, requestError } from './errors.js';
import { presentRegistered } from './presenters.js';
import { intakeBody, intakeResponse } from './schemas.js';

/** Requests the phone team and service desks register for callers, into the same queue as WhatsApp's. */
export const registerRequestIntakeRoutes = (app: FastifyInstance, deps: RequestsRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/requests', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['requests'],
      summary: 'Register a request for a caller (phone or service desk)',
      description:
        'When the caller\'s number belongs to a citizen known on WhatsApp, the request is theirs and the protocol is sent to them there; otherwise the caller\'s name and number stay on the request. Users of a department register only requests their department handles.',
      security,
      body: intakeBody,
      response: { 201: intakeResponse, 400: errorSchema, 401: errorSchema, 403: errorSchema, 503: errorSchema },
    },
  }, async (request, reply) => {
    const viewer = viewerOf(request);
    const { body } = request;
    const now = deps.clock.now().getTime();
    const notice = { db: deps.db, repos: deps.repos, city: deps.city, notifier: deps.notifier };
    const input = {
      serviceCode: body.service_code,
      location: { latitude: body.location.latitude, longitude: body.location.longitude, text: body.location.address, placeId: body.location.place },
      description: body.description,
      reference: body.reference,
      caller: body.caller,
      channel: body.channel ?? 'phone',
    };
    // Opened in a transaction so that a request of another department is rolled back with its notice.
    const registered = await inTransaction(deps.db, async (tx) => {
      const closures = await closuresForCalendar(tx, deps.repos, deps.city.calendar.timezone, now);
      const opened = must(await registerPhoneRequest({ ...notice, db: tx }, input, viewer, now, closures));
      if (!canSeeRequest(viewer, opened)) throw requestError({ code: 'outside_department', kind: 'forbidden', message: `${opened.serviceCode} is not of ${viewer.departmentId}` });
      return opened;
    });
    request.log.info({ protocol: registered.protocol, by: viewer.id, channel: input.channel }, 'request registered in the console');
    return reply.status(201).send(presentRegistered(registered));
  });
};
