import fp from 'fastify-plugin';
import { reportRoutes } from './routes.js';
import { ReportService } from './service.js';

/**
 * Bilateral review reports (issue 25): the Plan of Action's results for a period, by mechanism,
 * high-risk area and port, and the records behind them as CSV. Reads only; the geography
 * (mechanisms, ports, areas and their zones) through the reference feature's public API.
 */
export default fp(
  async (app) => {
    const service = new ReportService({ db: app.db, geography: app.geography, clock: app.clock });
    await app.register(reportRoutes, { service });
  },
  { name: 'reports', dependencies: ['clock', 'db', 'access', 'reference'] },
);
