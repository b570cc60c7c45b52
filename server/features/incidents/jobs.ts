import type { DueWorkApi } from '@server/core/due-work.js';
import type { IncidentService } from './service.js';

/** The incident feature's due work (shared/incidents/due-work.ts): an alert's escalation at its acknowledgement deadline. */
export function registerIncidentJobs(dueWork: Pick<DueWorkApi, 'register'>, service: IncidentService): void {
  dueWork.register('incident.escalation', ({ tx, record, work, now }) =>
    service.escalate(tx, record, work.subjectId, work.payload.alertId, now),
  );
}
