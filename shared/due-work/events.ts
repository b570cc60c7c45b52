import { z } from 'zod';
import type { Audience } from '@shared/audience.js';

/** Work was set aside, or an administrator put it back in the queue: the list of work set aside changed. */
export const setAsideChanged = z.object({ workId: z.string(), kind: z.string(), subjectId: z.string() });

export const dueWorkEventPayloads = {
  'due-work.set-aside': setAsideChanged,
  'due-work.retried': setAsideChanged,
} as const;

/** Those who may see and retry work set aside (the `dueWork.manage` permission). */
export const dueWorkAudience: Audience = [{ roles: ['admin'] }];
