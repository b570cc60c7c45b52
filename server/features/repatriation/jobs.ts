import type { DueWorkApi } from '@server/core/due-work.js';
import { NOTICE_DEADLINE, type RepatriationService } from './service.js';

/** The repatriation feature's due work: a planned movement's consular-notice deadline. */
export function registerRepatriationJobs(dueWork: Pick<DueWorkApi, 'register'>, service: RepatriationService): void {
  dueWork.register(NOTICE_DEADLINE, ({ tx, record, work, now }) => service.noticeOverdue(tx, record, work, now));
}
