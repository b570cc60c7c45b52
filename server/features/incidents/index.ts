import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../clock.js';
import { incidentRoutes } from './routes.js';
import { IncidentService } from './service.js';

const incidents: FastifyPluginAsync<{ clock: Clock }> = async (app, { clock }) => {
  await app.register(incidentRoutes, { service: new IncidentService(app, clock) });
};
export default incidents;
