import { Link } from 'react-router';
import { mapIncidentProperties } from '@shared/incidents/map-filter.js';
import type { FeatureProperties } from '@client/lib/feature.js';
import { PopupCard } from '@client/components/popup-card.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n } from '@client/lib/i18n.js';
import { useIncident } from '../api/get-incident.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { PlaceLine } from './place-line.js';

/** A clicked incident: the map carries only what it draws, so the whole incident is loaded here. */
export function IncidentPopup({ featureId }: { featureId: string }) {
  const { t, viewerTimeZone, describeError } = useI18n();
  const { data: incident, error } = useIncident(featureId);
  if (error)
    return (
      <p role="alert" className="error">
        {describeError(error)}
      </p>
    );
  if (!incident) return <p className="muted">{t('shell.loading')}</p>;
  return (
    <PopupCard kind={t('map.incident')} title={t(`incidentType.${incident.type}`)} testId="incident-popup">
      <p>
        {incident.exercise && <ExerciseBadge />} {t(`severity.${incident.severity}`)} · {t(`status.${incident.status}`)}
      </p>
      <p>
        <ZonedTime iso={incident.occurredAt} timeZone={incident.place?.timeZone ?? viewerTimeZone} />
      </p>
      <p>
        <PlaceLine incident={incident} />
      </p>
      <p>{incident.summary}</p>
      <Link to={`/incidents/${incident.id}`}>{t('map.openIncident')}</Link>
    </PopupCard>
  );
}

/** What a drawn incident carries for its one-line label (a tile's feature or the live source's). */
const labelled = mapIncidentProperties.pick({ type: true, severity: true, occurredAt: true, exercise: true });

/** The incident in one line (type, severity, when), for the list of features in view: from what the map drew. */
export function IncidentLabel({ properties }: { featureId: string; properties: FeatureProperties }) {
  const { t, formatTime, viewerTimeZone } = useI18n();
  const parsed = labelled.safeParse(properties);
  if (!parsed.success) return null;
  const incident = parsed.data;
  return (
    <>
      {incident.exercise && `${t('incidents.exercise')} · `}
      {t(`incidentType.${incident.type}`)} · {t(`severity.${incident.severity}`)} ·{' '}
      {formatTime(incident.occurredAt, viewerTimeZone)}
    </>
  );
}
