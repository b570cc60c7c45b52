import { useI18n } from '@client/lib/i18n.js';
import { useAreas } from '../api/areas.js';
import { usePorts } from '../api/ports.js';
import { useStations } from '../api/stations.js';
import { stationLabel } from '../map/names.js';
import { usePortName } from './port-popup.js';

/* One line naming a map feature, for the list of what is in view (keyboard and screen readers). */

export function AreaLabel({ featureId }: { featureId: string }) {
  const { pick } = useI18n();
  const area = useAreas().data?.features.find((a) => a.id === featureId);
  return <>{area ? pick(area.properties.name) : featureId}</>;
}

export function PortLabel({ featureId }: { featureId: string }) {
  const portName = usePortName();
  const port = usePorts().data?.find((p) => p.id === featureId);
  return <>{port ? portName(port) : featureId}</>;
}

export function StationLabel({ featureId }: { featureId: string }) {
  const { language } = useI18n();
  const station = useStations().data?.find((s) => s.id === featureId);
  return <>{station ? stationLabel(station)[`name_${language}`] : featureId}</>;
}
