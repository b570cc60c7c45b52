import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { authRoutes } from './routes.js';

const auth: FastifyPluginAsync<{ config: Config; clock: Clock }> = async (app, options) => {
  await app.register(authRoutes, options);
};
export default auth;
