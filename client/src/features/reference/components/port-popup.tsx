import type { Port } from '@shared/reference/contract.js';
import { PopupCard, PopupLine } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { usePorts } from '../api/ports.js';
import { Provenance } from './provenance.js';
import { PortStatusBadge } from './port-status-badge.js';
import { SideClocks } from './side-clocks.js';

/** A port by both sides' names, each language naming its own side first ("Tijuana – San Ysidro" in Spanish). */
export function usePortName() {
  const { language } = useI18n();
  return (port: Pick<Port, 'usName' | 'mxName'>) =>
    language === 'es' ? `${port.mxName} – ${port.usName}` : `${port.usName} – ${port.mxName}`;
}

export function PortPopup({ featureId }: { featureId: string }) {
  const { t, zoneName } = useI18n();
  const portName = usePortName();
  const port = usePorts().data?.find((p) => p.id === featureId);
  if (!port) return null;
  const [us, mx] = [zoneName(port.usTimeZone), zoneName(port.mxTimeZone)];
  return (
    <PopupCard kind={t('map.port')} title={portName(port)} testId="port-popup">
      <p data-testid="port-popup-status">
        <span className="popup-label">{t('map.status')}: </span>
        <PortStatusBadge status={port.status} />
      </p>
      {port.status !== 'open' && port.statusReason && (
        <PopupLine
          label={t('map.portReason')}
          value={`${t(`portStatusReason.${port.statusReason}`)}${port.statusNote ? ` — ${port.statusNote}` : ''}`}
        />
      )}
      {port.statusChangedAt && port.statusChangedBy && (
        <p>
          <span className="popup-label">{t('map.portChanged')}: </span>
          {t('ports.changedBy', { by: port.statusChangedBy })} · <SideClocks iso={port.statusChangedAt} port={port} />
        </p>
      )}
      <PopupLine label={t('map.timeZones')} value={us === mx ? us : `${us} · ${mx}`} />
      <p>
        {port.usState} · {port.mxState}
      </p>
      <Provenance approx={port.approx} sources={port.sources} />
    </PopupCard>
  );
}
