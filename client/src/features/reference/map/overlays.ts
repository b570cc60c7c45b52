import type { MapOverlay } from '@client/lib/feature.js';
import { useQuerySources } from '@client/lib/map/overlay-sources.js';
import { useAreas } from '../api/areas.js';
import { usePorts } from '../api/ports.js';
import { useStations } from '../api/stations.js';
import { AreaPopup } from '../components/area-popup.js';
import { AreaLabel, PortLabel, StationLabel } from '../components/feature-labels.js';
import { PortPopup } from '../components/port-popup.js';
import { StationPopup } from '../components/station-popup.js';
import { areaColours, portColour, stationColours } from './colours.js';
import { areaLayers, portLayers, stationLayers } from './layers.js';
import { areaSources, portSources, stationSources } from './sources.js';

/** Drawn bottom to top: areas under stations under ports (incidents go on top; mechanisms' areas, from the liaison feature, below all). */
export const referenceOverlays: readonly MapOverlay[] = [
  {
    id: 'areas',
    order: 10,
    legend: { label: 'map.layer.areas', swatches: [areaColours.moderate, areaColours.high, areaColours.extreme] },
    useSources: () => useQuerySources(useAreas(), areaSources),
    layers: areaLayers,
    Popup: AreaPopup,
    FeatureLabel: AreaLabel,
  },
  {
    id: 'stations',
    order: 30,
    legend: { label: 'map.layer.stations', swatches: [stationColours.grupo_beta, stationColours.border_patrol_sector] },
    useSources: () => useQuerySources(useStations(), stationSources),
    layers: stationLayers,
    Popup: StationPopup,
    FeatureLabel: StationLabel,
  },
  {
    id: 'ports',
    order: 40,
    legend: { label: 'map.layer.ports', swatches: [portColour] },
    useSources: () => useQuerySources(usePorts(), portSources),
    layers: portLayers,
    Popup: PortPopup,
    FeatureLabel: PortLabel,
  },
];
