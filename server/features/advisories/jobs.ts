import type { DueWorkApi } from '@server/core/due-work.js';
import { EXPIRY, type AdvisoryService } from './service.js';

/** The advisories feature's due work: an advisory's end at `validTo`. */
export function registerAdvisoryJobs(dueWork: Pick<DueWorkApi, 'register'>, service: AdvisoryService): void {
  dueWork.register(EXPIRY, ({ tx, record, work, now }) => service.expire(tx, record, work.subjectId, now));
}
