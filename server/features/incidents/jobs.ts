import type { DueWorkApi } from '@server/core/due-work.js';
import { ESCALATION, type IncidentService } from './service.js';

/** The incident feature's due work: an alert's escalation at its acknowledgement deadline. */
export function registerIncidentJobs(dueWork: Pick<DueWorkApi, 'register'>, service: IncidentService): void {
  dueWork.register(ESCALATION, ({ tx, record, work, now }) =>
    service.escalate(tx, record, work.subjectId, String(work.payload.alertId), now),
  );
}
