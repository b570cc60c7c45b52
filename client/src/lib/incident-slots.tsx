import { createContext, lazy, useContext, type ComponentType, type ReactNode } from 'react';
import { mergeCatalogues } from '@shared/catalogues.js';
import { consoleActor } from '@shared/incidents/contract.js';
import type { TimelineEntry, TimelineEntryOf, TimelineKind } from '@shared/timeline.js';
import type { TimelineItem } from '@client/components/timeline.js';
import type { FeatureManifest, IncidentPanelProps, TimelineRenderers, TimelineWords } from './feature.js';
import type { I18n } from './i18n.js';

/** What the features contribute to the incident page: its panels in order, and how each timeline kind reads. */
export interface IncidentSlots {
  /** Each loaded on first render (`lazy`): the page shows them inside `Suspense`. */
  panels: readonly { id: string; Panel: ComponentType<IncidentPanelProps> }[];
  timeline: TimelineRenderers;
}

/** The incident page's slots from the features' manifests; a timeline kind two features both render is refused. */
export function incidentSlotsOf(features: readonly FeatureManifest[]): IncidentSlots {
  return {
    panels: features
      .flatMap((feature) => feature.incidentPanels ?? [])
      .sort((a, b) => a.order - b.order)
      .map(({ id, panel }) => ({ id, Panel: lazy(() => panel().then((Panel) => ({ default: Panel }))) })),
    timeline: features.reduce<TimelineRenderers>(
      (renderers, feature) => mergeCatalogues('timeline renderer', renderers, feature.timelineRenderers ?? {}),
      {},
    ),
  };
}

const Slots = createContext<IncidentSlots>({ panels: [], timeline: {} });

/** The app hands the incident page what the features contribute, as it hands the map its overlays. */
export function IncidentSlotsProvider({ slots, children }: { slots: IncidentSlots; children: ReactNode }) {
  return <Slots.Provider value={slots}>{children}</Slots.Provider>;
}

export const useIncidentSlots = (): IncidentSlots => useContext(Slots);

/** A timeline entry in words, by its kind's renderer; null when no renderer tells its kind. */
function timelineWords<K extends TimelineKind>(
  renderers: TimelineRenderers,
  kind: K,
  entry: TimelineEntryOf<K>,
  i18n: I18n,
): TimelineWords | null {
  const render = renderers[kind];
  return render ? render(entry, i18n) : null;
}

/**
 * Incident timeline entries as the timeline component lists them, each in words by its kind's
 * renderer (the incident page's, the search-and-rescue log's). The console is named as such.
 */
export function timelineItems(
  entries: readonly TimelineEntry[],
  renderers: TimelineRenderers,
  i18n: I18n,
): TimelineItem[] {
  return entries.map((entry) => ({
    id: entry.id,
    at: entry.at,
    by: entry.by === consoleActor ? i18n.t('timeline.console') : entry.by,
    ...(timelineWords(renderers, entry.kind, entry, i18n) ?? { verb: i18n.t('timeline.entry'), detail: null }),
    text: entry.text,
    exercise: 'exercise' in entry.data && entry.data.exercise === true,
    kind: entry.kind,
  }));
}
