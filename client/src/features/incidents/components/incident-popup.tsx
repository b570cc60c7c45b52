import { Link } from 'react-router';
import { PopupCard } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { useIncidentsOnMap } from '../api/list-incidents.js';
import { PlaceLine } from './place-line.js';

export function IncidentPopup({ featureId }: { featureId: string }) {
  const { t } = useI18n();
  const incident = useIncidentsOnMap().data?.find((i) => i.id === featureId);
  if (!incident) return null;
  return (
    <PopupCard kind={t('map.incident')} title={t(`incidentType.${incident.type}`)} testId="incident-popup">
      <p>
        {t(`severity.${incident.severity}`)} · {t(`status.${incident.status}`)}
      </p>
      <p>
        <PlaceLine incident={incident} />
      </p>
      <p>{incident.summary}</p>
      <Link to={`/incidents/${incident.id}`}>{t('map.openIncident')}</Link>
    </PopupCard>
  );
}

/** The incident in one line (type and where), for the list of features in view. */
export function IncidentLabel({ featureId }: { featureId: string }) {
  const { t } = useI18n();
  const incident = useIncidentsOnMap().data?.find((i) => i.id === featureId);
  if (!incident) return null;
  return (
    <>
      {t(`incidentType.${incident.type}`)} · <PlaceLine incident={incident} />
    </>
  );
}
