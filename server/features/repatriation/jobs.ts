import type { DueWorkApi } from '@server/core/due-work.js';
import type { MovementService } from './movement-service.js';

/** The repatriation feature's due work (shared/repatriation/due-work.ts): a planned movement's consular-notice deadline. */
export function registerRepatriationJobs(dueWork: Pick<DueWorkApi, 'register'>, service: MovementService): void {
  dueWork.register('repatriation.notice-deadline', ({ tx, record, work, now }) =>
    service.noticeOverdue(tx, record, work, now),
  );
}
