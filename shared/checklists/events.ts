import { z } from 'zod';
import { checklist, checklistKind } from './contract.js';

/**
 * What the checklists feature announces: a checklist was started on an incident, or a step
 * ticked or unticked. It reaches whoever hears of the incident (`incidentAudience`: its
 * mechanism's officers on both sides, the central desks and overseers by the scope rule, and
 * the reporter). Kinds and fields: add, never rename.
 */
export const checklistEventPayloads = {
  'checklist.updated': z.object({
    incidentId: z.string(),
    checklistId: z.string(),
    kind: checklistKind,
    /** The step ticked or unticked; null when the checklist was just started. */
    stepId: z.string().nullable(),
    done: z.boolean().nullable(),
    by: z.string(),
    at: z.string(),
    /** The checklist as it stands after the change. */
    checklist,
  }),
} as const;
