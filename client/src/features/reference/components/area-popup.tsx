import { useSearchParams } from 'react-router';
import { PopupCard, PopupLine } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { useAreas } from '../api/areas.js';
import { Provenance } from './provenance.js';
import '../popups.css';

export function AreaPopup({ featureId }: { featureId: string }) {
  const { t, pick } = useI18n();
  const [, setSearch] = useSearchParams();
  const area = useAreas().data?.features.find((a) => a.id === featureId)?.properties;
  if (!area) return null;
  return (
    <PopupCard
      kind={`${t('map.area')} · ${t(`map.risk.${area.riskLevel}`)}`}
      title={pick(area.name)}
      testId="area-popup"
    >
      {/* First: the incidents feature's statistics panel (with who to call there) opens for the area named in the URL. */}
      <button
        type="button"
        className="popup-action"
        data-testid="area-stats-open"
        onClick={() =>
          setSearch(
            (current) => {
              const next = new URLSearchParams(current);
              next.set('area', featureId);
              return next;
            },
            { replace: true },
          )
        }
      >
        {t('map.areaStats')}
      </button>
      <PopupLine label={t('map.hazard')} value={pick(area.hazard)} />
      {area.season && <PopupLine label={t('map.season')} value={pick(area.season)} />}
      <Provenance approx={area.approx} sources={area.sources} />
    </PopupCard>
  );
}
