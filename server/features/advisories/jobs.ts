import type { DueWorkApi } from '@server/core/due-work.js';
import type { AdvisoryService } from './service.js';

/** The advisories feature's due work (shared/advisories/due-work.ts): an advisory's end at `validTo`. */
export function registerAdvisoryJobs(dueWork: Pick<DueWorkApi, 'register'>, service: AdvisoryService): void {
  dueWork.register('advisory.expiry', ({ tx, record, work, now }) => service.expire(tx, record, work.subjectId, now));
}
