import { COVERAGE_GAP_WORK } from '@shared/liaison/events.js';
import type { DueWorkApi } from '@server/core/due-work.js';
import { gapWarningPayload, type LiaisonService } from './service.js';

/** The liaison feature's due work: a day's warning before a mechanism's next unintended coverage gap. */
export function registerLiaisonJobs(dueWork: Pick<DueWorkApi, 'register'>, service: LiaisonService): void {
  dueWork.register(COVERAGE_GAP_WORK, ({ tx, record, work, now }) =>
    service.warnOfGap(tx, record, work.subjectId, gapWarningPayload.parse(work.payload), now),
  );
}
