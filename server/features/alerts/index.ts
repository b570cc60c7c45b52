import fp from 'fastify-plugin';
import type { SessionUser } from '@shared/auth.js';
import type { Alert } from '@shared/incidents/contract.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Executor } from '../../db/index.js';
import type { ChangeRecorder } from '../../plugins/changes.js';
import { alertsOf } from './repository.js';
import { EscalationScheduler } from './scheduler.js';
import { acknowledge, raiseAlert, type AlertedIncident } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    alerts: {
      raise(tx: Executor, record: ChangeRecorder, incident: AlertedIncident): Promise<unknown>;
      acknowledge(tx: Executor, record: ChangeRecorder, incident: AlertedIncident, user: SessionUser): ReturnType<typeof acknowledge>;
      of(db: Executor, incidentIds: string[]): Promise<Map<string, Alert[]>>;
      escalations: EscalationScheduler;
    };
  }
}

/** Early alerts, per-government acknowledgement and durable escalation (Plan of Action V). */
export default fp<{ config: Config; clock: Clock }>(
  async (app, { config, clock }) => {
    const deadlines = config.ackDeadlineMinutes;
    const escalations = new EscalationScheduler(app.db, clock, deadlines, config.escalationPollMs, (error) => app.log.error({ err: error }, 'escalation'));
    app.decorate('alerts', {
      raise: (tx, record, incident) => raiseAlert(tx, record, incident, clock.now(), deadlines),
      acknowledge: (tx, record, incident, user) => acknowledge(tx, record, incident, user, clock.now()),
      of: alertsOf,
      escalations,
    });
    app.addHook('onReady', async () => escalations.start());
    app.addHook('preClose', () => escalations.stop());
  },
  { name: 'alerts', dependencies: ['db', 'changes'] },
);
