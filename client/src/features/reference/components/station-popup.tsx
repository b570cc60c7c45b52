import { PopupCard } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { useStations } from '../api/stations.js';
import { stationLabel } from '../map/names.js';
import { Provenance } from './provenance.js';

export function StationPopup({ featureId }: { featureId: string }) {
  const { t, language } = useI18n();
  const station = useStations().data?.find((s) => s.id === featureId);
  if (!station) return null;
  return (
    <PopupCard
      kind={t(`map.station.${station.kind}`)}
      title={stationLabel(station)[`name_${language}`]}
      testId="station-popup"
    >
      <p>{station.state}</p>
      <Provenance approx={station.approx} sources={station.sources} />
    </PopupCard>
  );
}
