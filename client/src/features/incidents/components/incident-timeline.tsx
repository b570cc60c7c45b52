import { useMemo } from 'react';
import { mergeCatalogues } from '@shared/catalogues.js';
import type { TimelineEntry } from '@shared/incidents/contract.js';
import { Timeline } from '@client/components/timeline.js';
import { useI18n } from '@client/lib/i18n.js';
import { timelineItems, useIncidentSlots } from '@client/lib/incident-slots.js';
import { incidentTimelineRenderers } from '../timeline-renderers.js';

/**
 * The incident's history, each time in the place's zone (and the reader's, where it differs).
 * Its own steps read as the incident's renderers say; every other kind (a checklist ticked, a
 * search sector cleared) as the feature that writes it contributes (its manifest's `timelineRenderers`).
 */
export function IncidentTimeline({ entries, timeZone }: { entries: readonly TimelineEntry[]; timeZone: string }) {
  const i18n = useI18n();
  const contributed = useIncidentSlots().timeline;
  const renderers = useMemo(
    () => mergeCatalogues('timeline renderer', incidentTimelineRenderers, contributed),
    [contributed],
  );
  return <Timeline items={timelineItems(entries, renderers, i18n)} timeZone={timeZone} />;
}
