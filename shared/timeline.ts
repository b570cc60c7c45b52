import { z } from 'zod';
import { mergeCatalogues } from '@shared/catalogues.js';
import { checklistTimelineKinds } from '@shared/checklists/timeline.js';
import { incidentTimelineKinds } from '@shared/incidents/timeline.js';
import { sarTimelineKinds } from '@shared/sar/timeline.js';

/**
 * The incident timeline's entry kinds, composed from each feature's `shared/<feature>/timeline.ts`
 * as the event catalogue is: kind → the schema of its entry, whose `data` the kind types. The
 * incidents feature hosts the timeline and writes and reads it through these; the client renders
 * each kind with what its feature contributes (client/src/lib/feature.ts `timelineRenderers`).
 */
export const timelineKinds = mergeCatalogues(
  'timeline entry kind',
  incidentTimelineKinds,
  checklistTimelineKinds,
  sarTimelineKinds,
);

export type TimelineKind = keyof typeof timelineKinds;
export type TimelineEntryOf<K extends TimelineKind> = z.infer<(typeof timelineKinds)[K]>;
export type TimelineData<K extends TimelineKind> = TimelineEntryOf<K>['data'];

const [first, ...rest] = Object.values(timelineKinds);
/** One entry of an incident's timeline; narrowing on `kind` narrows `data`. */
export const timelineEntry = z.discriminatedUnion('kind', [first!, ...rest]);
export type TimelineEntry = z.infer<typeof timelineEntry>;
