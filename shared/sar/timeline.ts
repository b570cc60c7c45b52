import { z } from 'zod';
import { country } from '@shared/auth.js';
import { timelineKinds } from '@shared/incidents/timeline.js';
import { assetKind, sarOutcome, sectorStatus, teamKind, type SarChange } from './vocabulary.js';

const step = <const C extends SarChange, S extends z.ZodRawShape>(change: C, shape: S) =>
  z.object({ change: z.literal(change), ...shape });

/** What the search-and-rescue feature writes on an incident's timeline: one kind, its `change` says which step. */
export const sarTimelineKinds = timelineKinds({
  sar: z.discriminatedUnion('change', [
    /** Its text is the objective, if one was given. */
    step('opened', { exercise: z.boolean().optional() }),
    /** Its text is the team's name. */
    step('team', { kind: teamKind, side: country }),
    /** Its text is the asset's description. */
    step('asset', { kind: assetKind }),
    step('sector', { sector: z.string(), status: sectorStatus }),
    step('sectorStatus', { sector: z.string(), from: sectorStatus, to: sectorStatus }),
    /** Its text is the note. */
    step('progress', {}),
    /** Its text is the note (why a search was called off). */
    step('closed', { outcome: sarOutcome }),
  ]),
});
export type SarTimelineData = z.infer<typeof sarTimelineKinds.sar>['data'];
