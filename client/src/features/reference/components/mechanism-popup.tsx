import { PopupCard } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMechanisms } from '../api/mechanisms.js';
import { Provenance } from './provenance.js';

export function MechanismPopup({ featureId }: { featureId: string }) {
  const { t } = useI18n();
  const m = useMechanisms().data?.find((x) => x.id === featureId);
  if (!m) return null;
  return (
    <PopupCard
      kind={t(`map.mechanismKind.${m.kind}`)}
      title={`${m.usCity}, ${m.usState} – ${m.mxCity}, ${m.mxState}`}
      testId="mechanism-popup"
    >
      <p>{t('map.reach', { km: m.radiusKm })}</p>
      <Provenance approx={m.approx} sources={m.sources} />
    </PopupCard>
  );
}
