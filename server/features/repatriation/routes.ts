import type { FastifyPluginAsync } from 'fastify';
import { repatriationEndpoints as endpoints } from '@shared/repatriation/endpoints.js';
import { route } from '@server/core/route.js';
import type { ArrangementService } from './arrangement-service.js';
import type { CheckService } from './check-service.js';
import type { MovementService } from './movement-service.js';
import type { WindowService } from './window-service.js';

export interface RepatriationServices {
  arrangements: ArrangementService;
  windows: WindowService;
  checks: CheckService;
  movements: MovementService;
}

/** Safe and orderly repatriation (issue 14 contract, shared/repatriation/endpoints.ts). */
export const repatriationRoutes: FastifyPluginAsync<RepatriationServices> = async (
  app,
  { arrangements, windows, checks, movements },
) => {
  route(app, endpoints.arrangements, () => arrangements.list());
  route(app, endpoints.createArrangement, ({ user, body }) => arrangements.create(user, body));
  route(app, endpoints.arrangement, ({ params }) => arrangements.get(params.id));
  route(app, endpoints.updateArrangement, ({ user, params, body }) => arrangements.update(user, params.id, body));
  route(app, endpoints.deleteArrangement, ({ user, params }) => arrangements.delete(user, params.id));

  route(app, endpoints.windows, ({ query }) => windows.windows(query));
  route(app, endpoints.schedule, ({ query }) => windows.calendar(query));
  route(app, endpoints.check, ({ body }) => checks.check(body));

  route(app, endpoints.plan, ({ user, body }) => movements.plan(user, body));
  route(app, endpoints.movements, ({ query }) => movements.list(query));
  route(app, endpoints.movement, ({ params }) => movements.get(params.id));
  route(app, endpoints.recordNotice, ({ user, params, body }) => movements.recordNotice(user, params.id, body));
  route(app, endpoints.confirmReception, ({ user, params, body }) => movements.confirmReception(user, params.id, body));
  route(app, endpoints.reschedule, ({ user, params, body }) => movements.reschedule(user, params.id, body));
  route(app, endpoints.cancel, ({ user, params, body }) => movements.cancel(user, params.id, body));
};
