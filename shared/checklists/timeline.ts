import { z } from 'zod';
import { timelineKinds } from '@shared/incidents/timeline.js';
import { checklistKind } from './contract.js';

/** What the checklists feature writes on an incident's timeline. */
export const checklistTimelineKinds = timelineKinds({
  /** A checklist started (`step` and `done` null), or one of its steps ticked (`done` true) or unticked. */
  checklist: z.object({ checklist: checklistKind, step: z.string().nullable(), done: z.boolean().nullable() }),
});
