import type { FeatureCollection, Point } from 'geojson';
import { useMemo } from 'react';
import { portName } from '@shared/repatriation/engine.js';
import { PopupCard } from '@client/components/popup-card.js';
import type { MapOverlay } from '@client/lib/feature.js';
import { useI18n } from '@client/lib/i18n.js';
import { useOpenPorts, type OpenPort } from '../api/open-windows.js';
import { StatusLine } from '../components/status-line.js';

/** Yellow: no other overlay uses it (ports orange, Grupo Beta green, areas purple, incidents teal). */
export const openWindowColour = '#fab005';
export const OPEN_WINDOWS_SOURCE = 'repatriation-open';

/** The port's marker sits between its two facilities (as the ports overlay draws it). */
const crossing = ({ port }: OpenPort): Point => ({
  type: 'Point',
  coordinates: [(port.usLocation.lon + port.mxLocation.lon) / 2, (port.usLocation.lat + port.mxLocation.lat) / 2],
});

function useOpenWindowSources() {
  const { open, error, retry } = useOpenPorts();
  // Rebuilt only when the set of open ports changes, not every minute (`ids` names what it holds; ports do not move).
  const ids = open ? [...open.keys()].sort().join(',') : null;
  const collections = useMemo(() => {
    if (!open) return undefined;
    const features: FeatureCollection<Point>['features'] = [...open.values()].map((entry) => ({
      type: 'Feature',
      geometry: crossing(entry),
      properties: { id: entry.port.id },
    }));
    return { [OPEN_WINDOWS_SOURCE]: { type: 'FeatureCollection', features } satisfies FeatureCollection };
  }, [ids]);
  return { collections, error, retry };
}

/** The port, and until when its window is open on the port's clock ("… until 18:00 MST"). */
export function OpenWindowPopup({ featureId }: { featureId: string }) {
  const { t } = useI18n();
  const { open, now } = useOpenPorts();
  const entry = open?.get(featureId);
  if (!entry) return null;
  return (
    <PopupCard kind={t('repatriation.mapLayer')} title={portName(entry.port)} testId="repatriation-window-popup">
      <StatusLine port={entry.port} zone={entry.zone} windows={entry.windows} now={now} />
    </PopupCard>
  );
}

/** The port's name: the list of features in view puts the legend's "Repatriation window open now" before it. */
export function OpenWindowLabel({ featureId }: { featureId: string }) {
  const entry = useOpenPorts().open?.get(featureId);
  return <>{entry ? portName(entry.port) : featureId}</>;
}

/**
 * "Repatriation window open now" (issue 17): a yellow ring around each open port inside one of
 * its arrangement's windows. The port's own dot answers a click on it; the ring's band opens
 * the window's line.
 */
export const openWindowsOverlay: MapOverlay = {
  id: 'repatriation-open',
  order: 42,
  legend: { label: 'repatriation.mapLayer', swatches: [openWindowColour], shape: 'ring' },
  useSources: useOpenWindowSources,
  layers: [
    {
      opensPopup: true,
      // Below the ports (40): the dot inside the ring stays the port's.
      clickRank: 35,
      spec: {
        id: 'repatriation-open',
        type: 'circle',
        source: OPEN_WINDOWS_SOURCE,
        paint: {
          'circle-opacity': 0,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 9, 10, 12.5],
          'circle-stroke-color': openWindowColour,
          'circle-stroke-width': 3,
        },
      },
    },
  ],
  Popup: OpenWindowPopup,
  FeatureLabel: OpenWindowLabel,
};
