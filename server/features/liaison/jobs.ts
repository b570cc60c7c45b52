import type { DueWorkApi } from '@server/core/due-work.js';
import type { RotationService } from './rotation-service.js';

/** The liaison feature's due work (shared/liaison/due-work.ts): a day's warning before a mechanism's next unintended coverage gap. */
export function registerLiaisonJobs(dueWork: Pick<DueWorkApi, 'register'>, service: RotationService): void {
  dueWork.register('liaison.coverage-gap', ({ tx, record, work, now }) =>
    service.warnOfGap(tx, record, work.subjectId, work.payload, now),
  );
}
