import { PopupCard, PopupLine } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { useAreas } from '../api/areas.js';
import { Provenance } from './provenance.js';

export function AreaPopup({ featureId }: { featureId: string }) {
  const { t, pick } = useI18n();
  const area = useAreas().data?.features.find((a) => a.id === featureId)?.properties;
  if (!area) return null;
  return (
    <PopupCard
      kind={`${t('map.area')} · ${t(`map.risk.${area.riskLevel}`)}`}
      title={pick(area.name)}
      testId="area-popup"
    >
      <PopupLine label={t('map.hazard')} value={pick(area.hazard)} />
      {area.season && <PopupLine label={t('map.season')} value={pick(area.season)} />}
      <Provenance approx={area.approx} sources={area.sources} />
    </PopupCard>
  );
}
