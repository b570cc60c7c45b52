import { PopupCard, PopupLine } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { usePorts } from '../api/ports.js';
import { Provenance } from './provenance.js';

export function PortPopup({ featureId }: { featureId: string }) {
  const { t } = useI18n();
  const port = usePorts().data?.find((p) => p.id === featureId);
  if (!port) return null;
  const zones = port.usTimeZone === port.mxTimeZone ? port.usTimeZone : `${port.usTimeZone} · ${port.mxTimeZone}`;
  return (
    <PopupCard kind={t('map.port')} title={`${port.usName} – ${port.mxName}`} testId="port-popup">
      <p>
        {port.usState} · {port.mxState}
      </p>
      <PopupLine label={t('map.status')} value={t(`map.portStatus.${port.status}`)} />
      <PopupLine label={t('map.timeZones')} value={zones} />
      <Provenance approx={port.approx} sources={port.sources} />
    </PopupCard>
  );
}
